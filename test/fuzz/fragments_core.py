"""The first series of fuzz fragments: straight code, loops, phis, realloc,
branches, selects, pointer walks, basic helpers (nocapture, fresh return,
returning the argument), lists and trees built in helpers, escapes to
globals and to two places, early returns, switch, do/while, nested loops,
strings, recursion, address comparisons, interior pointers, pointers held
in locals/structs/memcpy'd cells/integers, swaps.

A fragment is a function (P, r, o): P is the gen.Program (helpers,
globals, functions, statements run at the end of main), r the seeded
random.Random, o the list of statement lines it appends to. It must stay
free of undefined behaviour and mix() everything it computes."""

from helpers import *  # noqa: F401,F403

def frag_straight(P, r, o):
    n = r.randint(2, 40)
    k = r.randint(1, 9)
    a, b = P.fresh("a"), P.fresh("b")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof(unsigned)));" % (a, n),
        "for (unsigned i = 0; i < %d; i++) %s[i] = i * %du + 3u;" % (n, a, k),
        "unsigned *%s = chk(calloc(%d, sizeof(unsigned)));" % (b, n),
        "for (unsigned i = 1; i < %d; i++) %s[i] = %s[i - 1] + %s[i];" % (n, b, b, a),
        "mix(%s[%d]);" % (b, r.randrange(n)),
    ]
    if r.random() < 0.5:
        o.append("mix(%s[%d] + %s[0]);" % (a, r.randrange(n), b))


def frag_loop_alloc(P, r, o):
    n, m = r.randint(1, 30), r.randint(1, 16)
    p = P.fresh("p")
    o += [
        "for (unsigned it = 0; it < %du; it++) {" % n,
        "  unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, m, p),
        "  for (unsigned j = 0; j < %du; j++) %s[j] = it + j;" % (m, p),
    ]
    if r.random() < 0.5:
        o.append("  if (it %% %d == 0) continue;" % r.randint(2, 4))
    o += ["  mix(%s[%d]);" % (p, r.randrange(m)), "}"]


def frag_phi_carry(P, r, o):
    n, m = r.randint(1, 25), r.randint(2, 12)
    prev = P.fresh("prev")
    o += [
        "unsigned *%s = chk(calloc(%d, sizeof *%s));" % (prev, m, prev),
        "for (unsigned it = 0; it < %du; it++) {" % n,
        "  unsigned *cur = chk(malloc(%d * sizeof *cur));" % m,
        "  for (unsigned j = 0; j < %du; j++) cur[j] = %s[j] * 3u + it + j;" % (m, prev),
        "  %s = cur; /* the old one is dead from here */" % prev,
        "}",
        "mix(%s[%d]);" % (prev, r.randrange(m)),
    ]


def frag_realloc(P, r, o):
    n = r.randint(1, 60)
    buf = P.fresh("buf")
    o += [
        "unsigned cap_%s = %du, len_%s = 0;" % (buf, r.randint(1, 4), buf),
        "unsigned *%s = chk(malloc(cap_%s * sizeof *%s));" % (buf, buf, buf),
        "for (unsigned it = 0; it < %du; it++) {" % n,
        "  if (len_%s == cap_%s) {" % (buf, buf),
        "    cap_%s *= 2u;" % buf,
        "    %s = chk(realloc(%s, cap_%s * sizeof *%s));" % (buf, buf, buf, buf),
        "  }",
        "  %s[len_%s++] = it * it;" % (buf, buf),
        "}",
        "mix(%s[len_%s - 1] + len_%s);" % (buf, buf, buf),
    ]


def frag_vec(P, r, o):
    P.helper(*H_VEC)
    v = P.fresh("v")
    n = r.randint(0, 50)
    o += [
        "struct vec %s = {NULL, 0, 0};" % v,
        "for (unsigned it = 0; it < %du; it++) vec_push(&%s, it * 7u);" % (n, v),
        "mix(%s.len);" % v,
        "if (%s.len) mix(%s.data[%s.len / 2]);" % (v, v, v),
    ]


def frag_if_one_side(P, r, o):
    n = r.randint(2, 20)
    p, q = P.fresh("p"), P.fresh("q")
    cond = "ck %% %du == 0" % r.randint(2, 5)
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (q, n, q),
        "for (unsigned i = 0; i < %du; i++) { %s[i] = i + 5u; %s[i] = i * 2u; }" % (n, p, q),
        "if (%s) {" % cond,
        "  mix(%s[%d]);" % (p, r.randrange(n)),
        "} else {",
        "  mix(%s[%d]);" % (q, r.randrange(n)),
    ]
    if r.random() < 0.5:
        o.append("  mix(%s[0]);" % q)
    o.append("}")
    if r.random() < 0.3:
        o.append("mix(%s[%d]);" % (q, r.randrange(n)))


def frag_select(P, r, o):
    n = r.randint(1, 20)
    a, b, s = P.fresh("a"), P.fresh("b"), P.fresh("s")
    o += [
        "unsigned *%s = make_seq(%du, 2u);" % (a, n),
        "unsigned *%s = make_seq(%du, 5u);" % (b, n),
        "unsigned *%s = (ck & %du) ? %s : %s;" % (s, 1 << r.randint(0, 3), a, b),
        "mix(%s[%d]);" % (s, r.randrange(n)),
    ]
    P.helper(*H_MAKE)
    if r.random() < 0.5:
        o.append("mix(%s[0] + %s[%d]);" % (a, s, n - 1))
    if r.random() < 0.3:
        o.append("mix(%s == %s); /* pointers compared */" % (s, a))


def frag_ptr_walk(P, r, o):
    n = r.randint(1, 40)
    p = P.fresh("w")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "for (unsigned *q = %s; q < %s + %d; q++) *q = (unsigned)(q - %s) * 11u;" % (p, p, n, p),
        "unsigned *end_%s = %s + %d;" % (p, p, n),
        "for (const unsigned *q = end_%s; q != %s;) mix(*--q);" % (p, p),
    ]


def frag_nocapture(P, r, o):
    P.helper(*H_SUM)
    n = r.randint(1, 30)
    p = P.fresh("r")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i | %du;" % (n, p, r.randint(1, 64)),
        "mix(sum_buf(%s, %du));" % (p, n),
    ]
    if r.random() < 0.4:
        o.append("mix(sum_buf(%s + %d, %du));" % (p, n // 2, n - n // 2))


def frag_fresh_return(P, r, o):
    P.helper(*H_MAKE)
    P.helper(*H_SUM)
    n = r.randint(1, 30)
    p = P.fresh("f")
    o += ["unsigned *%s = make_seq(%du, %du);" % (p, n, r.randint(1, 9)),
          "mix(sum_buf(%s, %du));" % (p, n)]
    if r.random() < 0.5:
        o += ["%s = make_seq(%du, 3u); /* overwritten: the first is dead */" % (p, n),
              "mix(%s[%d]);" % (p, r.randrange(n))]


def frag_return_arg(P, r, o):
    P.helper(*H_IDENT)
    P.helper(*H_MID)
    n = r.randint(2, 30)
    p, q, m = P.fresh("o"), P.fresh("i"), P.fresh("m")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i + 100u;" % (n, p),
        "unsigned *%s = pass_through(%s, %du);" % (q, p, n),
        "unsigned *%s = middle_of(%s, %du);" % (m, q, n),
        "mix(%s[0]);" % m,
    ]
    if r.random() < 0.5:
        o.append("mix(%s[%d]);" % (p, r.randrange(n)))


def frag_list(P, r, o):
    P.helper(*H_LIST)
    n = r.randint(0, 40)
    l = P.fresh("l")
    o += ["struct node *%s = build_list(%du, %du);" % (l, n, r.randint(0, 99)),
          "mix(walk_list(%s));" % l]
    if r.random() < 0.5:
        o += ["for (struct node *c = %s; c; c = c->next)" % l,
              "  if (c->val %% %du == 0) { mix(c->val); break; }" % r.randint(2, 7)]


def frag_tree(P, r, o):
    P.helper(*H_TREE)
    t = P.fresh("t")
    o += ["struct tree *%s = build_tree(%du, 1u);" % (t, r.randint(0, 6)),
          "mix(walk_tree(%s));" % t]
    if r.random() < 0.5:
        o.append("if (%s->left) mix(walk_tree(%s->left->right));" % (t, t))


def frag_global_escape(P, r, o):
    g = P.fresh("g_keep")
    n = r.randint(1, 10)
    P.globals.append("static unsigned *%s; /* ESCAPES: read again at the end of main */" % g)
    p = P.fresh("e")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i + 42u;" % (n, p),
        "%s = %s; /* ESCAPES: stored in a global */" % (g, p),
        "mix(%s[0]);" % p,
    ]
    P.late.append("if (%s) mix(%s[%d]);" % (g, g, r.randrange(n)))


def frag_two_places(P, r, o):
    n = r.randint(1, 8)
    p, box = P.fresh("d"), P.fresh("box")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "unsigned **%s = chk(malloc(2 * sizeof *%s));" % (box, box),
        "%s[0] = %s; %s[1] = %s; /* ESCAPES: stored in two places */" % (box, p, box, p),
        "for (unsigned i = 0; i < %du; i++) %s[0][i] = i * 9u;" % (n, box),
        "mix(%s[1][%d]);" % (box, r.randrange(n)),
    ]


def frag_early_return(P, r, o):
    P.helper(*H_FIND)
    P.helper(*H_MAKE)
    n = r.randint(0, 20)
    p = P.fresh("x")
    o += ["unsigned *%s = make_seq(%du + 1u, %du);" % (p, n, r.randint(1, 6)),
          "mix((unsigned)find_first(%s, %du, %du));" % (p, n, r.randint(2, 9))]


def frag_fn_early_return(P, r, o):
    """A fragment function of its own with an early return."""
    name = P.fresh("early")
    n = r.randint(2, 20)
    P.functions.append("\n".join([
        "static unsigned %s(unsigned k) {" % name,
        "  unsigned *p = chk(malloc(%d * sizeof *p));" % n,
        "  for (unsigned i = 0; i < %du; i++) p[i] = i * k;" % n,
        "  if (k %% %du == 0) return p[%d];" % (r.randint(2, 4), r.randrange(n)),
        "  unsigned *q = chk(malloc(%d * sizeof *q));" % n,
        "  for (unsigned i = 0; i < %du; i++) q[i] = p[i] + 1u;" % n,
        "  return q[%d] + p[0];" % r.randrange(n),
        "}", ""]))
    o.append("for (unsigned k = 0; k < %du; k++) mix(%s(k));" % (r.randint(1, 6), name))


def frag_switch(P, r, o):
    n = r.randint(1, 20)
    a, b, c = P.fresh("sa"), P.fresh("sb"), P.fresh("sc")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (a, n, a),
        "unsigned *%s = chk(calloc(%d, sizeof *%s));" % (b, n, b),
        "char *%s = chk(strdup(\"%s\"));" % (c, r.choice(WORDS)),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i * 13u;" % (n, a),
        "switch (ck % 4u) {",
        "case 0: mix(%s[%d]); break;" % (a, r.randrange(n)),
        "case 1: mix(%s[%d] + (unsigned)%s[0]); /* fallthrough */" % (b, r.randrange(n), c),
        "case 2: mix((unsigned)strlen(%s)); break;" % c,
        "default: mix(%s[0] ^ %s[0]);" % (a, b),
        "}",
    ]


def frag_do_while(P, r, o):
    n = r.randint(1, 12)
    p = P.fresh("dw")
    o += [
        "unsigned cnt_%s = 0;" % p,
        "unsigned *%s = NULL; /* carried across iterations */" % p,
        "do {",
        "  unsigned *nx = chk(malloc(3 * sizeof *nx));",
        "  nx[0] = cnt_%s; nx[1] = %s ? %s[0] + %s[2] : 7u; nx[2] = nx[1] * 3u;" % (p, p, p, p),
        "  %s = nx;" % p,
        "} while (++cnt_%s < %du);" % (p, n),
        "mix(%s[1] + %s[2]);" % (p, p),
    ]


def frag_nested(P, r, o):
    rows, cols = r.randint(1, 10), r.randint(1, 10)
    m = P.fresh("mat")
    o += [
        "unsigned **%s = chk(malloc(%d * sizeof *%s));" % (m, rows, m),
        "for (unsigned i = 0; i < %du; i++) {" % rows,
        "  %s[i] = chk(malloc(%d * sizeof **%s));" % (m, cols, m),
        "  for (unsigned j = 0; j < %du; j++) %s[i][j] = i * j + 1u;" % (cols, m),
        "}",
        "for (unsigned i = 0; i < %du; i++)" % rows,
        "  for (unsigned j = 0; j < %du; j++) {" % cols,
        "    if ((i + j) %% %du == 0) continue;" % r.randint(2, 5),
        "    if (j > %du) break;" % r.randint(1, 10),
        "    mix(%s[i][j]);" % m,
        "  }",
    ]


def frag_strings(P, r, o):
    s, t = P.fresh("str"), P.fresh("cat")
    w1, w2 = r.choice(WORDS), r.choice(WORDS)
    o += [
        "char *%s = chk(strdup(\"%s\"));" % (s, w1),
        "size_t len_%s = strlen(%s) + %d;" % (t, s, len(w2) + 1),
        "char *%s = chk(malloc(len_%s));" % (t, t),
        "strcpy(%s, %s); strcat(%s, \"%s\");" % (t, s, t, w2),
        "for (const char *c = %s; *c; c++) mix((unsigned char)*c);" % t,
    ]
    if r.random() < 0.5:
        o.append("mix(%s[0] == %s[0]);" % (s, t))


def frag_struct_fields(P, r, o):
    P.helper(*H_PAIR)
    n = r.randint(1, 15)
    p = P.fresh("pr")
    o += ["struct pair *%s = make_pair(%du, \"%s\");" % (p, n, r.choice(WORDS)),
          "mix(%s->a[%d] + (unsigned char)%s->name[1]);" % (p, r.randrange(n), p)]
    if r.random() < 0.5:
        o.append("unsigned *keep_%s = %s->a; /* field outlives the struct's last use */" % (p, p))
        o.append("mix(keep_%s[0]);" % p)


def frag_recursion(P, r, o):
    P.helper(*H_FACT)
    o.append("mix(rec_fill(%du));" % r.randint(0, 8))


def frag_addr_compare(P, r, o):
    """An address compared after the object's last data use: if the object
    were freed early, the next malloc could hand out the same address."""
    n = r.randint(1, 8)
    a, b = P.fresh("ca"), P.fresh("cb")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (a, n, a),
        "%s[0] = %du; mix(%s[0]);" % (a, r.randint(0, 99), a),
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (b, n, b),
        "%s[0] = 1u;" % b,
        "mix(%s == %s); /* pointers compared: %s is live until here */" % (a, b, a),
    ]


def frag_interior_only(P, r, o):
    """Only a pointer into the object is used after a while."""
    n = r.randint(2, 30)
    k = r.randrange(n)
    p, q = P.fresh("base"), P.fresh("in")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i * 17u;" % (n, p),
        "unsigned *%s = %s + %d;" % (q, p, k),
        "unsigned *other_%s = chk(malloc(%d * sizeof(unsigned)));" % (q, n),
        "for (unsigned i = 0; i < %du; i++) other_%s[i] = 5u;" % (n, q),
        "mix(*%s + other_%s[0]);" % (q, q),
    ]
    if k > 0:
        o.append("mix(%s[-1]);" % q)


def frag_stack_slots(P, r, o):
    """Objects held only in a local array of pointers."""
    k, n = r.randint(2, 5), r.randint(1, 8)
    s = P.fresh("slots")
    o += [
        "unsigned *%s[%d];" % (s, k),
        "for (unsigned i = 0; i < %du; i++) {" % k,
        "  %s[i] = chk(malloc(%d * sizeof(unsigned)));" % (s, n),
        "  for (unsigned j = 0; j < %du; j++) %s[i][j] = i + j;" % (n, s),
        "}",
        "for (unsigned i = %du; i-- > 0;) mix(%s[i][%d]);" % (k, s, r.randrange(n)),
    ]


def frag_local_struct(P, r, o):
    """An object held in a field of a local struct, read back later."""
    n = r.randint(1, 10)
    h = P.fresh("h")
    P.helper("holder", "struct holder { unsigned *p; unsigned n; };\n")
    o += [
        "struct holder %s;" % h,
        "%s.n = %du;" % (h, n),
        "%s.p = chk(malloc(%s.n * sizeof *%s.p));" % (h, h, h),
        "for (unsigned i = 0; i < %s.n; i++) %s.p[i] = i ^ 21u;" % (h, h),
        "struct holder copy_%s = %s; /* struct copied by value */" % (h, h),
        "unsigned *junk_%s = chk(malloc(%d * sizeof(unsigned)));" % (h, n),
        "junk_%s[0] = 9u; mix(junk_%s[0]);" % (h, h),
        "mix(copy_%s.p[%d]);" % (h, r.randrange(n)),
    ]


def frag_memcpy_ptr(P, r, o):
    """A pointer copied byte-wise into another object and read back."""
    n = r.randint(1, 8)
    p, cell = P.fresh("mp"), P.fresh("cell")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i + 77u;" % (n, p),
        "unsigned **%s = chk(malloc(sizeof *%s));" % (cell, cell),
        "memcpy(%s, &%s, sizeof %s);" % (cell, p, p),
        "%s = NULL;" % p,
        "unsigned *back_%s;" % cell,
        "memcpy(&back_%s, %s, sizeof back_%s);" % (cell, cell, cell),
        "mix(back_%s[%d]);" % (cell, r.randrange(n)),
    ]


def frag_ptrtoint(P, r, o):
    n = r.randint(1, 8)
    p = P.fresh("pi")
    o += [
        "unsigned *%s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "for (unsigned i = 0; i < %du; i++) %s[i] = i + 3u;" % (n, p),
        "uintptr_t addr_%s = (uintptr_t)%s; /* ESCAPES: through an integer */" % (p, p),
        "unsigned *tmp_%s = chk(malloc(%d * sizeof(unsigned)));" % (p, n),
        "tmp_%s[0] = 4u; mix(tmp_%s[0]);" % (p, p),
        "mix(((unsigned *)addr_%s)[%d]);" % (p, r.randrange(n)),
    ]


def frag_global_list(P, r, o):
    P.helper(*H_LIST)
    g = P.fresh("g_list")
    P.globals.append("static struct node *%s; /* ESCAPES: a whole list kept in a global */" % g)
    n = r.randint(1, 20)
    o += ["%s = build_list(%du, %du);" % (g, n, r.randint(0, 50)),
          "mix(walk_list(%s));" % g]
    P.late.append("mix(walk_list(%s));" % g)


def frag_alloc_in_arms(P, r, o):
    """A phi of two different allocations (malloc on one arm, calloc on the other)."""
    n = r.randint(1, 12)
    p = P.fresh("arm")
    o += [
        "unsigned *%s;" % p,
        "if (ck %% %du == 1u) {" % r.randint(2, 4),
        "  %s = chk(malloc(%d * sizeof *%s));" % (p, n, p),
        "  for (unsigned i = 0; i < %du; i++) %s[i] = i;" % (n, p),
        "} else {",
        "  %s = chk(calloc(%d, sizeof *%s));" % (p, n, p),
        "}",
        "mix(%s[%d]);" % (p, r.randrange(n)),
    ]


def frag_swap(P, r, o):
    """Two objects swapped around a loop: a cycle of phis."""
    n, it = r.randint(1, 8), r.randint(1, 9)
    a, b = P.fresh("sw"), P.fresh("sw")
    o += [
        "unsigned *%s = chk(calloc(%d, sizeof *%s));" % (a, n, a),
        "unsigned *%s = chk(calloc(%d, sizeof *%s));" % (b, n, b),
        "for (unsigned it = 0; it < %du; it++) {" % it,
        "  %s[it %% %du] += it;" % (a, n),
        "  unsigned *t = %s; %s = %s; %s = t;" % (a, a, b, b),
        "}",
        "mix(%s[0] * 3u + %s[%d]);" % (a, b, r.randrange(n)),
    ]


def frag_pass_fresh(P, r, o):
    """A fresh object passed straight through a helper that returns it."""
    P.helper(*H_IDENT)
    P.helper(*H_MAKE)
    n = r.randint(2, 12)
    p = P.fresh("pt")
    o += ["unsigned *%s = pass_through(make_seq(%du, 4u), %du);" % (p, n, n),
          "unsigned *%s_2 = make_seq(%du, 6u);" % (p, n),
          "mix(%s[1] + %s_2[0]);" % (p, p)]
