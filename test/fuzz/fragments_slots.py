"""The sixth series of fuzz fragments: push-only vectors whose slots own
their elements (analysis/SlotVectors.h). A growable array filled only by
pushes (`v->items[v->count++] = x`, or a record copied in by value,
through a byval parameter or directly) owns what slots [0, count) point
to, and the container's deep drop releases it.

Shapes the analysis should accept, one fragment each: vectors of strings
pushed in helpers (checked and direct realloc idioms) and inline (several
spellings), with null elements, read after the pushes and through
borrowed elements after the container's last use, built in helpers;
records {kind, name, pad} pushed by value (byval helper, `=` inline),
built with `= {..}`, memset then fields, constant initializers (null
names), compound literals, one record re-filled and pushed again in one
block; records with two pointer fields; n-ary trees whose children are
a slot vector; vectors of vectors; counters reset to 0 and buffers
cleared (null next to a zero count), with the old buffer read later.

Hazards the analysis must give up on (the program still runs
correctly): pops (the popped element used after the vector or pushed
again), swaps, reversal, sorting by hand or with qsort, elements
overwritten in place or nulled, one pointer pushed twice or into two
vectors, a slot's element pushed again, a record pushed twice or in a
loop without re-storing its name, a record or the pointer stored into it
read after the push, elements also kept in a global, another struct or a
stack array, vectors shared through a global or two holders, a slot's or
the buffer's address kept, reserve / shrink / replace helpers that
reallocate without a push, a slot filled through a pointer returned by
an emplace helper, string literals, stack buffers, interior pointers
and static buffers pushed next to heap strings, elements reallocated
through a local, elements moved out into other structs, record names set
on some paths only; buffers forgotten while the counter is kept (a memset
of every field but the counter, a push between the counter's zero and
the buffer's null), so that the next push reallocates from NULL and
slots below the count are never written (asap released what they held
until the counter had to be zeroed with the buffer:
test/fuzz/regressions/slot-*-forgotten.c).

The vector types come in families (`a`, `b`, or one private to the
fragment), picked at random per fragment: fragments of one family share
the type and helpers, so a hazard in one of them must stop the
ownership of the others. Each family gets a random counter type (unsigned,
size_t, int, long, unsigned short) and field layout. Inline growth checks
the realloc result by hand (not with chk(), which would hide the field
realloc from the analysis).
Same fragment protocol as fragments_core.py."""

from helpers import *  # noqa: F401,F403

COUNT_TYPES = ["unsigned", "size_t", "int", "long", "unsigned short"]

# Field layouts of a vector type: %(E)s is the element type, %(C)s the
# counter type. The third has a non-pointer field first.
LAYOUTS = ["%(E)s *items; %(C)s count, cap;",
           "%(C)s count; %(E)s *items; %(C)s cap;",
           "unsigned tag; %(C)s cap; %(E)s *items; %(C)s count;"]


def _init(layout, var, typ):
    """Statements allocating an empty vector `var` of struct type typ."""
    if layout == 0:
        return ("  %s *%s = chk(malloc(sizeof *%s));\n"
                "  %s->items = NULL; %s->count = 0; %s->cap = 0;\n" % (typ, var, var, var, var, var))
    if layout == 1:
        return "  %s *%s = chk(calloc(1, sizeof *%s));\n" % (typ, var, var)
    return ("  %s *%s = chk(malloc(sizeof *%s));\n"
            "  memset(%s, 0, sizeof *%s);\n  %s->tag = 5u;\n" % (typ, var, var, var, var, var))


def _grow(v, elem, indent="  "):
    """Inline growth of vector v (elements of type elem) before a push,
    checked by hand."""
    return [indent + "if (%s->count == %s->cap) {" % (v, v),
            indent + "  %s->cap = %s->cap ? %s->cap * 2 : 1;" % (v, v, v),
            indent + "  %s *t_ = realloc(%s->items, (size_t)%s->cap * sizeof *t_);" % (elem, v, v),
            indent + "  if (!t_) exit(1);",
            indent + "  %s->items = t_;" % v,
            indent + "}"]


def _sv_text(f, ct, layout):
    d = {"E": "char *", "C": ct}
    return (r"""/* A vector of strings (family @): its slots own what pushes store. */
struct sv@ { FIELDS };
static struct sv@ *sv_new@(void) {
INIT  return v;
}
/* Checked idiom: realloc into a temporary, store back on success. */
static void sv_push@(struct sv@ *v, char *s) {
  if (v->count == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 2;
    char **bigger = realloc(v->items, (size_t)v->cap * sizeof *bigger);
    if (!bigger) { fputs("out of memory\n", stderr); exit(1); }
    v->items = bigger;
  }
  v->items[v->count++] = s;
}
/* Direct idiom: grows by one into the field, checks the field. */
static void sv_push2@(struct sv@ *v, char *s) {
  v->items = realloc(v->items, ((size_t)v->count + 1u) * sizeof *v->items);
  if (!v->items) exit(1);
  v->items[v->count++] = s;
  v->cap = v->count; /* the buffer holds exactly count elements now */
}
/* The string is allocated in the helper. */
static void sv_add@(struct sv@ *v, const char *w, unsigned k) {
  char *s = chk(strdup(w));
  s[0] = (char)('a' + k % 26u);
  sv_push@(v, s);
}
/* Reads every element (null ones too). */
static unsigned sv_sum@(const struct sv@ *v) {
  unsigned s = 7u;
  for (CT i = 0; i < v->count; i++)
    s = s * 31u + (v->items[i] ? (unsigned char)v->items[i][0] * 3u + (unsigned)strlen(v->items[i]) : 1u);
  return s + (unsigned)v->count;
}
/* Returns an element (borrowed: the vector still owns it). */
static const char *sv_at@(const struct sv@ *v, unsigned k) { return v->items[k % (unsigned)v->count]; }
""").replace("FIELDS", LAYOUTS[layout] % d).replace(
        "INIT", _init(layout, "v", "struct sv@")).replace("CT", ct).replace("@", f)


def _rv_text(f, ct, layout):
    d = {"E": "struct rec@", "C": ct}
    return (r"""/* Records pushed by value (family @): a name owned by the slot. */
struct rec@ { int kind; char *name; long pad[2]; };
struct rv@ { FIELDS };
static struct rv@ *rv_new@(void) {
INIT  return v;
}
/* The record comes in by value (byval) and is copied into slot count. */
static void rv_push@(struct rv@ *v, struct rec@ r) {
  if (v->count == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 2;
    struct rec@ *bigger = realloc(v->items, (size_t)v->cap * sizeof *bigger);
    if (!bigger) exit(1);
    v->items = bigger;
  }
  v->items[v->count++] = r;
}
static unsigned rv_sum@(const struct rv@ *v) {
  unsigned s = 11u;
  for (CT i = 0; i < v->count; i++) {
    const struct rec@ *e = &v->items[i];
    s = s * 31u + (unsigned)e->kind + (unsigned)e->pad[0] * 5u + (unsigned)e->pad[1] +
        (e->name ? (unsigned char)e->name[0] * 7u + (unsigned)strlen(e->name) : 3u);
  }
  return s;
}
""").replace("FIELDS", LAYOUTS[layout] % d).replace(
        "INIT", _init(layout, "v", "struct rv@")).replace("CT", ct).replace("@", f)


def _ev_text(f, ct, layout):
    d = {"E": "struct ent@", "C": ct}
    return (r"""/* Records with two owned pointers (family @). */
struct ent@ { char *key; unsigned *vals; unsigned n; long pad; };
struct ev@ { FIELDS };
static struct ev@ *ev_new@(void) {
INIT  return v;
}
static void ev_push@(struct ev@ *v, struct ent@ e) {
  if (v->count == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 1;
    struct ent@ *bigger = realloc(v->items, (size_t)v->cap * sizeof *bigger);
    if (!bigger) exit(1);
    v->items = bigger;
  }
  v->items[v->count++] = e;
}
static unsigned ev_sum@(const struct ev@ *v) {
  unsigned s = 13u;
  for (CT i = 0; i < v->count; i++) {
    const struct ent@ *e = &v->items[i];
    s = s * 37u + (e->key ? (unsigned char)e->key[0] + (unsigned)strlen(e->key) : 2u) + (unsigned)e->pad;
    for (unsigned j = 0; j < e->n; j++) s = s * 3u + e->vals[j];
  }
  return s;
}
""").replace("FIELDS", LAYOUTS[layout] % d).replace(
        "INIT", _init(layout, "v", "struct ev@")).replace("CT", ct).replace("@", f)


TEXTS = {"sv": _sv_text, "rv": _rv_text, "ev": _ev_text}


def _fam(P, r, kind, private=0.4):
    """Picks a family of vector type `kind` (sv: strings, rv: records, ev:
    two-pointer records): shared `a`/`b` or private to the fragment. Emits
    its type and helpers once; returns (suffix, counter type)."""
    st = P.__dict__.setdefault("slot_families", {})
    f = r.choice("ab") if r.random() >= private else P.fresh("q")
    key = kind + f
    if key not in st:
        st[key] = (r.choice(COUNT_TYPES), r.randrange(len(LAYOUTS)))
        P.helper("slots_" + key, TEXTS[kind](f, *st[key]))
    return f, st[key][0]


def _layout(P, kind, f):
    return P.slot_families[kind + f][1]


def _churn(P, o):
    """Allocates and fills blocks of the sizes the fragments use (strings,
    records, buffers), so that a block released too early is reused and
    overwritten before the late read."""
    P.helper("sl_churn", r"""/* Allocates and fills a few blocks of common sizes. */
static unsigned sl_churn(unsigned k) {
  unsigned s = 0;
  for (unsigned n = 8u; n <= 64u; n *= 2u) {
    unsigned char *t = chk(malloc(n + k % 8u));
    memset(t, 0xa5, n + k % 8u);
    s += t[n / 2u];
  }
  char *w = chk(strdup("zzzzzz"));
  return s + (unsigned char)w[k % 6u];
}
""")
    o.append("mix(sl_churn(%du));" % P.rng.randint(0, 9))


def _word(r):
    return r.choice(WORDS)


def _fresh_str(r, var, k):
    """Statements declaring `char *var`, a fresh string depending on k."""
    w = _word(r)
    if r.random() < 0.75:
        return ["char *%s = chk(strdup(\"%s\"));" % (var, w),
                "%s[0] = (char)('a' + (%s) %% 26u);" % (var, k)]
    return ["char *%s = chk(malloc(%d));" % (var, len(w) + 1),
            "for (unsigned c_ = 0; c_ < %du; c_++) %s[c_] = (char)('a' + (c_ + %s) %% 26u);" % (len(w), var, k),
            "%s[%d] = 0;" % (var, len(w))]


def _sv_push(P, r, f, v, x, spellings="hhhiindf"):
    """Statements pushing the char * expression x into string vector v."""
    k = r.choice(spellings)
    if k == "h":
        return ["sv_push%s(%s, %s);" % (f, v, x)]
    if k == "d":
        return ["sv_push2%s(%s, %s);" % (f, v, x)]
    if k == "i":
        return _grow(v, "char *", "") + ["%s->items[%s->count++] = %s;" % (v, v, x)]
    if k == "n":
        # The counter read once, the slot written after the increment.
        return _grow(v, "char *", "") + ["{",
                                          "  char **b_ = %s->items;" % v,
                                          "  size_t n_ = (size_t)%s->count++;" % v,
                                          "  b_[n_] = %s;" % x,
                                          "}"]
    if k == "f":
        # Direct realloc into the field, inline.
        return ["%s->items = realloc(%s->items, ((size_t)%s->count + 1u) * sizeof *%s->items);" % (v, v, v, v),
                "if (!%s->items) exit(1);" % v,
                "%s->items[%s->count++] = %s;" % (v, v, x),
                "%s->cap = %s->count;" % (v, v)]
    raise AssertionError(k)


def _fill_names(P, r, f, v, n, o, nulls=True):
    """A loop pushing n fresh strings (some null) into string vector v."""
    body = []
    null = nulls and r.random() < 0.25
    if null:
        body.append("char *s = NULL;")
        body.append("if (i %% %du != 1u) {" % r.randint(2, 4))
        body += ["  " + l for l in _fresh_str(r, "w_", "i + (unsigned)ck")]
        body += ["  s = w_;", "}"]
    else:
        body += _fresh_str(r, "s", "i + (unsigned)ck")
    body += _sv_push(P, r, f, v, "s")
    if r.random() < 0.2:
        body = ["if (i % 2u) {", "  sv_add%s(%s, \"%s\", i);" % (f, v, _word(r)), "  continue;", "}"] + body
    o.append("for (unsigned i = 0; i < %s; i++) {" % n)
    o += ["  " + l for l in body]
    o.append("}")


def _new(kind, f, v):
    return "struct %s%s *%s = %s_new%s();" % (kind, f, v, kind, f)


def frag_sl_names(P, r, o):
    """A vector of fresh strings: pushed in helpers and inline, null
    elements, read after the pushes (and again after more pushes), an
    element read after the container's last use, the vector built by a
    helper that returns it."""
    f, ct = _fam(P, r, "sv")
    v = P.fresh("nv")
    n = r.randint(1, 12)
    if r.random() < 0.3:
        fn = P.fresh("make_names")
        body = []
        _fill_names(P, r, f, "v", "n", body)
        P.helper(fn, "/* Returns a fresh vector of n fresh strings. */\n"
                 "static struct sv%s *%s(unsigned n) {\n  struct sv%s *v = sv_new%s();\n%s\n  return v;\n}\n" % (
                     f, fn, f, f, "\n".join("  " + l for l in body)))
        o.append("struct sv%s *%s = %s(%du);" % (f, v, fn, n))
    else:
        o.append(_new("sv", f, v))
        _fill_names(P, r, f, v, "%du" % n, o)
    o.append("mix(sv_sum%s(%s));" % (f, v))
    if r.random() < 0.4:
        more = r.randint(1, 5)
        o.append("for (unsigned i = 0; i < %du; i++) {" % more)
        o += ["  " + l for l in _fresh_str(r, "s", "i * 7u")]
        o += ["  " + l for l in _sv_push(P, r, f, v, "s")]
        o.append("}")
        o.append("mix(sv_sum%s(%s) + (unsigned)%s->count);" % (f, v, v))
    if r.random() < 0.5:
        # An element borrowed from the vector, read after its last use.
        e = P.fresh("el")
        if r.random() < 0.5:
            o.append("const char *%s = sv_at%s(%s, %du);" % (e, f, v, r.randint(0, 20)))
        else:
            o.append("const char *%s = %s->items[%d];" % (e, v, r.randrange(n)))
        if r.random() < 0.5:
            o.append("mix((unsigned)%s->count);" % v)
        _churn(P, o)
        o.append("mix(%s ? (unsigned char)%s[0] + (unsigned)strlen(%s) : 9u);" % (e, e, e))
    elif r.random() < 0.5:
        o.append("for (%s i = 0; i < %s->count; i++) if (%s->items[i]) mix((unsigned char)%s->items[i][%d %% strlen(%s->items[i])]);" % (
            ct, v, v, v, r.randint(0, 5), v))


def _record(P, r, f, i, o):
    """Statements building one record `struct rec@ r_` (i: an unsigned
    expression); returns nothing. Every field is written."""
    k = r.randrange(6)
    w = _word(r)
    if k == 0:
        o += ["struct rec%s r_ = {(int)(%s %% 9u), chk(strdup(\"%s\")), {(long)%s, 1}};" % (f, i, w, i)]
    elif k == 1:
        o += ["struct rec%s r_;" % f,
              "memset(&r_, 0, sizeof r_);",
              "r_.kind = %d;" % r.randint(0, 9),
              "r_.pad[0] = (long)(%s + 2u);" % i,
              "r_.name = chk(strdup(\"%s\"));" % w]
    elif k == 2:
        o += ["struct rec%s r_ = {%d, NULL, {%d, %d}}; /* a constant: no pointer */" % (
            f, r.randint(0, 9), r.randint(0, 9), r.randint(0, 9))]
    elif k == 3:
        o += ["struct rec%s r_ = {0};" % f,
              "r_.kind = (int)(%s & 7u);" % i]
        o += _fresh_str(r, "s_", i)
        o += ["r_.name = s_;"]
    elif k == 4:
        o += ["struct rec%s r_;" % f,
              "r_.kind = 3; r_.pad[0] = 1; r_.pad[1] = (long)%s;" % i,
              "r_.name = (%s) %% 3u ? chk(strdup(\"%s\")) : NULL;" % (i, w)]
    else:
        o += ["struct rec%s r_ = {.name = chk(strdup(\"%s\")), .kind = 6};" % (f, w)]


def _rv_push(P, r, f, v, rec, spellings="hhhi"):
    """(before, push): statements pushing record rec into record vector v.
    An inline push grows the buffer first: `before` goes before the
    record's pointer fields are stored (they must be stored in the block
    of the copy)."""
    k = r.choice(spellings)
    if k == "h":
        return [], ["rv_push%s(%s, %s);" % (f, v, rec)]
    return _grow(v, "struct rec%s" % f, ""), ["%s->items[%s->count++] = %s;" % (v, v, rec)]


def frag_sl_records(P, r, o):
    """Records {kind, name, pad} pushed by value: through the byval helper
    or with `=` inline, built with `= {..}`, memset then fields, constant
    initializers (null names), designated initializers, compound literals;
    one record re-filled and pushed again in the same block."""
    f, ct = _fam(P, r, "rv")
    v = P.fresh("rs")
    n = r.randint(1, 8)
    o.append(_new("rv", f, v))
    pre, push = _rv_push(P, r, f, v, "r_")
    body = list(pre)
    _record(P, r, f, "i", body)
    body += push
    if r.random() < 0.3:
        # The same record again, its name re-stored in the same block.
        pre, push = _rv_push(P, r, f, v, "r_")
        body += pre + ["r_.kind += 1;", "r_.name = chk(strdup(\"%s\"));" % _word(r)] + push
    o.append("for (unsigned i = 0; i < %du; i++) {" % n)
    o += ["  " + l for l in body]
    o.append("}")
    if r.random() < 0.3:
        o.append("rv_push%s(%s, (struct rec%s){%d, NULL, {2, 3}});" % (f, v, f, r.randint(0, 9)))
    o.append("mix(rv_sum%s(%s));" % (f, v))
    if r.random() < 0.5:
        e = P.fresh("nm")
        o.append("const char *%s = %s->items[%d].name;" % (e, v, r.randrange(n)))
        _churn(P, o)
        o.append("mix(%s ? (unsigned char)%s[0] * 3u + (unsigned)strlen(%s) : 4u);" % (e, e, e))


def frag_sl_entries(P, r, o):
    """Records with two pointer fields (a name and a buffer), both stored
    just before each push; either may be null."""
    f, ct = _fam(P, r, "ev")
    v = P.fresh("es")
    n = r.randint(1, 8)
    o.append(_new("ev", f, v))
    body = []
    m = r.randint(0, 5)
    k = r.randrange(3)
    if m:
        # The buffer first: its loop would put the record's stores in
        # another block than the copy.
        body += ["unsigned *vals_ = chk(malloc(%d * sizeof *vals_));" % m,
                 "for (unsigned j = 0; j < %du; j++) vals_[j] = i * %du + j;" % (m, r.randint(1, 9))]
    inline = r.random() < 0.3
    if inline:
        body += _grow(v, "struct ent%s" % f, "")
    if k == 0:
        body += ["struct ent%s e_ = {chk(strdup(\"%s\")), NULL, %du, (long)i};" % (f, _word(r), m)]
    elif k == 1:
        body += ["struct ent%s e_;" % f, "memset(&e_, 0, sizeof e_);", "e_.n = %du;" % m]
    else:
        body += ["struct ent%s e_;" % f, "e_.n = %du; e_.pad = 4;" % m]
    body += ["e_.vals = %s;" % ("vals_" if m else "NULL")]
    if k != 0:
        body += ["e_.key = (i %% %du) ? chk(strdup(\"%s\")) : NULL;" % (r.randint(2, 4), _word(r))]
    if inline:
        body += ["%s->items[%s->count++] = e_;" % (v, v)]
    else:
        body.append("ev_push%s(%s, e_);" % (f, v))
    o.append("for (unsigned i = 0; i < %du; i++) {" % n)
    o += ["  " + l for l in body]
    o.append("}")
    o.append("mix(ev_sum%s(%s));" % (f, v))
    if m and r.random() < 0.5:
        b = P.fresh("vals")
        o.append("const unsigned *%s = %s->items[%d].vals;" % (b, v, r.randrange(n)))
        _churn(P, o)
        o.append("mix(%s[%d]);" % (b, r.randrange(m)))


def frag_sl_tree(P, r, o):
    """An n-ary tree whose children are a slot vector of the node type
    (and whose name is an owning field); a subtree read after the root's
    last use."""
    P.helper("sl_tree", r"""/* A node with a vector of children (its own type). */
struct kt { char *name; struct kt **kids; unsigned count, cap; };
static struct kt *kt_new(unsigned k) {
  struct kt *t = chk(malloc(sizeof *t));
  t->name = chk(strdup(k % 2u ? "odd" : "even"));
  t->name[0] = (char)('a' + k % 26u);
  t->kids = NULL; t->count = 0u; t->cap = 0u;
  return t;
}
static void kt_add(struct kt *p, struct kt *k) {
  if (p->count == p->cap) {
    p->cap = p->cap ? p->cap * 2u : 2u;
    struct kt **b = realloc(p->kids, p->cap * sizeof *b);
    if (!b) exit(1);
    p->kids = b;
  }
  p->kids[p->count++] = k;
}
static struct kt *kt_build(unsigned d, unsigned w, unsigned k) {
  struct kt *t = kt_new(k);
  if (d)
    for (unsigned i = 0; i < w; i++) kt_add(t, kt_build(d - 1u, w, k * 3u + i));
  return t;
}
static unsigned kt_walk(const struct kt *t) {
  unsigned s = (unsigned char)t->name[0];
  for (unsigned i = 0; i < t->count; i++) s = s * 5u + kt_walk(t->kids[i]);
  return s + t->count;
}
""")
    t = P.fresh("kt")
    d, w = r.randint(0, 3), r.randint(1, 3)
    o += ["struct kt *%s = kt_build(%du, %du, (unsigned)ck %% 7u);" % (t, d, w)]
    if r.random() < 0.4:
        o += ["kt_add(%s, kt_build(1u, 2u, 5u));" % t]
    if r.random() < 0.5 and d:
        s = P.fresh("sub")
        o += ["struct kt *%s = %s->kids[%d];" % (s, t, r.randrange(w)),
              "mix(kt_walk(%s));" % t]
        _churn(P, o)
        o.append("mix(kt_walk(%s) + (unsigned char)%s->name[0]);" % (s, s))
    else:
        o.append("mix(kt_walk(%s));" % t)


def frag_sl_nested(P, r, o):
    """A vector of string vectors (the inner containers are the outer
    slots' pointees); an inner vector or one of its strings read after
    the outer vector's last use."""
    f, ct = _fam(P, r, "sv")
    ov = P.fresh("ov")
    P.helper(ov, (r"""/* A vector of string vectors. */
struct @ { struct svFAM **items; unsigned count, cap; };
static void @_push(struct @ *o, struct svFAM *v) {
  if (o->count == o->cap) {
    o->cap = o->cap ? o->cap * 2u : 1u;
    struct svFAM **b = realloc(o->items, o->cap * sizeof *b);
    if (!b) exit(1);
    o->items = b;
  }
  o->items[o->count++] = v;
}
""").replace("@", ov).replace("FAM", f))
    x = P.fresh("outer")
    m = r.randint(1, 4)
    o += ["struct %s *%s = chk(calloc(1, sizeof *%s));" % (ov, x, x),
          "for (unsigned j = 0; j < %du; j++) {" % m,
          "  " + _new("sv", f, "in_")]
    body = []
    _fill_names(P, r, f, "in_", "j + 1u", body, nulls=False)
    o += ["  " + l for l in body]
    o += ["  %s_push(%s, in_);" % (ov, x), "}",
          "for (unsigned j = 0; j < %s->count; j++) mix(sv_sum%s(%s->items[j]));" % (x, f, x)]
    if r.random() < 0.5:
        k = r.randrange(m)
        if r.random() < 0.5:
            iv = P.fresh("inner")
            o.append("struct sv%s *%s = %s->items[%d];" % (f, iv, x, k))
            _churn(P, o)
            o.append("mix(sv_sum%s(%s));" % (f, iv))
        else:
            e = P.fresh("el")
            o.append("const char *%s = %s->items[%d]->items[%d];" % (e, x, k, r.randrange(k + 1)))
            o.append("mix(%s->count);" % x)
            _churn(P, o)
            o.append("mix((unsigned char)%s[1] + (unsigned)strlen(%s));" % (e, e))


def frag_sl_reset(P, r, o):
    """A counter reset to 0 and a buffer cleared (null next to a zero
    count: the old elements are forgotten, not released), then pushes
    again; the old buffer (and its strings) may still be read after."""
    f, ct = _fam(P, r, "sv")
    v = P.fresh("rz")
    n = r.randint(1, 8)
    o.append(_new("sv", f, v))
    _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
    o.append("mix(sv_sum%s(%s));" % (f, v))
    keep = r.random() < 0.5
    old = P.fresh("old")
    if keep:
        o.append("char **%s = %s->items;" % (old, v))
    k = r.randrange(3)
    if k == 0:
        P.helper("sv_clear" + f, ("/* Forgets the buffer: null next to a zero count. */\n"
                                  "static void sv_clear@(struct sv@ *v) { v->items = NULL; v->count = 0; v->cap = 0; }\n").replace("@", f))
        o.append("sv_clear%s(%s);" % (f, v))
    elif k == 1:
        o.append("%s->items = NULL; %s->count = 0; %s->cap = 0;" % (v, v, v))
    else:
        if keep:
            # The slots are reused: the old pointers must be saved first.
            o.append("char *%s_0 = %s[0];" % (old, old))
        o.append("%s->count = 0; /* the slots are reused, their strings forgotten */" % v)
    m = r.randint(0, 6)
    _fill_names(P, r, f, v, "%du" % m, o, nulls=False)
    o.append("mix(sv_sum%s(%s));" % (f, v))
    if keep:
        _churn(P, o)
        if k == 2:
            o.append("mix((unsigned char)%s_0[0] + (unsigned)strlen(%s_0));" % (old, old))
        else:
            o.append("for (unsigned i = 0; i < %du; i++) mix((unsigned char)%s[i][0] + i);" % (n, old))


# ---------------------------------------------------------------- hazards


def frag_sl_pop(P, r, o):
    """Pops: the counter goes down; the popped string is used after the
    vector's last use, or pushed again (into the same vector or another
    of its family)."""
    f, ct = _fam(P, r, "sv", private=0.3)
    P.helper("sv_pop" + f, ("/* Pops the last element: it leaves [0, count) but stays in its slot. */\n"
                            "static char *sv_pop@(struct sv@ *v) { return v->count ? v->items[--v->count] : NULL; }\n").replace("@", f))
    v = P.fresh("pv")
    n = r.randint(1, 8)
    o.append(_new("sv", f, v))
    _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
    p = P.fresh("popped")
    if r.random() < 0.5:
        o.append("char *%s = sv_pop%s(%s);" % (p, f, v))
    else:
        o += ["char *%s = %s->items[%s->count - 1];" % (p, v, v),
              "%s->count--;" % v]
    k = r.randrange(3)
    if k == 0:
        o.append("mix(sv_sum%s(%s));" % (f, v))
        _churn(P, o)
        o.append("mix((unsigned char)%s[0] + (unsigned)strlen(%s));" % (p, p))
    elif k == 1:
        o += _sv_push(P, r, f, v, p)
        o.append("mix(sv_sum%s(%s));" % (f, v))
    else:
        w = P.fresh("pw")
        o.append(_new("sv", f, w))
        o += _sv_push(P, r, f, w, p)
        o.append("mix(sv_sum%s(%s) + sv_sum%s(%s));" % (f, v, f, w))
        _churn(P, o)
        o.append("mix(sv_sum%s(%s));" % (f, w))


def frag_sl_permute(P, r, o):
    """Elements moved between slots: a swap, a reversal, an insertion sort
    by strcmp, qsort, a rotation. No element is lost or duplicated, but
    these are not pushes."""
    f, ct = _fam(P, r, "sv", private=0.3)
    v = P.fresh("sw")
    n = r.randint(2, 9)
    o.append(_new("sv", f, v))
    _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
    k = r.randrange(5)
    if k == 0:
        a, b = r.randrange(n), r.randrange(n)
        o.append("{ char *t = %s->items[%d]; %s->items[%d] = %s->items[%d]; %s->items[%d] = t; }" % (v, a, v, a, v, b, v, b))
    elif k == 1:
        o += ["for (%s i = 0, j = %s->count - 1; i < j; i++, j--) {" % (ct, v),
              "  char *t = %s->items[i]; %s->items[i] = %s->items[j]; %s->items[j] = t;" % (v, v, v, v),
              "}"]
    elif k == 2:
        o += ["for (%s i = 1; i < %s->count; i++) {" % (ct, v),
              "  char *x = %s->items[i];" % v,
              "  %s j = i;" % ct,
              "  while (j > 0 && strcmp(%s->items[j - 1], x) > 0) { %s->items[j] = %s->items[j - 1]; j--; }" % (v, v, v),
              "  %s->items[j] = x;" % v,
              "}"]
    elif k == 3:
        P.helper("sl_cmp", "static int sl_cmp(const void *a, const void *b) {\n"
                 "  return strcmp(*(char *const *)a, *(char *const *)b);\n}\n")
        o.append("qsort(%s->items, (size_t)%s->count, sizeof *%s->items, sl_cmp);" % (v, v, v))
    else:
        o += ["{ char *first = %s->items[0];" % v,
              "  for (%s i = 1; i < %s->count; i++) %s->items[i - 1] = %s->items[i];" % (ct, v, v, v),
              "  %s->items[%s->count - 1] = first; }" % (v, v)]
    o.append("mix(sv_sum%s(%s));" % (f, v))
    if r.random() < 0.5:
        e = P.fresh("el")
        o.append("const char *%s = %s->items[%d];" % (e, v, r.randrange(n)))
        _churn(P, o)
        o.append("mix((unsigned char)%s[0] + (unsigned)strlen(%s));" % (e, e))


def frag_sl_overwrite(P, r, o):
    """An element written other than by a push: replaced by a fresh
    string, by another slot's element, by null; a record's name
    replaced, a whole record assigned."""
    if r.random() < 0.7:
        f, ct = _fam(P, r, "sv", private=0.3)
        v = P.fresh("ow")
        n = r.randint(1, 8)
        o.append(_new("sv", f, v))
        _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
        a, b = r.randrange(n), r.randrange(n)
        k = r.randrange(4)
        if k == 0:
            o += _fresh_str(r, "ow_%s" % v, "7u")
            o.append("%s->items[%d] = ow_%s; /* the old string is lost, not released */" % (v, a, v))
        elif k == 1:
            o.append("%s->items[%d] = %s->items[%d]; /* the same string in two slots */" % (v, a, v, b))
        elif k == 2:
            o.append("%s->items[%d] = NULL;" % (v, a))
        else:
            o.append("%s->items[%d][0] = 'Q'; /* a byte of the string: fine */" % (v, a))
        o.append("mix(sv_sum%s(%s));" % (f, v))
    else:
        f, ct = _fam(P, r, "rv", private=0.3)
        v = P.fresh("ow")
        n = r.randint(1, 6)
        o.append(_new("rv", f, v))
        o += ["for (unsigned i = 0; i < %du; i++) {" % n,
              "  struct rec%s r_ = {(int)i, chk(strdup(\"%s\")), {1, 2}};" % (f, _word(r)),
              "  rv_push%s(%s, r_);" % (f, v),
              "}"]
        a, b = r.randrange(n), r.randrange(n)
        k = r.randrange(3)
        if k == 0:
            o.append("%s->items[%d].name = chk(strdup(\"%s\"));" % (v, a, _word(r)))
        elif k == 1:
            o.append("%s->items[%d] = %s->items[%d]; /* the same name in two slots */" % (v, a, v, b))
        else:
            o.append("{ struct rec%s x_ = {9, chk(strdup(\"%s\")), {0, 0}}; %s->items[%d] = x_; }" % (f, _word(r), v, a))
        o.append("mix(rv_sum%s(%s));" % (f, v))


def frag_sl_dup(P, r, o):
    """One pointer in two slots: pushed twice into one vector or into two
    vectors, a slot's element pushed again; a record pushed twice, pushed
    in a loop without re-storing its name, the record or the pointer
    stored into it used after the push."""
    k = r.randrange(8)
    if k < 3:
        f, ct = _fam(P, r, "sv", private=0.3)
        v = P.fresh("dv")
        o.append(_new("sv", f, v))
        _fill_names(P, r, f, v, "%du" % r.randint(1, 5), o, nulls=False)
        s = P.fresh("ds")
        o += _fresh_str(r, s, "3u")
        if k == 0:
            o += _sv_push(P, r, f, v, s)
            o += _sv_push(P, r, f, v, s)
            o.append("mix(sv_sum%s(%s));" % (f, v))
        elif k == 1:
            w = P.fresh("dw")
            g, _ = _fam(P, r, "sv", private=0.5)
            o.append(_new("sv", g, w))
            o += _sv_push(P, r, f, v, s)
            o += _sv_push(P, r, g, w, s)
            o.append("mix(sv_sum%s(%s));" % (f, v))
            _churn(P, o)
            o.append("mix(sv_sum%s(%s));" % (g, w))
        else:
            o += _sv_push(P, r, f, v, s)
            o += _sv_push(P, r, f, v, "%s->items[0]" % v)
            o.append("mix(sv_sum%s(%s));" % (f, v))
        return
    f, ct = _fam(P, r, "rv", private=0.3)
    v = P.fresh("dr")
    o.append(_new("rv", f, v))
    n = r.randint(1, 4)
    if k == 3:
        pre, push = _rv_push(P, r, f, v, "r_")
        o += pre + ["struct rec%s r_ = {1, chk(strdup(\"%s\")), {0, 0}};" % (f, _word(r))] + push
        pre, push = _rv_push(P, r, f, v, "r_")
        o += pre + ["r_.kind = 2;"] + push
    elif k == 4:
        o += ["struct rec%s r_ = {1, chk(strdup(\"%s\")), {0, 0}};" % (f, _word(r)),
              "for (unsigned i = 0; i < %du; i++) {" % n]
        pre, push = _rv_push(P, r, f, v, "r_")
        o += ["  " + l for l in pre + ["r_.kind = (int)i;"] + push]
        o.append("}")
    elif k == 5:
        pre, push = _rv_push(P, r, f, v, "r_")
        o += pre + ["struct rec%s r_ = {4, chk(strdup(\"%s\")), {0, 0}};" % (f, _word(r))] + push
        o.append("mix(rv_sum%s(%s));" % (f, v))
        _churn(P, o)
        o.append("mix((unsigned char)r_.name[0] + (unsigned)strlen(r_.name)); /* the record read after the push */")
    elif k == 6:
        s = P.fresh("ds")
        o += _fresh_str(r, s, "5u")
        pre, push = _rv_push(P, r, f, v, "r_")
        o += pre + ["struct rec%s r_ = {5, %s, {1, 1}};" % (f, s)] + push
        o.append("mix(rv_sum%s(%s));" % (f, v))
        _churn(P, o)
        o.append("mix((unsigned char)%s[0] + (unsigned)strlen(%s)); /* the pointer stored into the record */" % (s, s))
    else:
        # Re-stored before each push, but the same pointer each time.
        s = P.fresh("ds")
        o += _fresh_str(r, s, "6u")
        o += ["struct rec%s r_ = {6, NULL, {1, 1}};" % f,
              "for (unsigned i = 0; i < %du; i++) {" % n,
              "  r_.name = %s;" % s,
              "  rv_push%s(%s, r_);" % (f, v),
              "}"]
    o.append("mix(rv_sum%s(%s));" % (f, v))


def frag_sl_alias(P, r, o):
    """Vectors or elements reachable some other way: an element kept in a
    global, in another heap struct, in a stack array; the vector kept in
    a global or in two holders; a slot's address or the buffer kept in a
    struct by a helper; all read after the vector's last use."""
    f, ct = _fam(P, r, "sv", private=0.3)
    v = P.fresh("av")
    n = r.randint(1, 8)
    o.append(_new("sv", f, v))
    _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
    a = r.randrange(n)
    k = r.randrange(7)
    if k == 0:
        g = P.fresh("g_el")
        P.globals.append("static char *%s; /* ESCAPES: read at the end of main */" % g)
        o += ["%s = %s->items[%d];" % (g, v, a), "mix(sv_sum%s(%s));" % (f, v)]
        P.late.append("if (%s) mix((unsigned char)%s[0] + (unsigned)strlen(%s));" % (g, g, g))
    elif k == 1:
        P.helper("sl_hold", "struct sl_hold { unsigned tag; char *name; };\n")
        h = P.fresh("hold")
        o += ["struct sl_hold *%s = chk(malloc(sizeof *%s));" % (h, h),
              "%s->tag = %du; %s->name = %s->items[%d];" % (h, r.randint(1, 9), h, v, a),
              "mix(sv_sum%s(%s));" % (f, v)]
        _churn(P, o)
        o.append("mix(%s->tag + (unsigned char)%s->name[0] + (unsigned)strlen(%s->name));" % (h, h, h))
    elif k == 2:
        arr = P.fresh("arr")
        o += ["const char *%s[%d];" % (arr, n),
              "for (unsigned i = 0; i < %du; i++) %s[i] = %s->items[i];" % (n, arr, v),
              "mix(sv_sum%s(%s));" % (f, v)]
        _churn(P, o)
        o.append("for (unsigned i = 0; i < %du; i++) mix((unsigned char)%s[i][0] + i);" % (n, arr))
    elif k == 3:
        g = P.fresh("g_vec")
        P.globals.append("static struct sv%s *%s; /* ESCAPES: read at the end of main */" % (f, g))
        o += ["%s = %s;" % (g, v), "mix(sv_sum%s(%s));" % (f, v)]
        P.late.append("if (%s) mix(sv_sum%s(%s));" % (g, f, g))
    elif k == 4:
        hv = "sl_vhold" + f
        P.helper(hv, "struct %s { struct sv%s *v; unsigned tag; };\n" % (hv, f))
        h1, h2 = P.fresh("h"), P.fresh("h")
        o += ["struct %s *%s = chk(malloc(sizeof *%s)), *%s = chk(malloc(sizeof *%s));" % (hv, h1, h1, h2, h2),
              "%s->v = %s; %s->v = %s; %s->tag = 1u; %s->tag = 2u;" % (h1, v, h2, v, h1, h2),
              "mix(sv_sum%s(%s->v) + %s->tag);" % (f, h1, h1)]
        _churn(P, o)
        o.append("mix(sv_sum%s(%s->v) + %s->tag);" % (f, h2, h2))
    elif k == 5:
        sh = "sl_slot" + f
        P.helper(sh, ("struct sl_slot@ { char **slot; unsigned tag; };\n"
                      "/* Keeps the address of a slot. */\n"
                      "static void sl_keep_slot@(struct sl_slot@ *h, char **slot) { h->slot = slot; h->tag = 3u; }\n").replace("@", f))
        h = P.fresh("sh")
        o += ["struct %s *%s = chk(malloc(sizeof *%s));" % (sh, h, h),
              "sl_keep_slot%s(%s, &%s->items[%d]);" % (f, h, v, a),
              "mix((unsigned)%s->count);" % v]
        _churn(P, o)
        o.append("mix((unsigned char)(*%s->slot)[0] + %s->tag);" % (h, h))
    else:
        b = P.fresh("buf")
        o += ["char **%s = %s->items; /* the buffer borrowed */" % (b, v),
              "unsigned n_%s = (unsigned)%s->count;" % (b, v)]
        _churn(P, o)
        o.append("for (unsigned i = 0; i < n_%s; i++) mix((unsigned char)%s[i][0] * (i + 1u));" % (b, b))


def frag_sl_regrow(P, r, o):
    """The buffer regrown without a push (reserve, shrink to fit), replaced
    by a fresh malloc'd copy, or a slot filled through the pointer an
    emplace helper returns."""
    f, ct = _fam(P, r, "sv", private=0.3)
    v = P.fresh("gv")
    n = r.randint(1, 8)
    o.append(_new("sv", f, v))
    k = r.randrange(4)
    if k == 0:
        P.helper("sv_reserve" + f, ("/* Regrows the buffer and returns without a push. */\n"
                                    "static void sv_reserve@(struct sv@ *v, unsigned n) {\n"
                                    "  if ((unsigned)v->cap >= n) return;\n"
                                    "  char **b = realloc(v->items, n * sizeof *b);\n"
                                    "  if (!b) exit(1);\n"
                                    "  v->items = b;\n"
                                    "  v->cap = n;\n"
                                    "}\n").replace("@", f))
        o.append("sv_reserve%s(%s, %du);" % (f, v, r.randint(1, 12)))
        _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
    elif k == 1:
        _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
        P.helper("sv_shrink" + f, ("/* Shrinks the buffer to the count: no push after it. */\n"
                                   "static void sv_shrink@(struct sv@ *v) {\n"
                                   "  if (!v->count) return;\n"
                                   "  char **b = realloc(v->items, (size_t)v->count * sizeof *b);\n"
                                   "  if (!b) exit(1);\n"
                                   "  v->items = b;\n"
                                   "  v->cap = v->count;\n"
                                   "}\n").replace("@", f))
        o.append("sv_shrink%s(%s);" % (f, v))
    elif k == 2:
        _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
        o += ["{",
              "  char **b = chk(malloc((size_t)(%s->count + 4) * sizeof *b));" % v,
              "  memcpy(b, %s->items, (size_t)%s->count * sizeof *b);" % (v, v),
              "  %s->items = b; %s->cap = %s->count + 4;" % (v, v, v),
              "}"]
    else:
        P.helper("sv_emplace" + f, ("/* Returns the next slot: the caller writes it. */\n"
                                    "static char **sv_emplace@(struct sv@ *v) {\n"
                                    "  if (v->count == v->cap) {\n"
                                    "    v->cap = v->cap ? v->cap * 2 : 2;\n"
                                    "    char **b = realloc(v->items, (size_t)v->cap * sizeof *b);\n"
                                    "    if (!b) exit(1);\n"
                                    "    v->items = b;\n"
                                    "  }\n"
                                    "  return &v->items[v->count++];\n"
                                    "}\n").replace("@", f))
        o += ["for (unsigned i = 0; i < %du; i++) {" % n]
        o += ["  " + l for l in _fresh_str(r, "s", "i")]
        o += ["  *sv_emplace%s(%s) = s;" % (f, v), "}"]
    o.append("mix(sv_sum%s(%s));" % (f, v))
    o += _sv_push(P, r, f, v, "chk(strdup(\"%s\"))" % _word(r))
    o.append("mix(sv_sum%s(%s));" % (f, v))


def frag_sl_foreign(P, r, o):
    """Pointees that are not the vector's to release, next to heap
    strings: a string literal, a stack buffer, a pointer into a heap
    string, a static buffer; or an element reallocated through a local
    (the program released the pointee its slot still holds)."""
    f, ct = _fam(P, r, "sv", private=0.3)
    v = P.fresh("fv")
    n = r.randint(0, 6)
    o.append(_new("sv", f, v))
    _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
    k = r.randrange(5)
    if k == 0:
        o += _sv_push(P, r, f, v, "(char *)\"%s\"" % _word(r))
    elif k == 1:
        sb = P.fresh("sbuf")
        o += ["char %s[8] = \"stack\";" % sb]
        o += _sv_push(P, r, f, v, sb)
    elif k == 2:
        s = P.fresh("whole")
        o += _fresh_str(r, s, "9u")
        o += _sv_push(P, r, f, v, "%s + 2" % s)
        if r.random() < 0.5:
            o.append("mix((unsigned char)%s[0]);" % s)
    elif k == 3:
        sb = P.fresh("st_buf")
        P.globals.append("static char %s[16] = \"static\";" % sb)
        o += _sv_push(P, r, f, v, sb)
    else:
        if n == 0:
            o += _sv_push(P, r, f, v, "chk(strdup(\"%s\"))" % _word(r))
            n = 1
        a = r.randrange(n)
        t = P.fresh("grown")
        o += ["char *%s = realloc(%s->items[%d], 40); /* the slot keeps the old pointer */" % (t, v, a),
              "if (!%s) exit(1);" % t,
              "strcat(%s, \"-grown\");" % t,
              "mix((unsigned char)%s[1] + (unsigned)strlen(%s));" % (t, t)]
        if r.random() < 0.5:
            o += _sv_push(P, r, f, v, "chk(strdup(\"%s\"))" % _word(r))
        # The stale slot is never read again.
        o.append("for (%s i = 0; i < %s->count; i++) if (i != %d) mix((unsigned char)%s->items[i][0] + (unsigned)i);" % (
            ct, v, a, v))
        _churn(P, o)
        o.append("mix((unsigned char)%s[0]);" % t)
        return
    o.append("mix(sv_sum%s(%s));" % (f, v))
    if r.random() < 0.5:
        o += _sv_push(P, r, f, v, "chk(strdup(\"%s\"))" % _word(r))
        o.append("mix(sv_sum%s(%s));" % (f, v))


def frag_sl_take(P, r, o):
    """Elements moved out of their slots into other structures (a heap
    struct's field, a list of cells), the slot left as it is; the vector
    or the moved string read after."""
    f, ct = _fam(P, r, "sv", private=0.4)
    v = P.fresh("tv")
    n = r.randint(1, 8)
    o.append(_new("sv", f, v))
    _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
    if r.random() < 0.5:
        P.helper("sl_hold", "struct sl_hold { unsigned tag; char *name; };\n")
        h = P.fresh("th")
        a = r.randrange(n)
        o += ["struct sl_hold *%s = chk(malloc(sizeof *%s));" % (h, h),
              "%s->tag = %du;" % (h, r.randint(1, 9)),
              "%s->name = %s->items[%d];" % (h, v, a)]
        if r.random() < 0.5:
            o.append("mix(sv_sum%s(%s)); /* the slot still read */" % (f, v))
        else:
            o.append("mix((unsigned)%s->count);" % v)
        _churn(P, o)
        o.append("mix(%s->tag + (unsigned char)%s->name[0] + (unsigned)strlen(%s->name));" % (h, h, h))
    else:
        P.helper("sl_cell", r"""struct sl_cell { char *name; struct sl_cell *next; };
static unsigned sl_walk(const struct sl_cell *c) {
  unsigned s = 1u;
  for (; c; c = c->next) s = s * 7u + (unsigned char)c->name[0];
  return s;
}
""")
        l = P.fresh("cells")
        o += ["struct sl_cell *%s = NULL;" % l,
              "for (%s i = 0; i < %s->count; i++) {" % (ct, v),
              "  struct sl_cell *c = chk(malloc(sizeof *c));",
              "  c->name = %s->items[i]; c->next = %s; %s = c;" % (v, l, l),
              "}"]
        if r.random() < 0.4:
            o.append("mix(sv_sum%s(%s));" % (f, v))
        else:
            o.append("mix((unsigned)%s->count);" % v)
        _churn(P, o)
        o.append("mix(sl_walk(%s));" % l)


def frag_sl_partial(P, r, o):
    """Records whose pointer fields are set on some paths only (null on
    the others, in another block; or left null by a memset), a loop
    between the name's store and the push, or a second pointer field set
    in another block than the push."""
    k = r.randrange(4)
    if k < 3:
        f, ct = _fam(P, r, "rv", private=0.4)
        v = P.fresh("pr")
        n = r.randint(1, 6)
        o.append(_new("rv", f, v))
        pre, push = _rv_push(P, r, f, v, "r_")
        o.append("for (unsigned i = 0; i < %du; i++) {" % n)
        o += ["  " + l for l in pre]
        if k == 0:
            o += ["  struct rec%s r_;" % f,
                  "  r_.kind = (int)i; r_.pad[0] = 1; r_.pad[1] = 2;",
                  "  if ((i + (unsigned)ck) %% %du == 0u) r_.name = chk(strdup(\"%s\"));" % (r.randint(2, 3), _word(r)),
                  "  else r_.name = NULL;"]
            o += ["  " + l for l in push]
            o.append("}")
        elif k == 1:
            o += ["  struct rec%s r_;" % f,
                  "  memset(&r_, 0, sizeof r_);",
                  "  r_.kind = (int)i;",
                  "  if (i % 2u) {",
                  "    r_.name = chk(strdup(\"%s\"));" % _word(r),
                  "    r_.name[0] = (char)('a' + i);",
                  "  }"]
            o += ["  " + l for l in push]
            o.append("}")
        else:
            o += ["  struct rec%s r_ = {2, NULL, {0, 0}};" % f,
                  "  r_.name = chk(strdup(\"%s\"));" % _word(r),
                  "  for (unsigned j = 0; j < 2u; j++) r_.pad[j] = (long)(i + j);"]
            o += ["  " + l for l in push]
            o.append("}")
        o.append("mix(rv_sum%s(%s));" % (f, v))
        return
    f, ct = _fam(P, r, "ev", private=0.4)
    v = P.fresh("pe")
    n = r.randint(1, 6)
    o.append(_new("ev", f, v))
    o += ["for (unsigned i = 0; i < %du; i++) {" % n,
          "  struct ent%s e_;" % f,
          "  e_.key = chk(strdup(\"%s\"));" % _word(r),
          "  e_.n = i % 3u; e_.pad = 0;",
          "  if (e_.n) {",
          "    e_.vals = chk(malloc(e_.n * sizeof *e_.vals));",
          "    for (unsigned j = 0; j < e_.n; j++) e_.vals[j] = i + j;",
          "  } else {",
          "    e_.vals = NULL;",
          "  }",
          "  ev_push%s(%s, e_);" % (f, v),
          "}",
          "mix(ev_sum%s(%s));" % (f, v)]


def frag_sl_forget(P, r, o):
    """The buffer forgotten while the counter is kept: a memset of every
    field but the counter, or a helper that zeroes the counter, pushes one
    string through a second pointer to the same vector, then nulls the
    buffer (a push between the zero and the null); or, correctly, the push
    before both. The next push reallocates from NULL (the direct idiom),
    so the new buffer's slots below the count are never written: the
    program reads only the slots above, a deep drop must not walk them."""
    f, ct = _fam(P, r, "sv", private=0.5)
    layout = _layout(P, "sv", f)
    v = P.fresh("fg")
    n = r.randint(1, 6)
    o.append(_new("sv", f, v))
    _fill_names(P, r, f, v, "%du" % n, o, nulls=False)
    o.append("mix(sv_sum%s(%s));" % (f, v))
    k = r.randrange(3)
    if k == 0:
        kept = n
        if layout == 0:
            o.append("memset(&%s->items, 0, sizeof %s->items); %s->cap = 0; /* the counter kept */" % (v, v, v))
        elif layout == 1:
            o.append("memset(&%s->items, 0, sizeof *%s - __builtin_offsetof(struct sv%s, items)); /* all but the counter */" % (v, v, f))
        else:
            o.append("memset(%s, 0, __builtin_offsetof(struct sv%s, count)); /* all but the counter */" % (v, f))
    elif k == 1:
        kept = 1
        P.helper("sv_restart" + f, ("/* Zeroes the counter, pushes s through q (the same vector as p) into\n"
                                    "   the old buffer, forgets the buffer: the counter ends at 1. */\n"
                                    "static void sv_restart@(struct sv@ *p, struct sv@ *q, char *s) {\n"
                                    "  p->count = 0;\n"
                                    "  q->items[q->count++] = s;\n"
                                    "  p->items = NULL;\n"
                                    "  p->cap = 0;\n"
                                    "}\n").replace("@", f))
        o += _fresh_str(r, "rs_" + v, "11u")
        o.append("sv_restart%s(%s, %s, rs_%s);" % (f, v, v, v))
    else:
        kept = 0
        P.helper("sv_retire" + f, ("/* Pushes s through q (the same vector as p), then forgets the buffer\n"
                                   "   next to a zero counter. */\n"
                                   "static void sv_retire@(struct sv@ *p, struct sv@ *q, char *s) {\n"
                                   "  q->items[q->count++] = s;\n"
                                   "  p->count = 0;\n"
                                   "  p->items = NULL;\n"
                                   "  p->cap = 0;\n"
                                   "}\n").replace("@", f))
        o += _grow(v, "char *", "")
        o += _fresh_str(r, "rs_" + v, "12u")
        o.append("sv_retire%s(%s, %s, rs_%s);" % (f, v, v, v))
    # Free cells for the realloc from NULL to pick up.
    _churn(P, o)
    m = r.randint(1, 4)
    o.append("for (unsigned i = 0; i < %du; i++) {" % m)
    o += ["  " + l for l in _fresh_str(r, "s", "i + 3u")]
    o += ["  sv_push2%s(%s, s); /* from NULL first: slots below %d stay unwritten */" % (f, v, kept), "}"]
    o.append("for (%s i = %d; i < %s->count; i++) mix((unsigned char)%s->items[i][0] + (unsigned)strlen(%s->items[i]));" % (
        ct, kept, v, v, v))
    if r.random() < 0.5:
        e = P.fresh("el")
        o.append("const char *%s = %s->items[%s->count - 1];" % (e, v, v))
        _churn(P, o)
        o.append("mix((unsigned char)%s[0]);" % e)


SLOT_FRAGMENTS = [frag_sl_names, frag_sl_records, frag_sl_entries,
                  frag_sl_tree, frag_sl_nested, frag_sl_reset,
                  frag_sl_pop, frag_sl_permute, frag_sl_overwrite,
                  frag_sl_dup, frag_sl_alias, frag_sl_regrow,
                  frag_sl_foreign, frag_sl_take, frag_sl_partial,
                  frag_sl_forget]
