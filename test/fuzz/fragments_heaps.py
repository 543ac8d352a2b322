"""The seventh series of fuzz fragments: slot vectors whose elements are
moved between slots, taken out and whose count shrinks
(analysis/SlotMoves.h, analysis/SlotTakes.cpp). A growable array of
pointers `E **items` with an integer counter may be modified by functions
that move elements (a binary heap's sift-up and sift-down), take one out
and return it (pop), and shrink the count; when every such function is
proven, a popped element is owned by the caller, and the container's deep
drop releases slots [0, count).

Shapes the analysis should accept, one fragment each: min-heaps of heap
records {key, seq, name} or of strings, pushed by a sift-up (a hole moved
up in a while or a for loop, or an append then swaps up) and popped by a
sift-down (the event-queue form with the last element taken first, the
last element moved to the top then swapped down with the child chosen by
?:, a min-child chosen by if); pops whose result is used, printed, pushed
into another heap of the same type or into a push-only bag of another
type, stored into a struct field, dropped immediately, or kept while more pops happen; peeks (borrowed) used before
a pop; draining loops (`while ((e = pop(v)))`, `while (v->count)`); heaps
built and drained in helpers; pops in a loop that pushes the element back
(changed); a peek after the pops used after the heap's last use; stacks:
`return v->items[--v->count]`, swap-remove (guarded against the last
slot), remove-at with a shifting loop (of slot k % count, or of an int
index checked against the count), in-place reversal (also with the upper
index checked against the count) and rotation by moves.

Hazards the analysis must reject, or that must still run correctly: a pop
that forgets the decrement (the last element copied to the top), a take
that leaves its hole (the count shrinks, slot 0 keeps the old top), a
swap-remove whose last slot is stored into itself, a remove-at by memmove,
an element pointer read (directly, through a peek, or a record's name)
before a pop and used after it, a slot read past the count after a stack
pop or through the buffer and count kept from before it (the popped
element's stale copy: test/fuzz/regressions/heap-stale-past-count.c),
elements also kept in a global or in another struct, one
element pushed twice, pops from an empty vector (guarded ones return NULL;
unguarded ones are only called when the caller checked the count), a
counter decremented by 2 (the second element handed out through an
out-parameter), an element moved from one heap to another through two
container parameters (also the same heap twice), an element moved slot
to slot into a bag of another type, the container copied (a snapshot on
the stack, `*w = *v`, by value) and popped through the copy.

The heap types come in families (`a`, `b`, or one private to the
fragment), as in fragments_slots.py: fragments of one family share the
type and helpers (and its push and pop spellings, chosen per family), so a
hazard in one of them must stop the ownership of the others. Each family
gets a random counter type and field layout and an index type for its
loops. Same fragment protocol as fragments_core.py."""

from helpers import *  # noqa: F401,F403
from fragments_slots import LAYOUTS, _init, _churn  # noqa: E402

HP_COUNT_TYPES = ["int", "int", "unsigned", "size_t", "long", "unsigned short"]


def _index_type(r, ct):
    if ct == "unsigned short":
        return r.choice(["int", "unsigned", "size_t"])
    return r.choice([ct, ct, "long", "size_t", "int"])


# ------------------------------------------------------------ family texts

_REC = r"""/* Heap records (family @): a key, a sequence number and a name. */
struct hn@ { unsigned key, seq; char *name; };
static unsigned hseq@;
static struct hn@ *hn_new@(unsigned k) {
  struct hn@ *e = chk(malloc(sizeof *e));
  e->key = k % 53u;
  e->seq = hseq@++;
  e->name = chk(strdup("WORD"));
  e->name[0] = (char)('a' + k % 26u);
  return e;
}
static int hn_less@(const struct hn@ *a, const struct hn@ *b) {
  return a->key < b->key || (a->key == b->key && a->seq < b->seq);
}
static unsigned hn_val@(const struct hn@ *e) {
  return e->key * 131u + e->seq * 7u + (unsigned char)e->name[0] + (unsigned)strlen(e->name);
}
"""

_STR = r"""/* Heap strings (family @). */
static char *hn_new@(unsigned k) {
  char *s = chk(strdup("WORD"));
  s[0] = (char)('a' + k % 26u);
  s[1] = (char)('a' + k / 26u % 26u);
  return s;
}
static int hn_less@(const char *a, const char *b) { return strcmp(a, b) < 0; }
static unsigned hn_val@(const char *s) { return (unsigned char)s[0] * 29u + (unsigned char)s[1] * 3u + (unsigned)strlen(s); }
"""

_VEC = r"""/* A vector of element pointers (family @): slots [0, count) own them. */
struct hp@ { FIELDS };
static struct hp@ *hp_new@(void) {
INIT  return v;
}
/* Reads every element. */
static unsigned hp_sum@(const struct hp@ *v) {
  unsigned s = 5u;
  for (IT i = 0; i < v->count; i++) s = s * 31u + hn_val@(v->items[i]);
  return s + (unsigned)v->count;
}
/* The top (borrowed: the vector still owns it), or NULL. */
static E *hp_peek@(const struct hp@ *v) { return v->count ? v->items[0] : NULL; }
"""

_GROW = r"""  if (v->count == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 4;
    E **b = realloc(v->items, (size_t)v->cap * sizeof *b);
    if (!b) exit(1);
    v->items = b;
  }
"""

PUSHES = [
    # A hole moved up, while loop (examples/ownership/event-queue.c).
    r"""/* Sift-up: the hole at the end moves up, then takes e. */
static void hp_push@(struct hp@ *v, E *e) {
GROW  IT i = v->count++;
  while (i > 0 && hn_less@(e, v->items[(i - 1) / 2])) {
    v->items[i] = v->items[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  v->items[i] = e;
}
""",
    # A hole moved up, for loop with a parent variable and a break.
    r"""/* Sift-up with a for loop and a parent index. */
static void hp_push@(struct hp@ *v, E *e) {
GROW  IT i;
  for (i = v->count++; i > 0;) {
    IT p = (i - 1) / 2;
    if (!hn_less@(e, v->items[p])) break;
    v->items[i] = v->items[p];
    i = p;
  }
  v->items[i] = e;
}
""",
    # Appended, then swapped up.
    r"""/* Appends e, then swaps it up. */
static void hp_push@(struct hp@ *v, E *e) {
GROW  v->items[v->count++] = e;
  IT i = v->count - 1;
  while (i > 0) {
    IT p = (i - 1) / 2;
    if (!hn_less@(v->items[i], v->items[p])) break;
    E *t = v->items[i];
    v->items[i] = v->items[p];
    v->items[p] = t;
    i = p;
  }
}
""",
]

POPS = [
    # examples/ownership/event-queue.c: the last one taken first, for(;;).
    r"""/* Sift-down: the top taken, the last taken, the hole moved down. */
static E *hp_pop@(struct hp@ *v) {
  if (v->count == 0) return NULL;
  E *top = v->items[0];
  E *last = v->items[--v->count];
  IT i = 0;
  for (;;) {
    IT c = 2 * i + 1;
    if (c >= v->count) break;
    if (c + 1 < v->count && hn_less@(v->items[c + 1], v->items[c])) c++;
    if (!hn_less@(v->items[c], last)) break;
    v->items[i] = v->items[c];
    i = c;
  }
  if (v->count > 0) v->items[i] = last;
  return top;
}
""",
    # The last moved to the top, then swapped down; child chosen by ?:.
    r"""/* The last element moved to the top, then swapped down. */
static E *hp_pop@(struct hp@ *v) {
  if (!v->count) return NULL;
  E *top = v->items[0];
  v->count--;
  if (v->count) {
    v->items[0] = v->items[v->count];
    IT i = 0;
    while (2 * i + 1 < v->count) {
      IT c = 2 * i + 1;
      c = (c + 1 < v->count && hn_less@(v->items[c + 1], v->items[c])) ? c + 1 : c;
      if (!hn_less@(v->items[c], v->items[i])) break;
      E *t = v->items[i];
      v->items[i] = v->items[c];
      v->items[c] = t;
      i = c;
    }
  }
  return top;
}
""",
    # The last read before the decrement; min child chosen by if.
    r"""/* Sift-down with a min-child chosen by if; the last read before the
   decrement. */
static E *hp_pop@(struct hp@ *v) {
  if (v->count <= 0) return NULL;
  E *top = v->items[0];
  E *last = v->items[v->count - 1];
  v->count = v->count - 1;
  IT i = 0;
  while (1) {
    IT l = 2 * i + 1, r = l + 1, m = l;
    if (l >= v->count) break;
    if (r < v->count && hn_less@(v->items[r], v->items[l])) m = r;
    if (!hn_less@(v->items[m], last)) break;
    v->items[i] = v->items[m];
    i = m;
  }
  if (v->count) v->items[i] = last;
  return top;
}
""",
    # The last read *before* the top: at count 1 both are slot 0 (correct,
    # but the top may look taken already).
    r"""/* Sift-down; the last element read before the top. */
static E *hp_pop@(struct hp@ *v) {
  if (v->count == 0) return NULL;
  E *last = v->items[v->count - 1];
  E *top = v->items[0];
  v->count--;
  IT i = 0;
  for (IT c = 1; c < v->count; c = 2 * i + 1) {
    if (c + 1 < v->count && hn_less@(v->items[c + 1], v->items[c])) c = c + 1;
    if (hn_less@(last, v->items[c]) || !hn_less@(v->items[c], last)) break;
    v->items[i] = v->items[c];
    i = c;
  }
  if (v->count != 0) v->items[i] = last;
  return top;
}
""",
]

# Helpers emitted on demand: name -> text (E, IT, @ substituted).
EXTRA = {
    "append": r"""/* A plain push (no sift): a stack or a bag. */
static void hp_append@(struct hp@ *v, E *e) {
GROW  v->items[v->count++] = e;
}
""",
    "stack_pop": r"""/* Stack pop: the last element, or NULL. */
static E *hp_stack_pop@(struct hp@ *v) {
  if (v->count == 0) return NULL;
  return v->items[--v->count];
}
""",
    "stack_pop2": r"""/* Stack pop with ?:. */
static E *hp_stack_pop2@(struct hp@ *v) { return v->count ? v->items[--v->count] : NULL; }
""",
    "swap_remove": r"""/* Removes slot k % count: the last element fills the hole. */
static E *hp_swap_remove@(struct hp@ *v, unsigned k) {
  if (v->count == 0) return NULL;
  IT i = (IT)(k % (unsigned)v->count);
  E *x = v->items[i];
  v->count--;
  if (i != v->count) v->items[i] = v->items[v->count];
  return x;
}
""",
    "swap_remove_i": r"""/* Removes slot i (NULL if out of range): the last element fills it. */
static E *hp_swap_remove_i@(struct hp@ *v, int i) {
  if (i < 0 || i >= v->count) return NULL;
  E *x = v->items[i];
  v->count--;
  if (i != v->count) v->items[i] = v->items[v->count];
  return x;
}
""",
    "remove_at": r"""/* Removes slot k % count, shifting the later ones down. */
static E *hp_remove_at@(struct hp@ *v, unsigned k) {
  if (v->count == 0) return NULL;
  IT i = (IT)(k % (unsigned)v->count);
  E *x = v->items[i];
  for (IT j = i; j + 1 < v->count; j++) v->items[j] = v->items[j + 1];
  v->count--;
  return x;
}
""",
    "remove_at_i": r"""/* Removes slot i (NULL if out of range), shifting the later ones down. */
static E *hp_remove_at_i@(struct hp@ *v, int i) {
  if (i < 0 || i >= v->count) return NULL;
  E *x = v->items[i];
  while (i + 1 < v->count) {
    v->items[i] = v->items[i + 1];
    i++;
  }
  v->count--;
  return x;
}
""",
    "reverse": r"""/* Reverses the elements in place by swaps. */
static void hp_reverse@(struct hp@ *v) {
  if (v->count < 2) return;
  for (IT i = 0, j = v->count - 1; i < j; i++, j--) {
    E *t = v->items[i];
    v->items[i] = v->items[j];
    v->items[j] = t;
  }
}
""",
    "reverse_b": r"""/* Reverses the elements in place by swaps (j checked against the count). */
static void hp_reverse_b@(struct hp@ *v) {
  for (int i = 0, j = (int)v->count - 1; i < j && j < v->count; i++, j--) {
    E *t = v->items[i];
    v->items[i] = v->items[j];
    v->items[j] = t;
  }
}
""",
    "rotate": r"""/* Rotates left by one: the first element moves to the end. */
static void hp_rotate@(struct hp@ *v) {
  if (v->count < 2) return;
  E *t = v->items[0];
  for (IT j = 0; j + 1 < v->count; j++) v->items[j] = v->items[j + 1];
  v->items[v->count - 1] = t;
}
""",
    # ---- hazards
    "pop_nodec": r"""/* Forgets the decrement: the last element is copied to the top and
   stays in its slot too (correct only as long as the caller knows). */
static E *hp_pop_nodec@(struct hp@ *v) {
  if (v->count == 0) return NULL;
  E *top = v->items[0];
  v->items[0] = v->items[v->count - 1];
  return top;
}
""",
    "pop_hole": r"""/* Takes the top without filling its slot: slot 0 keeps the top. */
static E *hp_pop_hole@(struct hp@ *v) {
  if (v->count == 0) return NULL;
  E *top = v->items[0];
  v->count--;
  return top;
}
""",
    "swap_remove_self": r"""/* Swap-remove that also stores the last slot into itself. */
static E *hp_swap_remove_self@(struct hp@ *v, unsigned k) {
  int i = (int)k;
  if (i >= v->count) return NULL;
  E *x = v->items[i];
  v->items[i] = v->items[--v->count];
  return x;
}
""",
    "remove_memmove": r"""/* Remove-at by memmove. */
static E *hp_remove_memmove@(struct hp@ *v, unsigned k) {
  if (v->count == 0) return NULL;
  size_t i = k % (unsigned)v->count;
  E *x = v->items[i];
  memmove(&v->items[i], &v->items[i + 1], ((size_t)v->count - i - 1u) * sizeof *v->items);
  v->count--;
  return x;
}
""",
    "pop_unguarded": r"""/* No empty check: the caller checks the count first. */
static E *hp_pop_unguarded@(struct hp@ *v) { return v->items[--v->count]; }
""",
    "pop2": r"""/* Takes two elements from the end: the counter goes down by 2; the
   second is handed out through an out-parameter. */
static E *hp_pop2@(struct hp@ *v, E **second) {
  *second = NULL;
  if (v->count < 2) return NULL;
  E *a = v->items[v->count - 1];
  *second = v->items[v->count - 2];
  v->count -= 2;
  return a;
}
""",
    "move_top": r"""/* Moves the last element of src to the end of dst (two container
   parameters, maybe the same heap). */
static void hp_move_last@(struct hp@ *dst, struct hp@ *src) {
  if (src->count == 0) return;
  E *e = src->items[--src->count];
  if (dst->count == dst->cap) {
    dst->cap = dst->cap ? dst->cap * 2 : 4;
    E **b = realloc(dst->items, (size_t)dst->cap * sizeof *b);
    if (!b) exit(1);
    dst->items = b;
  }
  dst->items[dst->count++] = e;
}
""",
}


def _fam(P, r, private=0.5):
    """Picks a heap family: shared `a`/`b` or private to the fragment.
    Emits its element type, vector type, push and pop once; returns the
    family dict {f, E, kind, ct, it}."""
    st = P.__dict__.setdefault("heap_families", {})
    f = "h" + (r.choice("ab") if r.random() >= private else P.fresh("p"))
    if f not in st:
        kind = r.choice(["rec", "rec", "str"])
        ct = r.choice(HP_COUNT_TYPES)
        it = _index_type(r, ct)
        layout = r.randrange(len(LAYOUTS))
        E = "struct hn%s" % f if kind == "rec" else "char"
        fam = {"f": f, "E": E, "kind": kind, "ct": ct, "it": it}
        st[f] = fam
        elem = (_REC if kind == "rec" else _STR).replace("WORD", r.choice(WORDS))
        vec = _VEC.replace("FIELDS", LAYOUTS[layout] % {"E": E + " *", "C": ct}).replace(
            "INIT", _init(layout, "v", "struct hp@"))
        text = elem + vec + r.choice(PUSHES) + r.choice(POPS)
        P.helper("heap_" + f, _subst(text, fam))
    return st[f]


def _subst(text, fam):
    return (text.replace("GROW", _GROW).replace("E *", fam["E"] + " *")
            .replace("E **", fam["E"] + " **").replace("IT", fam["it"]).replace("@", fam["f"]))


def _extra(P, fam, name):
    P.helper("heapx_%s_%s" % (name, fam["f"]), _subst(EXTRA[name], fam))
    return name


def _fill(P, r, fam, v, n, o, push="hp_push"):
    """A loop pushing n fresh elements into v."""
    f = fam["f"]
    k = r.randint(1, 60)
    o.append("for (unsigned i = 0; i < %s; i++) %s%s(%s, hn_new%s(i * %du + (unsigned)(ck %% 41u)));" % (
        n, push, f, v, f, k))


def _use(P, r, fam, e, o, allow_print=True):
    """Statements using element e (may be NULL)."""
    f = fam["f"]
    k = r.random()
    if allow_print and k < 0.2:
        if fam["kind"] == "rec":
            o.append('if (%s) printf("top %%u %%s\\n", %s->key, %s->name);' % (e, e, e))
        else:
            o.append('if (%s) printf("top %%s\\n", %s);' % (e, e))
        o.append("mix(%s ? hn_val%s(%s) : 17u);" % (e, f, e))
    else:
        o.append("mix(%s ? hn_val%s(%s) : 17u);" % (e, f, e))


def _new(fam, v):
    return "struct hp%s *%s = hp_new%s();" % (fam["f"], v, fam["f"])


def _maybe_build_helper(P, r, fam, v, n, o):
    """Declares heap v with n elements: inline, or by a helper that
    builds and returns it."""
    f = fam["f"]
    if r.random() < 0.3:
        fn = "build_heap_" + f
        P.helper(fn, ("/* Returns a fresh heap of n fresh elements. */\n"
                      "static struct hp@ *build_heap_@(unsigned n, unsigned k) {\n"
                      "  struct hp@ *v = hp_new@();\n"
                      "  for (unsigned i = 0; i < n; i++) hp_push@(v, hn_new@(i * k + 3u));\n"
                      "  return v;\n}\n").replace("@", f))
        o.append("struct hp%s *%s = build_heap_%s(%s, %du);" % (f, v, f, n, r.randint(1, 40)))
    else:
        o.append(_new(fam, v))
        _fill(P, r, fam, v, n, o)


# ------------------------------------------------------------ good shapes


def frag_hp_drain(P, r, o):
    """A heap filled then drained: `while ((e = pop(v)))` or `while
    (v->count)`, or in a helper returning a checksum; a peek used before
    each pop; elements printed."""
    fam = _fam(P, r)
    f = fam["f"]
    v = P.fresh("hq")
    n = "%du" % r.randint(0, 12)
    _maybe_build_helper(P, r, fam, v, n, o)
    if r.random() < 0.3:
        o.append("mix(hp_sum%s(%s));" % (f, v))
    k = r.randrange(3)
    if k == 0:
        body = []
        if r.random() < 0.4:
            body += ["%s *pk = hp_peek%s(%s);" % (fam["E"], f, v), "mix(pk ? hn_val%s(pk) : 1u);" % f]
        body.append("%s *e = hp_pop%s(%s);" % (fam["E"], f, v))
        _use(P, r, fam, "e", body)
        o.append("while (%s->count) {" % v)
        o += ["  " + l for l in body]
        o.append("}")
    elif k == 1:
        o.append("for (%s *e; (e = hp_pop%s(%s));) {" % (fam["E"], f, v))
        body = []
        _use(P, r, fam, "e", body)
        o += ["  " + l for l in body]
        o.append("}")
    else:
        fn = "drain_" + f
        P.helper(fn, ("/* Pops everything, returns a checksum of the order. */\n"
                      "static unsigned drain_@(struct hp@ *v) {\n"
                      "  unsigned s = 1u;\n"
                      "  E *e;\n"
                      "  while ((e = hp_pop@(v)) != NULL) s = s * 33u + hn_val@(e);\n"
                      "  return s;\n}\n").replace("E *", fam["E"] + " *").replace("@", f))
        o.append("mix(drain_%s(%s));" % (f, v))
    if r.random() < 0.4:
        # Used again after being emptied.
        _fill(P, r, fam, v, "%du" % r.randint(1, 4), o)
        o.append("mix(hp_sum%s(%s));" % (f, v))


def frag_hp_topk(P, r, o):
    """Pops kept while more pops happen, then used; the rest left in the
    heap (its deep drop) or drained; a pop dropped immediately."""
    fam = _fam(P, r)
    f, E = fam["f"], fam["E"]
    v = P.fresh("tk")
    n = r.randint(0, 10)
    _maybe_build_helper(P, r, fam, v, "%du" % n, o)
    m = r.randint(1, 4)
    names = [P.fresh("t") for _ in range(m)]
    for x in names:
        if r.random() < 0.2:
            o.append("(void)hp_pop%s(%s); /* dropped at once */" % (f, v))
        o.append("%s *%s = hp_pop%s(%s);" % (E, x, f, v))
    if r.random() < 0.5:
        o.append("mix(hp_sum%s(%s));" % (f, v))
    if r.random() < 0.3:
        _churn(P, o)
    for x in reversed(names) if r.random() < 0.5 else names:
        _use(P, r, fam, x, o)
    if r.random() < 0.4:
        # A peek (borrowed) used after the heap's last use.
        pk = P.fresh("pk")
        o.append("%s *%s = hp_peek%s(%s);" % (E, pk, f, v))
        o.append("mix((unsigned)%s->count);" % v)
        _churn(P, o)
        _use(P, r, fam, pk, o, allow_print=False)
    elif r.random() < 0.4:
        o.append("mix((unsigned)%s->count);" % v)


def frag_hp_pushback(P, r, o):
    """Pops in a loop that pushes the element back with a new key (or a
    fresh element instead)."""
    fam = _fam(P, r)
    f, E = fam["f"], fam["E"]
    v = P.fresh("pb")
    n = r.randint(1, 8)
    _maybe_build_helper(P, r, fam, v, "%du" % n, o)
    o.append("for (unsigned j = 0; j < %du; j++) {" % r.randint(1, 10))
    o.append("  %s *e = hp_pop%s(%s);" % (E, f, v))
    o.append("  if (!e) break;")
    o.append("  mix(hn_val%s(e));" % f)
    k = r.randrange(3)
    if k == 0 and fam["kind"] == "rec":
        o.append("  e->key = (e->key + j * 7u + 5u) % 53u;")
        o.append("  hp_push%s(%s, e);" % (f, v))
    elif k == 1:
        o.append("  if (j %% 2u) hp_push%s(%s, e);" % (f, v))
    else:
        o.append("  hp_push%s(%s, hn_new%s(j * 11u + 2u));" % (f, v, f))
    o.append("}")
    o.append("mix(hp_sum%s(%s));" % (f, v))


def frag_hp_transfer(P, r, o):
    """Pops pushed into another heap of the same type (through pop and
    push, not through the vectors' slots)."""
    fam = _fam(P, r)
    f, E = fam["f"], fam["E"]
    a, b = P.fresh("src"), P.fresh("dst")
    _maybe_build_helper(P, r, fam, a, "%du" % r.randint(0, 9), o)
    o.append(_new(fam, b))
    if r.random() < 0.5:
        o.append("for (%s *e; (e = hp_pop%s(%s)) != NULL;) hp_push%s(%s, e);" % (E, f, a, f, b))
    else:
        o.append("for (unsigned j = 0; j < %du && %s->count; j++) {" % (r.randint(1, 6), a))
        o.append("  %s *e = hp_pop%s(%s);" % (E, f, a))
        o.append("  mix(hn_val%s(e));" % f)
        o.append("  hp_push%s(%s, e);" % (f, b))
        o.append("}")
    o.append("mix(hp_sum%s(%s) * 3u + hp_sum%s(%s));" % (f, a, f, b))
    if r.random() < 0.5:
        e = P.fresh("x")
        o.append("%s *%s = hp_pop%s(%s);" % (E, e, f, b))
        _use(P, r, fam, e, o)


def frag_hp_field(P, r, o):
    """A pop stored into a struct field (the holder read later), or the
    best of several pops kept in a field."""
    fam = _fam(P, r)
    f, E = fam["f"], fam["E"]
    hn = "hhold" + f
    P.helper(hn, "struct %s { unsigned tag; %s *best; };\n" % (hn, E))
    v = P.fresh("fh")
    _maybe_build_helper(P, r, fam, v, "%du" % r.randint(0, 8), o)
    h = P.fresh("hold")
    o.append("struct %s *%s = chk(malloc(sizeof *%s));" % (hn, h, h))
    o.append("%s->tag = %du;" % (h, r.randint(1, 9)))
    o.append("%s->best = hp_pop%s(%s);" % (h, f, v))
    if r.random() < 0.5:
        o.append("mix(hp_sum%s(%s));" % (f, v))
        _churn(P, o)
    o.append("mix(%s->tag + (%s->best ? hn_val%s(%s->best) : 2u));" % (h, h, f, h))


def frag_hp_stack(P, r, o):
    """A stack over the same vector type: appended, popped from the end
    (if/return or ?: spelling), the results used, kept, dropped."""
    fam = _fam(P, r)
    f, E = fam["f"], fam["E"]
    _extra(P, fam, "append")
    pop = r.choice(["stack_pop", "stack_pop2"])
    _extra(P, fam, pop)
    v = P.fresh("st")
    o.append(_new(fam, v))
    _fill(P, r, fam, v, "%du" % r.randint(0, 9), o, push="hp_append")
    fn = "hp_" + pop + f
    k = r.randrange(3)
    if k == 0:
        o.append("for (%s *e; (e = %s(%s));) mix(hn_val%s(e));" % (E, fn, v, f))
    elif k == 1:
        a, b = P.fresh("s"), P.fresh("s")
        o.append("%s *%s = %s(%s);" % (E, a, fn, v))
        o.append("%s *%s = %s(%s);" % (E, b, fn, v))
        o.append("%s(%s);" % (fn, v))
        _use(P, r, fam, b, o)
        _use(P, r, fam, a, o)
        o.append("mix(hp_sum%s(%s));" % (f, v))
    else:
        o.append("while (%s->count > 1) {" % v)
        o.append("  %s *e = %s(%s);" % (E, fn, v))
        o.append("  mix(hn_val%s(e));" % f)
        o.append("}")
        o.append("mix(hp_sum%s(%s));" % (f, v))


def frag_hp_remove(P, r, o):
    """Swap-remove and remove-at (shifting) of slot k % count; reversal
    and rotation by moves in between."""
    fam = _fam(P, r)
    f, E = fam["f"], fam["E"]
    _extra(P, fam, "append")
    rm = r.choice(["swap_remove", "remove_at", "swap_remove_i", "remove_at_i", "remove_at_i"])
    _extra(P, fam, rm)
    v = P.fresh("rm")
    o.append(_new(fam, v))
    _fill(P, r, fam, v, "%du" % r.randint(0, 9), o, push="hp_append")
    for _ in range(r.randint(1, 3)):
        if r.random() < 0.35:
            mv = r.choice(["reverse", "reverse_b", "rotate"])
            _extra(P, fam, mv)
            o.append("hp_%s%s(%s);" % (mv, f, v))
        x = P.fresh("r")
        if rm.endswith("_i"):
            o.append("%s *%s = hp_%s%s(%s, (int)(%du + ck %% 5u));" % (E, x, rm, f, v, r.randint(0, 8)))
        else:
            o.append("%s *%s = hp_%s%s(%s, %du + (unsigned)(ck %% 5u));" % (E, x, rm, f, v, r.randint(0, 20)))
        _use(P, r, fam, x, o)
    o.append("mix(hp_sum%s(%s));" % (f, v))


def frag_hp_bag(P, r, o):
    """Pops pushed into a push-only vector of another type (a bag), or
    moved there slot to slot by a function with both containers as
    parameters; the bag read after, one of its elements after its last
    use."""
    fam = _fam(P, r)
    f, E = fam["f"], fam["E"]
    P.helper("hbag" + f, _subst(r"""/* A push-only bag of the heap's elements (family @). */
struct hbag@ { unsigned tag; E **items; unsigned n, cap; };
static void hbag_push@(struct hbag@ *b, E *e) {
  if (b->n == b->cap) {
    b->cap = b->cap ? b->cap * 2u : 2u;
    E **t = realloc(b->items, b->cap * sizeof *t);
    if (!t) exit(1);
    b->items = t;
  }
  b->items[b->n++] = e;
}
static unsigned hbag_sum@(const struct hbag@ *b) {
  unsigned s = 3u;
  for (unsigned i = 0; i < b->n; i++) s = s * 7u + hn_val@(b->items[i]);
  return s;
}
""", fam))
    v, b = P.fresh("hb"), P.fresh("bag")
    n = r.randint(1, 9)
    _maybe_build_helper(P, r, fam, v, "%du" % n, o)
    o.append("struct hbag%s *%s = chk(calloc(1, sizeof *%s));" % (f, b, b))
    if r.random() < 0.5:
        o.append("for (%s *e; (e = hp_pop%s(%s));) hbag_push%s(%s, e);" % (E, f, v, f, b))
    else:
        P.helper("hbag_move" + f, _subst(r"""/* Moves the last slot of v into the bag, slot to slot. */
static void hbag_take_last@(struct hbag@ *b, struct hp@ *v) {
  if (v->count == 0) return;
  if (b->n == b->cap) {
    b->cap = b->cap ? b->cap * 2u : 2u;
    E **t = realloc(b->items, b->cap * sizeof *t);
    if (!t) exit(1);
    b->items = t;
  }
  b->items[b->n++] = v->items[--v->count];
}
""", fam))
        o.append("for (unsigned j = 0; j < %du; j++) hbag_take_last%s(%s, %s);" % (r.randint(1, n + 1), f, b, v))
        o.append("mix(hp_sum%s(%s));" % (f, v))
    o.append("mix(hbag_sum%s(%s));" % (f, b))
    if r.random() < 0.5:
        x = P.fresh("bx")
        o.append("%s *%s = %s->n ? %s->items[0] : NULL;" % (E, x, b, b))
        _churn(P, o)
        _use(P, r, fam, x, o, allow_print=False)


# ------------------------------------------------------------ hazards


def frag_hz_badpop(P, r, o):
    """A pop that forgets the decrement, one that leaves its hole, a
    swap-remove that stores the last slot into itself, a remove-at by
    memmove; followed by good pops of the same vector (the duplicates
    they left come out twice)."""
    fam = _fam(P, r, private=0.3)
    f, E = fam["f"], fam["E"]
    bad = r.choice(["pop_nodec", "pop_hole", "swap_remove_self", "remove_memmove"])
    _extra(P, fam, bad)
    v = P.fresh("bp")
    n = r.randint(1, 8)
    _maybe_build_helper(P, r, fam, v, "%du" % n, o)
    x = P.fresh("b")
    if bad in ("pop_nodec", "pop_hole"):
        o.append("%s *%s = hp_%s%s(%s);" % (E, x, bad, f, v))
    else:
        o.append("%s *%s = hp_%s%s(%s, %du);" % (E, x, bad, f, v, r.randint(0, 9)))
    _use(P, r, fam, x, o)
    if r.random() < 0.6:
        o.append("for (%s *e; (e = hp_pop%s(%s));) mix(hn_val%s(e));" % (E, f, v, f))
    else:
        o.append("mix(hp_sum%s(%s));" % (f, v))
    if r.random() < 0.5:
        _churn(P, o)
        _use(P, r, fam, x, o, allow_print=False)


def frag_hz_alias(P, r, o):
    """An element pointer read before a pop (a slot, a peek, a record's
    name) and used after it; or a slot read past the count after a stack
    pop, or through the buffer and count kept from before it (the popped
    element's stale copy), used after the popped one's last use."""
    fam = _fam(P, r, private=0.4)
    f, E = fam["f"], fam["E"]
    v = P.fresh("al")
    n = r.randint(1, 8)
    k = r.randrange(6)
    x, e = P.fresh("x"), P.fresh("e")
    if k == 5 and fam["kind"] == "rec":
        # The top's name read before the pop, used after it.
        _maybe_build_helper(P, r, fam, v, "%du" % n, o)
        o.append("const char *%s = %s->items[0]->name;" % (x, v))
        o.append("%s *%s = hp_pop%s(%s);" % (E, e, f, v))
        _use(P, r, fam, e, o)
        _churn(P, o)
        o.append("mix((unsigned char)%s[0] + (unsigned)strlen(%s));" % (x, x))
        return
    if k == 5:
        k = 1
    if k < 3:
        _maybe_build_helper(P, r, fam, v, "%du" % n, o)
        if k == 0:
            o.append("%s *%s = %s->items[0];" % (E, x, v))
        elif k == 1:
            o.append("%s *%s = hp_peek%s(%s);" % (E, x, f, v))
        else:
            o.append("%s *%s = %s->items[%s->count - 1];" % (E, x, v, v))
        o.append("%s *%s = hp_pop%s(%s);" % (E, e, f, v))
        _use(P, r, fam, e, o)
        if r.random() < 0.5:
            o.append("%s = hp_pop%s(%s);" % (e, f, v))
            _use(P, r, fam, e, o)
        _churn(P, o)
        o.append("mix(hn_val%s(%s));" % (f, x))
    else:
        _extra(P, fam, "append")
        pop = r.choice(["stack_pop", "stack_pop2"])
        _extra(P, fam, pop)
        o.append(_new(fam, v))
        _fill(P, r, fam, v, "%du" % n, o, push="hp_append")
        b = P.fresh("buf")
        if k == 4:
            # The buffer and the count kept before the pop.
            o.append("%s **%s = %s->items; unsigned n_%s = (unsigned)%s->count;" % (E, b, v, b, v))
        o.append("%s *%s = hp_%s%s(%s);" % (E, e, pop, f, v))
        _use(P, r, fam, e, o)
        _churn(P, o)
        if k == 4:
            o.append("%s *%s = %s[n_%s - 1u]; /* the popped one, through the old buffer */" % (E, x, b, b))
        else:
            o.append("%s *%s = %s->items[%s->count]; /* the popped one, past the count */" % (E, x, v, v))
        o.append("mix(hn_val%s(%s));" % (f, x))


def frag_hz_escape(P, r, o):
    """Elements also kept in a global or another struct, or pushed twice
    (into one heap, or into two), then popped and drained."""
    fam = _fam(P, r, private=0.4)
    f, E = fam["f"], fam["E"]
    v = P.fresh("es")
    n = r.randint(0, 6)
    _maybe_build_helper(P, r, fam, v, "%du" % n, o)
    k = r.randrange(4)
    x = P.fresh("ex")
    o.append("%s *%s = hn_new%s(%du);" % (E, x, f, r.randint(0, 90)))
    if k == 0:
        g = P.fresh("g_el")
        P.globals.append("static %s *%s; /* ESCAPES: read at the end of main */" % (E, g))
        o.append("%s = %s;" % (g, x))
        o.append("hp_push%s(%s, %s);" % (f, v, x))
        P.late.append("if (%s) mix(hn_val%s(%s));" % (g, f, g))
    elif k == 1:
        hn = "hhold" + f
        P.helper(hn, "struct %s { unsigned tag; %s *best; };\n" % (hn, E))
        h = P.fresh("eh")
        o.append("struct %s *%s = chk(malloc(sizeof *%s));" % (hn, h, h))
        o.append("%s->tag = 4u; %s->best = %s; /* ESCAPES: also in the heap */" % (h, h, x))
        o.append("hp_push%s(%s, %s);" % (f, v, x))
        o.append("for (%s *e; (e = hp_pop%s(%s));) mix(hn_val%s(e));" % (E, f, v, f))
        _churn(P, o)
        o.append("mix(%s->tag + hn_val%s(%s->best));" % (h, f, h))
    elif k == 2:
        o.append("hp_push%s(%s, %s);" % (f, v, x))
        o.append("hp_push%s(%s, %s); /* pushed twice */" % (f, v, x))
    else:
        w = P.fresh("es")
        o.append(_new(fam, w))
        o.append("hp_push%s(%s, %s);" % (f, v, x))
        o.append("hp_push%s(%s, %s); /* in two heaps */" % (f, w, x))
        o.append("for (%s *e; (e = hp_pop%s(%s));) mix(hn_val%s(e));" % (E, f, w, f))
    o.append("for (%s *e; (e = hp_pop%s(%s));) mix(hn_val%s(e));" % (E, f, v, f))
    _churn(P, o)


def frag_hz_empty(P, r, o):
    """Pops from an empty vector: guarded pops called more often than
    there are elements (NULL results), unguarded ones behind the caller's
    count check."""
    fam = _fam(P, r, private=0.4)
    f, E = fam["f"], fam["E"]
    v = P.fresh("em")
    n = r.randint(0, 4)
    if r.random() < 0.5:
        _extra(P, fam, "pop_unguarded")
        _extra(P, fam, "append")
        o.append(_new(fam, v))
        _fill(P, r, fam, v, "%du" % n, o, push="hp_append")
        o.append("for (unsigned j = 0; j < %du; j++) {" % (n + r.randint(0, 3)))
        o.append("  if (%s->count == 0) break;" % v)
        o.append("  %s *e = hp_pop_unguarded%s(%s);" % (E, f, v))
        o.append("  mix(hn_val%s(e));" % f)
        o.append("}")
    else:
        _maybe_build_helper(P, r, fam, v, "%du" % n, o)
        o.append("for (unsigned j = 0; j < %du; j++) {" % (n + r.randint(1, 3)))
        o.append("  %s *e = hp_pop%s(%s);" % (E, f, v))
        o.append("  mix(e ? hn_val%s(e) : 99u);" % f)
        o.append("}")
    o.append("mix(hp_sum%s(%s));" % (f, v))


def frag_hz_dec2(P, r, o):
    """A counter decremented by 2: the first element returned, the second
    through an out-parameter (not taken); both used, the second after
    more pops."""
    fam = _fam(P, r, private=0.4)
    f, E = fam["f"], fam["E"]
    _extra(P, fam, "pop2")
    v = P.fresh("d2")
    _maybe_build_helper(P, r, fam, v, "%du" % r.randint(0, 8), o)
    a, b = P.fresh("a"), P.fresh("b")
    o.append("%s *%s;" % (E, b))
    o.append("%s *%s = hp_pop2%s(%s, &%s);" % (E, a, f, v, b))
    _use(P, r, fam, a, o)
    if r.random() < 0.5:
        o.append("{ %s *m_ = hp_pop%s(%s); mix(m_ ? hn_val%s(m_) : 3u); } /* b still live */" % (E, f, v, f))
    _churn(P, o)
    _use(P, r, fam, b, o, allow_print=False)
    o.append("mix(hp_sum%s(%s));" % (f, v))


def frag_hz_two(P, r, o):
    """An element moved from one heap to another through two container
    parameters (slot to slot), also with the same heap twice."""
    fam = _fam(P, r, private=0.4)
    f, E = fam["f"], fam["E"]
    _extra(P, fam, "move_top")
    a, b = P.fresh("ma"), P.fresh("mb")
    _maybe_build_helper(P, r, fam, a, "%du" % r.randint(0, 6), o)
    o.append(_new(fam, b))
    if r.random() < 0.5:
        _fill(P, r, fam, b, "%du" % r.randint(0, 3), o)
    for _ in range(r.randint(1, 3)):
        k = r.randrange(3)
        if k == 0:
            o.append("hp_move_last%s(%s, %s);" % (f, b, a))
        elif k == 1:
            o.append("hp_move_last%s(%s, %s);" % (f, a, b))
        else:
            o.append("hp_move_last%s(%s, %s); /* the same heap twice */" % (f, a, a))
    if r.random() < 0.5:
        e = P.fresh("mx")
        o.append("%s *%s = hp_pop%s(%s);" % (E, e, f, b))
        _use(P, r, fam, e, o)
    o.append("mix(hp_sum%s(%s) + hp_sum%s(%s) * 7u);" % (f, a, f, b))


def frag_hz_copy(P, r, o):
    """The container copied (a stack snapshot, `*w = *v` into a heap
    struct, passed by value to a helper that pops its copy): the copy's
    pops move the shared buffer's elements while the original keeps its
    count (its range then holds a duplicate); the original read after."""
    fam = _fam(P, r, private=0.4)
    f, E = fam["f"], fam["E"]
    v = P.fresh("cv")
    _maybe_build_helper(P, r, fam, v, "%du" % r.randint(1, 8), o)
    k = r.randrange(3)
    e = P.fresh("ce")
    if k == 0:
        c = P.fresh("snap")
        o.append("struct hp%s %s = *%s; /* a shallow copy */" % (f, c, v))
        o.append("%s *%s = hp_pop%s(&%s);" % (E, e, f, c))
    elif k == 1:
        c = P.fresh("cw")
        o.append("struct hp%s *%s = chk(malloc(sizeof *%s));" % (f, c, c))
        o.append("*%s = *%s; /* a second container, the same buffer */" % (c, v))
        o.append("%s *%s = hp_pop%s(%s);" % (E, e, f, c))
    else:
        P.helper("hp_pop_copy" + f, ("/* Pops from its own copy of the container. */\n"
                                     "static E *hp_pop_copy@(struct hp@ h) { return hp_pop@(&h); }\n")
                 .replace("E *", E + " *").replace("@", f))
        o.append("%s *%s = hp_pop_copy%s(*%s);" % (E, e, f, v))
    _use(P, r, fam, e, o)
    _churn(P, o)
    o.append("mix(hp_sum%s(%s));" % (f, v))


HEAP_FRAGMENTS = [frag_hp_drain, frag_hp_topk, frag_hp_pushback,
                  frag_hp_transfer, frag_hp_field, frag_hp_stack,
                  frag_hp_remove, frag_hp_bag, frag_hz_badpop, frag_hz_alias,
                  frag_hz_escape, frag_hz_empty, frag_hz_dec2, frag_hz_two,
                  frag_hz_copy]
