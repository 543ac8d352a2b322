"""The second series of fuzz fragments: linked structures (kept tails and
subtrees, rings, shared children and tails, unlinking, owning fields
overwritten, in-place reversal, recursive copies, constructor lists),
interprocedural shapes (out-parameters, helpers returning a cell of their
argument, one of two arguments, argument or copy, storing into another
argument, struct returned by value, recursive finders), control flow
(rolling generations, shared switch edges, goto, indirect calls) and C
features (VLAs, unions, function statics, struct arrays, qsort, varargs).
Same fragment protocol as fragments_core.py."""

from helpers import *  # noqa: F401,F403

def frag_list_tail(P, r, o):
    """A cell of a list used after the head's last use (a deep drop of the
    head would free it)."""
    P.helper(*H_LIST)
    n = r.randint(2, 15)
    l, t = P.fresh("lh"), P.fresh("tail")
    o += ["struct node *%s = build_list(%du, %du);" % (l, n, r.randint(0, 50)),
          "struct node *%s = %s->next;" % (t, l),
          "mix(%s->val);" % l,
          "struct node *junk_%s = build_list(2u, 1u);" % t,
          "mix(junk_%s->val);" % t,
          "mix(walk_list(%s));" % t]


def frag_subtree_kept(P, r, o):
    P.helper(*H_TREE)
    t, s = P.fresh("root"), P.fresh("sub")
    o += ["struct tree *%s = build_tree(%du, 1u);" % (t, r.randint(1, 5)),
          "struct tree *%s = %s->%s;" % (s, t, r.choice(["left", "right"])),
          "mix(%s->key);" % t,
          "struct tree *junk_%s = build_tree(1u, 2u);" % s,
          "mix(walk_tree(junk_%s));" % s,
          "mix(walk_tree(%s));" % s]


def frag_cycle(P, r, o):
    """A circular list built in place (a naive deep drop would loop or free twice)."""
    P.helper(*H_LIST)
    n = r.randint(1, 8)
    h = P.fresh("ring")
    o += [
        "struct node *%s = malloc(sizeof *%s);" % (h, h),
        "%s->val = 1u; %s->next = %s;" % (h, h, h),
        "for (unsigned i = 1; i < %du; i++) {" % n,
        "  struct node *c = malloc(sizeof *c);",
        "  c->val = i * 3u; c->next = %s->next; %s->next = c;" % (h, h),
        "}",
        "{ struct node *c = %s; for (unsigned i = 0; i < %du; i++, c = c->next) mix(c->val); }" % (h, 2 * n + 1),
    ]


def frag_shared_child(P, r, o):
    """One object referenced by two fields (a DAG, not a tree)."""
    P.helper(*H_TREE)
    t = P.fresh("dag")
    o += [
        "struct tree *%s = malloc(sizeof *%s);" % (t, t),
        "%s->key = 5u;" % t,
        "%s->left = build_tree(%du, 3u);" % (t, r.randint(0, 3)),
        "%s->right = %s->left; /* ESCAPES: the child is held twice */" % (t, t),
        "mix(walk_tree(%s));" % t,
    ]
    if r.random() < 0.5:
        o.append("struct tree *kid_%s = %s->left;" % (t, t))
        o.append("mix(walk_tree(kid_%s));" % t)


def frag_out_param(P, r, o):
    """A fresh object returned through an out-parameter."""
    P.helper("make_into", r"""/* Stores a fresh object into *out. */
static void make_into(unsigned **out, unsigned n) {
  unsigned *p = chk(malloc(n * sizeof *p));
  for (unsigned i = 0; i < n; i++) p[i] = n - i;
  *out = p;
}
""")
    n = r.randint(1, 12)
    p = P.fresh("out")
    o += ["unsigned *%s = NULL;" % p,
          "make_into(&%s, %du);" % (p, n),
          "mix(%s[%d]);" % (p, r.randrange(n))]
    if r.random() < 0.5:
        o += ["make_into(&%s, %du); /* the first is dead */" % (p, n), "mix(%s[0]);" % p]


def frag_unlink_keep(P, r, o):
    """A cell unlinked from its list but still used through a local."""
    P.helper(*H_LIST)
    n = r.randint(3, 12)
    l, c = P.fresh("ul"), P.fresh("cut")
    o += ["struct node *%s = build_list(%du, 7u);" % (l, n),
          "struct node *%s = %s->next;" % (c, l),
          "%s->next = %s->next; /* unlinked */" % (l, c),
          "mix(walk_list(%s));" % l,
          "%s->next = NULL;" % c,
          "mix(walk_list(%s));" % c]


def frag_field_overwrite(P, r, o):
    """An owning field overwritten: the old object is dead, the new one not."""
    n = r.randint(1, 10)
    h = P.fresh("fo")
    P.helper("holder", "struct holder { unsigned *p; unsigned n; };\n")
    o += [
        "struct holder *%s = malloc(sizeof *%s);" % (h, h),
        "%s->n = %du;" % (h, n),
        "%s->p = calloc(%d, sizeof(unsigned));" % (h, n),
        "mix(%s->p[%d]);" % (h, r.randrange(n)),
        "unsigned *old_%s = %s->p;" % (h, h),
        "%s->p = malloc(%d * sizeof(unsigned));" % (h, n),
        "for (unsigned i = 0; i < %du; i++) %s->p[i] = old_%s[i] + i;" % (n, h, h),
        "mix(%s->p[%d]);" % (h, r.randrange(n)),
    ]
    if r.random() < 0.5:
        o.append("unsigned *kept_%s = %s->p; mix(kept_%s[0]);" % (h, h, h))


def frag_list_in_place(P, r, o):
    """A list built in the current function, reversed in place, walked."""
    P.helper(*H_LIST)
    n = r.randint(0, 20)
    l = P.fresh("rl")
    o += [
        "struct node *%s = NULL;" % l,
        "for (unsigned i = 0; i < %du; i++) {" % n,
        "  struct node *c = malloc(sizeof *c);",
        "  c->val = i * i; c->next = %s; %s = c;" % (l, l),
        "}",
        "struct node *rev_%s = NULL;" % l,
        "while (%s) { struct node *nx = %s->next; %s->next = rev_%s; rev_%s = %s; %s = nx; }" % (
            l, l, l, l, l, l, l),
        "mix(walk_list(rev_%s));" % l,
    ]


def frag_list_copy_rec(P, r, o):
    """A recursive copy of a list: fresh objects returned through recursion."""
    P.helper(*H_LIST)
    P.helper("copy_list", r"""static struct node *copy_list(const struct node *l) {
  if (!l) return NULL;
  struct node *c = chk(malloc(sizeof *c));
  c->val = l->val + 1u;
  c->next = copy_list(l->next);
  return c;
}
""")
    n = r.randint(0, 12)
    l = P.fresh("cl")
    o += ["struct node *%s = build_list(%du, 2u);" % (l, n),
          "struct node *dup_%s = copy_list(%s);" % (l, l),
          "mix(walk_list(dup_%s));" % l]
    if r.random() < 0.5:
        o.append("mix(walk_list(%s));" % l)


def frag_cons(P, r, o):
    """Lists built through a constructor; sometimes the tail is shared."""
    P.helper(*H_CONS)
    n = r.randint(0, 15)
    l = P.fresh("cs")
    o += ["struct cell *%s = NULL;" % l,
          "for (unsigned i = 0; i < %du; i++) %s = cons(i * 5u, %s);" % (n, l, l),
          "struct cell *two_%s = cons(1u, cons(2u, NULL));" % l,
          "mix(walk_cells(%s) + walk_cells(two_%s));" % (l, l)]
    kind = r.randrange(3)
    if kind == 1:
        o += ["struct cell *ext_%s = cons(99u, %s); /* ESCAPES: the tail is shared */" % (l, l),
              "mix(walk_cells(%s));" % l,
              "mix(walk_cells(ext_%s));" % l]
    elif kind == 2:
        o += ["struct cell *x_%s = cons(7u, %s); /* ESCAPES: shared by two lists */" % (l, l),
              "struct cell *y_%s = cons(8u, %s);" % (l, l),
              "mix(walk_cells(x_%s) ^ walk_cells(y_%s));" % (l, l)]


def frag_generations(P, r, o):
    """Three rolling generations: a chain of loop-carried phis."""
    n, m = r.randint(1, 12), r.randint(1, 6)
    g = P.fresh("gen")
    o += [
        "unsigned *old_%s = NULL, *mid_%s = NULL;" % (g, g),
        "for (unsigned it = 0; it < %du; it++) {" % n,
        "  unsigned *cur = malloc(%d * sizeof *cur);" % m,
        "  for (unsigned j = 0; j < %du; j++)" % m,
        "    cur[j] = it + j + (mid_%s ? mid_%s[j] : 0u) + (old_%s ? old_%s[j] * 2u : 0u);" % (g, g, g, g),
        "  old_%s = mid_%s; mid_%s = cur;" % (g, g, g),
        "}",
        "if (old_%s) mix(old_%s[%d]);" % (g, g, r.randrange(m)),
        "if (mid_%s) mix(mid_%s[0]);" % (g, g),
    ]


def frag_select_null(P, r, o):
    """Selects with null and with an interior pointer of the same object."""
    n = r.randint(2, 12)
    a = P.fresh("sn")
    o += [
        "unsigned *%s = malloc(%d * sizeof *%s);" % (a, n, a),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i * 19u;" % (n, a),
        "unsigned *maybe_%s = (ck & 2u) ? %s : NULL;" % (a, a),
        "unsigned *part_%s = (ck & 4u) ? %s : %s + %d;" % (a, a, a, r.randint(1, n - 1)),
        "mix(part_%s[0]);" % a,
        "if (maybe_%s) mix(maybe_%s[%d]);" % (a, a, r.randrange(n)),
    ]


def frag_switch_shared(P, r, o):
    """Several switch edges to the same block, the object dying on some."""
    n = r.randint(2, 10)
    a = P.fresh("ss")
    o += [
        "unsigned *%s = malloc(%d * sizeof *%s);" % (a, n, a),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i + 8u;" % (n, a),
        "for (unsigned k = 0; k < %du; k++) {" % r.randint(1, 6),
        "  unsigned *t_%s = malloc(%d * sizeof(unsigned));" % (a, n),
        "  t_%s[0] = k;" % a,
        "  switch ((k + ck) % 5u) {",
        "  case 0: case 1: mix(t_%s[0] + %s[1]); break;" % (a, a),
        "  case 2: case 3: break;",
        "  default: mix(t_%s[0]);" % a,
        "  }",
        "}",
        "mix(%s[%d]);" % (a, r.randrange(n)),
    ]


def frag_goto(P, r, o):
    """Leaving nested loops with goto."""
    n = r.randint(2, 8)
    a = P.fresh("gt")
    o += [
        "unsigned *%s = malloc(%d * sizeof *%s);" % (a, n * n, a),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i * 7u %% 11u;" % (n * n, a),
        "for (unsigned i = 0; i < %du; i++) {" % n,
        "  unsigned *row = malloc(%d * sizeof *row);" % n,
        "  for (unsigned j = 0; j < %du; j++) {" % n,
        "    row[j] = %s[i * %du + j];" % (a, n),
        "    if (row[j] == %du) { mix(row[j] + i); goto done_%s; }" % (r.randint(0, 10), a),
        "  }",
        "  mix(row[%d]);" % r.randrange(n),
        "}",
        "done_%s:" % a,
        "mix(%s[0]);" % a,
    ]


def frag_indirect(P, r, o):
    """An object passed through a function pointer (an unknown callee)."""
    P.helper(*H_SUM)
    P.helper("sum_odd", r"""static unsigned sum_odd(const unsigned *p, unsigned n) {
  unsigned s = 0;
  for (unsigned i = 1; i < n; i += 2) s += p[i];
  return s;
}
""")
    n = r.randint(1, 12)
    a = P.fresh("ic")
    o += [
        "unsigned (*fn_%s)(const unsigned *, unsigned) = (ck & 1u) ? sum_buf : sum_odd;" % a,
        "unsigned *%s = malloc(%d * sizeof *%s);" % (a, n, a),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i + 1u;" % (n, a),
        "mix(fn_%s(%s, %du));" % (a, a, n),
    ]


def frag_copy_buffers(P, r, o):
    """memcpy/memset between buffers: the source dies at the copy."""
    n = r.randint(1, 16)
    a, b = P.fresh("src"), P.fresh("dst")
    o += [
        "unsigned *%s = malloc(%d * sizeof *%s);" % (a, n, a),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i * i + 2u;" % (n, a),
        "unsigned *%s = malloc(%d * sizeof *%s);" % (b, n, b),
        "memcpy(%s, %s, %d * sizeof *%s);" % (b, a, n, b),
        "unsigned *z_%s = malloc(%d * sizeof(unsigned));" % (b, n),
        "memset(z_%s, 0, %d * sizeof(unsigned));" % (b, n),
        "mix(%s[%d] + z_%s[0]);" % (b, r.randrange(n), b),
    ]


def frag_string_search(P, r, o):
    """Library calls returning a pointer into their argument (strchr, strstr)."""
    w = r.choice(WORDS)
    s = P.fresh("ss")
    ch = r.choice(w)
    o += [
        "char *%s = strdup(\"%s-%s\");" % (s, w, r.choice(WORDS)),
        "char *hit_%s = strchr(%s, '%s');" % (s, s, ch),
        "char *sub_%s = strstr(%s, \"-\");" % (s, s),
        "char *other_%s = strdup(\"%s\");" % (s, r.choice(WORDS)),
        "mix((unsigned char)other_%s[0]);" % s,
        "if (hit_%s) mix((unsigned char)hit_%s[0] + (unsigned)(hit_%s - %s));" % (s, s, s, s),
        "if (sub_%s) printf(\"tail %%s\\n\", sub_%s + 1);" % (s, s),
    ]


def frag_list_helpers(P, r, o):
    """Helpers returning a pointer into their argument list (a loop over
    its cells, or one field load): the list must outlive the result."""
    P.helper(*H_LIST)
    P.helper("nth", r"""static struct node *nth(struct node *l, unsigned k) {
  while (k-- && l) l = l->next;
  return l;
}
static struct node *second(struct node *l) { return l ? l->next : NULL; }
""")
    n = r.randint(1, 14)
    l, t = P.fresh("nl"), P.fresh("nt")
    fn = r.choice(["nth(%s, %du)" % (l, r.randint(0, n)), "second(%s)" % l])
    o += ["struct node *%s = build_list(%du, %du);" % (l, n, r.randint(0, 9)),
          "struct node *%s = %s;" % (t, fn),
          "mix(%s->val);" % l,
          "struct node *junk_%s = build_list(%du, 1u);" % (t, r.randint(1, 5)),
          "mix(walk_list(junk_%s));" % t,
          "mix(walk_list(%s));" % t]


def frag_pick(P, r, o):
    """A helper returning one of two arguments, or its argument or a copy."""
    P.helper("pick", r"""static unsigned *pick(unsigned *a, unsigned *b, unsigned c) { return c ? a : b; }
static unsigned *maybe_copy(unsigned *p, unsigned n, unsigned c) {
  if (c) return p;
  unsigned *q = chk(malloc(n * sizeof *q));
  for (unsigned i = 0; i < n; i++) q[i] = p[i] + 1u;
  return q;
}
""")
    P.helper(*H_SUM)
    n = r.randint(1, 10)
    a, b = P.fresh("pa"), P.fresh("pb")
    o += [
        "unsigned *%s = malloc(%d * sizeof *%s), *%s = malloc(%d * sizeof *%s);" % (a, n, a, b, n, b),
        "for (unsigned i = 0; i < %du; i++) { %s[i] = i; %s[i] = 2u * i + 1u; }" % (n, a, b),
        "unsigned *p_%s = pick(%s, %s, (unsigned)(ck & 1u));" % (a, a, b),
        "mix(%s[0] + %s[0]);" % (a, b),
        "unsigned *junk_%s = malloc(%d * sizeof(unsigned));" % (a, n),
        "for (unsigned i = 0; i < %du; i++) junk_%s[i] = 3u;" % (n, a),
        "mix(sum_buf(junk_%s, %du));" % (a, n),
        "unsigned *mc_%s = maybe_copy(p_%s, %du, (unsigned)(ck & 2u));" % (a, a, n),
        "mix(mc_%s[%d] + p_%s[%d]);" % (a, r.randrange(n), a, r.randrange(n)),
    ]


def frag_attach(P, r, o):
    """A callee stores its argument into a field of another argument."""
    P.helper("holder", "struct holder { unsigned *p; unsigned n; };\n")
    P.helper("attach", r"""static void attach(struct holder *h, unsigned *p, unsigned n) { h->p = p; h->n = n; }
""")
    n = r.randint(1, 8)
    h, p = P.fresh("ah"), P.fresh("ap")
    o += ["struct holder *%s = malloc(sizeof *%s);" % (h, h),
          "unsigned *%s = malloc(%d * sizeof *%s);" % (p, n, p),
          "for (unsigned i = 0; i < %du; i++) %s[i] = i + 60u;" % (n, p),
          "attach(%s, %s, %du);" % (h, p, n),
          "mix(%s->p[%d] + %s->n);" % (h, r.randrange(n), h)]
    if r.random() < 0.5:
        o += ["unsigned *junk_%s = malloc(%d * sizeof(unsigned));" % (h, n),
              "for (unsigned i = 0; i < %du; i++) junk_%s[i] = 0u;" % (n, h),
              "mix(junk_%s[0]);" % h,
              "mix(%s[%d]); /* still used after the callee stored it */" % (p, r.randrange(n))]


def frag_struct_return(P, r, o):
    """A struct holding a fresh pointer returned by value."""
    P.helper("holder", "struct holder { unsigned *p; unsigned n; };\n")
    P.helper("mk_holder", r"""static struct holder mk_holder(unsigned n) {
  struct holder h;
  h.n = n;
  h.p = chk(malloc(n * sizeof *h.p));
  for (unsigned i = 0; i < n; i++) h.p[i] = i * 3u;
  return h;
}
""")
    n = r.randint(1, 10)
    h = P.fresh("hv")
    o += ["struct holder %s = mk_holder(%du);" % (h, n),
          "struct holder other_%s = mk_holder(%du);" % (h, n),
          "mix(other_%s.p[0]);" % h,
          "mix(%s.p[%d] + %s.n);" % (h, r.randrange(n), h)]


def frag_advance(P, r, o):
    """A local pointer moved forward by a callee through its address."""
    P.helper("advance", "static void advance(unsigned **pp) { *pp += 1; }\n")
    n = r.randint(3, 10)
    w = P.fresh("adv")
    o += ["unsigned *%s = malloc(%d * sizeof *%s);" % (w, n, w),
          "for (unsigned i = 0; i < %du; i++) %s[i] = i * 11u;" % (n, w),
          "advance(&%s); advance(&%s);" % (w, w),
          "mix(%s[0] + %s[-2] + %s[%d]);" % (w, w, w, n - 3)]


def frag_alias_across_loop(P, r, o):
    """An interior pointer of an object kept while a loop replaces the
    variable that owned it, or carried from one iteration to the next."""
    n, it = r.randint(3, 8), r.randint(1, 6)
    c = P.fresh("al")
    o += [
        "unsigned *%s = malloc(%d * sizeof *%s);" % (c, n, c),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i;" % (n, c),
        "unsigned *q_%s = %s + %d;" % (c, c, r.randint(1, n - 1)),
        "for (unsigned it = 0; it < %du; it++) {" % it,
        "  unsigned *nx = malloc(%d * sizeof *nx);" % n,
        "  for (unsigned i = 0; i < %du; i++) nx[i] = %s[i] + *q_%s + it;" % (n, c, c),
        "  mix(*q_%s);" % c,
    ]
    if r.random() < 0.5:
        o.append("  q_%s = nx + %d;" % (c, r.randint(0, n - 1)))
    o += ["  %s = nx;" % c, "}", "mix(*q_%s + %s[%d]);" % (c, c, r.randrange(n))]


def frag_cond_alloc(P, r, o):
    """Allocated on one path only; used later under the same condition
    (the variable is uninitialised on the other path)."""
    n = r.randint(1, 8)
    u = P.fresh("cu")
    cond = "(ck %% %du) == 0u" % r.randint(2, 3)
    o += ["unsigned *%s;" % u,
          "unsigned flag_%s = %s;" % (u, cond),
          "if (flag_%s) { %s = malloc(%d * sizeof *%s); for (unsigned i = 0; i < %du; i++) %s[i] = i + 1u; }" % (
              u, u, n, u, n, u),
          "unsigned *junk_%s = malloc(%d * sizeof(unsigned));" % (u, n),
          "for (unsigned i = 0; i < %du; i++) junk_%s[i] = 9u;" % (n, u),
          "mix(junk_%s[%d]);" % (u, r.randrange(n)),
          "if (flag_%s) mix(%s[%d]);" % (u, u, r.randrange(n))]


def frag_vla_slots(P, r, o):
    """Objects held in a variable-length array of pointers."""
    n, m = r.randint(1, 6), r.randint(1, 6)
    v = P.fresh("vla")
    o += ["unsigned k_%s = %du + (unsigned)(ck %% 3u);" % (v, n),
          "unsigned *%s[k_%s];" % (v, v),
          "for (unsigned i = 0; i < k_%s; i++) {" % v,
          "  %s[i] = calloc(%d, sizeof(unsigned));" % (v, m),
          "  %s[i][i %% %du] = i + 1u;" % (v, m),
          "}",
          "for (unsigned i = 0; i < k_%s; i++) mix(%s[i][i %% %du]);" % (v, v, m)]


def frag_union(P, r, o):
    """A pointer stored in a union and read back through it."""
    P.helper("either", "union either { unsigned *p; unsigned long bits; };\n")
    n = r.randint(1, 6)
    u = P.fresh("un")
    o += ["union either %s;" % u,
          "%s.p = malloc(%d * sizeof(unsigned));" % (u, n),
          "for (unsigned i = 0; i < %du; i++) %s.p[i] = i * 4u;" % (n, u),
          "union either copy_%s = %s;" % (u, u),
          "unsigned *junk_%s = malloc(%d * sizeof(unsigned));" % (u, n),
          "for (unsigned i = 0; i < %du; i++) junk_%s[i] = 1u;" % (n, u),
          "mix(junk_%s[0] + copy_%s.p[%d]);" % (u, u, r.randrange(n))]


def frag_static_local(P, r, o):
    """A function-static pointer: allocated once, reused by later calls."""
    name = P.fresh("memo")
    n = r.randint(1, 8)
    P.functions.append("\n".join([
        "static unsigned %s(unsigned k) {" % name,
        "  static unsigned *table; /* ESCAPES: lives in a static */",
        "  if (!table) {",
        "    table = malloc(%d * sizeof *table);" % n,
        "    for (unsigned i = 0; i < %du; i++) table[i] = i * i;" % n,
        "  }",
        "  return table[k %% %du];" % n,
        "}", ""]))
    o.append("for (unsigned k = 0; k < %du; k++) mix(%s(k));" % (r.randint(1, 5), name))


def frag_struct_array(P, r, o):
    """An array of structs whose fields point to separate objects."""
    P.helper("holder", "struct holder { unsigned *p; unsigned n; };\n")
    n, m = r.randint(1, 6), r.randint(1, 6)
    a = P.fresh("sa")
    o += ["struct holder *%s = calloc(%d, sizeof *%s);" % (a, n, a),
          "for (unsigned i = 0; i < %du; i++) {" % n,
          "  %s[i].n = %du;" % (a, m),
          "  %s[i].p = malloc(%d * sizeof(unsigned));" % (a, m),
          "  for (unsigned j = 0; j < %du; j++) %s[i].p[j] = i ^ j;" % (m, a),
          "}",
          "unsigned *first_%s = %s[0].p;" % (a, a),
          "for (unsigned i = 0; i < %du; i++) mix(%s[i].p[%d]);" % (n, a, r.randrange(m)),
          "mix(first_%s[0]);" % a]


def frag_qsort_ptrs(P, r, o):
    """An array of pointers to strings sorted by qsort with a comparator."""
    P.helper("cmp_str", r"""static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}
""")
    n = r.randint(2, 6)
    a = P.fresh("qs")
    words = [r.choice(WORDS) for _ in range(n)]
    o += ["char **%s = malloc(%d * sizeof *%s);" % (a, n, a)]
    o += ["%s[%d] = strdup(\"%s\");" % (a, i, w) for i, w in enumerate(words)]
    o += ["qsort(%s, %d, sizeof *%s, cmp_str);" % (a, n, a),
          "for (unsigned i = 0; i < %du; i++) mix((unsigned char)%s[i][0] * (i + 1u));" % (n, a),
          "printf(\"first %%s\\n\", %s[0]);" % a]


def frag_varargs(P, r, o):
    """Pointers passed through a variadic helper."""
    P.helper("stdarg", "#include <stdarg.h>\n")
    P.helper("sum_args", r"""static unsigned sum_args(unsigned count, ...) {
  va_list ap;
  unsigned s = 0;
  va_start(ap, count);
  for (unsigned i = 0; i < count; i++) s = s * 3u + *va_arg(ap, unsigned *);
  va_end(ap);
  return s;
}
""")
    a, b = P.fresh("va"), P.fresh("vb")
    o += ["unsigned *%s = malloc(sizeof *%s), *%s = malloc(sizeof *%s);" % (a, a, b, b),
          "*%s = %du; *%s = %du;" % (a, r.randint(0, 99), b, r.randint(0, 99)),
          "mix(sum_args(2u, %s, %s));" % (a, b),
          "mix(*%s);" % b]


def frag_rec_find(P, r, o):
    """Recursive (and mutually recursive) helpers returning a cell of their
    argument: the structure must outlive the result."""
    P.helper(*H_LIST)
    P.helper(*H_TREE)
    P.helper("rec_find", r"""static struct node *last_cell(struct node *l) { return l->next ? last_cell(l->next) : l; }
static struct tree *tree_min(struct tree *t) { return t->left ? tree_min(t->left) : t; }
static struct node *odd_step(struct node *l, unsigned k);
static struct node *even_step(struct node *l, unsigned k) { return (!k || !l->next) ? l : odd_step(l->next, k - 1u); }
static struct node *odd_step(struct node *l, unsigned k) { return (!k || !l->next) ? l : even_step(l->next, k - 1u); }
""")
    x = P.fresh("rf")
    if r.random() < 0.5:
        n = r.randint(1, 12)
        call = r.choice(["last_cell(%s)" % x, "even_step(%s, %du)" % (x, r.randint(0, 12))])
        o += ["struct node *%s = build_list(%du, %du);" % (x, n, r.randint(0, 9)),
              "struct node *hit_%s = %s;" % (x, call),
              "mix(%s->val);" % x,
              "struct node *junk_%s = build_list(3u, 1u);" % x,
              "mix(walk_list(junk_%s));" % x,
              "mix(hit_%s->val);" % x]
    else:
        o += ["struct tree *%s = build_tree(%du, 1u);" % (x, r.randint(0, 5)),
              "struct tree *hit_%s = tree_min(%s);" % (x, x),
              "mix(%s->key);" % x,
              "struct tree *junk_%s = build_tree(1u, 4u);" % x,
              "mix(walk_tree(junk_%s));" % x,
              "mix(hit_%s->key);" % x]


def frag_fresh_or_other(P, r, o):
    """Helpers returning a fresh object or NULL (fresh-owned), or a fresh
    object or a static buffer / their argument (not fresh)."""
    P.helper("fresh_or", r"""static unsigned fallback_buf[4] = {5u, 6u, 7u, 8u};
static unsigned *fresh_or_null(unsigned n) {
  if (n < 2u) return NULL;
  unsigned *p = malloc(n * sizeof *p);
  if (!p) return NULL;
  for (unsigned i = 0; i < n; i++) p[i] = i * 2u + 1u;
  return p;
}
static unsigned *fresh_or_static(unsigned n) {
  if (n < 4u) return fallback_buf;
  unsigned *p = chk(malloc(n * sizeof *p));
  for (unsigned i = 0; i < n; i++) p[i] = i * 4u;
  return p;
}
static unsigned *fresh_or_arg(unsigned n, unsigned *arg) {
  unsigned *p = chk(malloc(n * sizeof *p));
  for (unsigned i = 0; i < n; i++) p[i] = i * 6u;
  return n < 4u ? arg : p;
}
""")
    x = P.fresh("fo")
    n = "(%du + (unsigned)(ck %% %du))" % (r.randint(0, 4), r.randint(2, 5))
    o += ["unsigned n_%s = %s;" % (x, n),
          "unsigned *a_%s = fresh_or_null(n_%s);" % (x, x),
          "unsigned *b_%s = fresh_or_static(n_%s);" % (x, x),
          "unsigned *arg_%s = chk(malloc(4 * sizeof(unsigned)));" % x,
          "for (unsigned i = 0; i < 4u; i++) arg_%s[i] = i + 30u;" % x,
          "unsigned *c_%s = fresh_or_arg(n_%s, arg_%s);" % (x, x, x),
          "if (a_%s) mix(a_%s[1]);" % (x, x),
          "mix(b_%s[3] + c_%s[%d]);" % (x, x, r.randrange(4))]
    if r.random() < 0.5:
        o.append("mix(arg_%s[0]);" % x)
