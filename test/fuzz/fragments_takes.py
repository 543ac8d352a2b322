"""The third series of fuzz fragments: takes (a child loaded from an owning
field and moved on: returned, passed to a function that takes ownership,
stored into another owning field; asap-free then nulls the field) and
owning parameters (a function returning its argument on one path releases
it on the others when every caller hands over an object it owns). See
docs/analysis.md, "Takes" and "Owning parameters".

Hazards, one fragment each: consume-and-rebuild recursion (constfold's
fold, an in-place prune, a mirror) from several callers; the same with a
caller that keeps the original tree or hands over a tree it does not own
(a global, two places, a borrowed parameter); a child moved on and the
same field read again (directly, through a helper, in the next loop
iteration, through a second pointer); a child moved on and the container
handed on (returned, stored, passed to a reader); nested takes, takes in a
list walk and in loops; children moved into a new node with the old node
still read (other fields); `second(l) { return l->next; }`-like helpers
whose argument the caller keeps.

The expression-tree helpers come in families (`exa`, `exb`, `exc`, or one
private to the fragment), picked at random per fragment: fragments of one
family in a program share the helpers (and their summaries, owning
fields, owning parameters), so a bad caller in one fragment must also
change what the analysis decides for the good callers of another. Same fragment protocol as fragments_core.py."""

from helpers import *  # noqa: F401,F403

FAMILIES = ["a", "b", "c"]


def _fam(P, r):
    """Adds the tree helpers of a random family; returns its suffix. One
    fragment in three gets a family of its own: one fragment's hazard (a
    read after a take, a shared tree) makes the family's fields not owning
    for every fragment that uses it, and then nothing is taken."""
    f = r.choice(FAMILIES) if r.random() < 0.67 else P.fresh("p")
    P.helper("ex" + f, (r"""struct ex@ { unsigned kind, val; struct ex@ *l, *r; };
/* A constructor: l and r are moved into the new node's owning fields. */
static struct ex@ *mk@(unsigned kind, unsigned val, struct ex@ *l, struct ex@ *r) {
  struct ex@ *e = chk(malloc(sizeof *e));
  e->kind = kind; e->val = val; e->l = l; e->r = r;
  return e;
}
/* Interior nodes (kind 1..3) have two children, leaves (kind 0) none. */
static struct ex@ *build@(unsigned depth, unsigned seed) {
  if (depth == 0u || seed % 7u == 3u) return mk@(0u, seed % 11u, NULL, NULL);
  struct ex@ *l = build@(depth - 1u, seed * 3u + 1u);
  struct ex@ *r = build@(depth - 1u, seed * 5u + 2u);
  return mk@(1u + seed % 3u, seed % 13u, l, r);
}
static unsigned sum@(const struct ex@ *e) {
  if (!e) return 5u;
  return e->kind * 7u + e->val + 31u * sum@(e->l) + 17u * sum@(e->r);
}
/* Reads the left field again (a borrowed reader). */
static unsigned left_key@(const struct ex@ *e) { return e->l ? e->l->val * 3u + e->l->kind : 9u; }
/* Reads other fields only. */
static unsigned head@(const struct ex@ *e) { return e->val * 5u + e->kind; }
""").replace("@", f))
    return f


def _fold(P, f):
    P.helper("fold" + f, (r"""/* Consumes e (constfold): a leaf is returned as is, an interior node is
   rebuilt from its folded children (or replaced by one of them). */
static struct ex@ *fold@(struct ex@ *e) {
  if (e->kind == 0u) return e;
  struct ex@ *l = fold@(e->l);
  struct ex@ *r = fold@(e->r);
  if (l->kind == 0u && r->kind == 0u && (l->val + r->val + e->kind) % 3u == 0u)
    return mk@(0u, (l->val * e->kind + r->val + e->val) % 11u, NULL, NULL);
  if (l->kind == 0u && l->val == 0u) return r;
  if (r->kind == 0u && r->val == 1u) return l;
  return mk@(e->kind, e->val + 1u, l, r);
}
""").replace("@", f))


IN_PLACE = {
    "prune": r"""/* In place: children taken, pruned and stored back; sometimes the left
   child replaces its parent. */
static struct ex@ *prune@(struct ex@ *e, unsigned k) {
  if (e->kind == 0u) return e;
  if (e->val % k == 0u) return e->l;
  e->l = prune@(e->l, k);
  e->r = prune@(e->r, k);
  e->val += 1u;
  return e;
}
""",
    "mirror": r"""/* In place: children swapped all the way down. */
static struct ex@ *mirror@(struct ex@ *e) {
  if (e->kind == 0u) return e;
  struct ex@ *t = e->l;
  e->l = mirror@(e->r);
  e->r = mirror@(t);
  return e;
}
""",
    "graft": r"""/* Rebuilds the root only: both children taken into a new node. */
static struct ex@ *graft@(struct ex@ *e) {
  if (e->kind == 0u) return e;
  return mk@(e->kind, e->val + 2u, e->r, e->l);
}
"""}


def _consumer(P, r, f, x):
    """A call that consumes x and returns the rebuilt tree. Mostly fold
    alone: the in-place consumers store into the owning fields, which can
    make them not owning for the whole family (then nothing is taken)."""
    _fold(P, f)
    k = r.random()
    if k < 0.55:
        return "fold%s(%s)" % (f, x)
    name = r.choice(sorted(IN_PLACE))
    P.helper(name + f, IN_PLACE[name].replace("@", f))
    if name == "prune":
        call = "prune%s(%s, %du)" % (f, x, r.randint(2, 5))
    else:
        call = "%s%s(%s)" % (name, f, x)
    return call if k < 0.8 else "fold%s(%s)" % (f, call)


def _junk(P, f, o):
    """Allocates and reads something, so that a freed block is reused."""
    j = P.fresh("junk")
    o += ["struct ex%s *%s = build%s(2u, 4u);" % (f, j, f),
          "mix(sum%s(%s));" % (f, j)]


def _depth(r):
    return r.randint(1, 5)


def _seed(r):
    s = r.randint(0, 60)
    return s if s % 7 != 3 else s + 1  # interior at the root


def frag_fold_callers(P, r, o):
    """Hazard 1: consume-and-rebuild recursion from several callers, each
    handing over a tree it owns."""
    f = _fam(P, r)
    _fold(P, f)
    x = P.fresh("fc")
    for i in range(r.randint(1, 3)):
        kind = r.randrange(6)
        v = "%s_%d" % (x, i)
        if kind == 0:
            o += ["struct ex%s *%s = build%s(%du, %du);" % (f, v, f, _depth(r), _seed(r)),
                  "%s = %s;" % (v, _consumer(P, r, f, v)),
                  "mix(sum%s(%s));" % (f, v)]
        elif kind == 1:
            o += ["mix(sum%s(%s));" % (f, _consumer(P, r, f, "build%s(%du, %du)" % (f, _depth(r), _seed(r))))]
        elif kind == 2:
            o += ["for (unsigned i = 0; i < %du; i++) {" % r.randint(1, 4),
                  "  struct ex%s *%s = %s;" % (f, v, _consumer(P, r, f, "build%s(%du, i * %du + 1u)" % (
                      f, _depth(r), r.randint(1, 9)))),
                  "  mix(sum%s(%s) + %s->val);" % (f, v, v),
                  "}"]
        elif kind == 3:
            o += ["struct ex%s *%s = build%s(%du, %du);" % (f, v, f, _depth(r), _seed(r)),
                  "mix(head%s(%s));" % (f, v),
                  "%s = (ck %% %du) ? %s : %s;" % (v, r.randint(2, 3), _consumer(P, r, f, v), _consumer(P, r, f, v)),
                  "mix(sum%s(%s));" % (f, v)]
        elif kind == 4:
            # A child consumed, the container then read in other fields only.
            o += ["struct ex%s *%s = build%s(%du, %du);" % (f, v, f, _depth(r), _seed(r)),
                  "struct ex%s *sub_%s = %s;" % (f, v, _consumer(P, r, f, "%s->%s" % (v, r.choice("lr")))),
                  "mix(%s);" % r.choice(["head%s(%s)" % (f, v), "%s->val" % v, "1u"]),
                  "mix(sum%s(sub_%s));" % (f, v)]
        else:
            # Rebuilt twice in a row, then a fresh child grafted on.
            o += ["struct ex%s *%s = build%s(%du, %du);" % (f, v, f, _depth(r), _seed(r)),
                  "%s = %s;" % (v, _consumer(P, r, f, v)),
                  "%s = %s;" % (v, _consumer(P, r, f, v)),
                  "%s = mk%s(1u, %du, %s, build%s(1u, 2u));" % (v, f, r.randint(0, 9), v, f),
                  "mix(sum%s(%s));" % (f, v)]
        if r.random() < 0.4:
            _junk(P, f, o)


def frag_fold_kept(P, r, o):
    """Hazard 2: the same consumers, but one caller keeps using the tree it
    passed, or passes a tree it does not own (a global, two places, its own
    borrowed parameter): nothing may be released inside the consumer."""
    f = _fam(P, r)
    _fold(P, f)
    x = P.fresh("fk")
    # A good caller too, so the consumer has mixed callers.
    if r.random() < 0.7:
        o += ["mix(sum%s(%s));" % (f, _consumer(P, r, f, "build%s(%du, %du)" % (f, _depth(r), _seed(r))))]
    o += ["struct ex%s *%s = build%s(%du, %du);" % (f, x, f, _depth(r), _seed(r))]
    kind = r.randrange(6)
    call = _consumer(P, r, f, x)
    if kind == 0:
        # Keeps using the original after the call.
        o += ["struct ex%s *res_%s = %s;" % (f, x, call),
              "mix(sum%s(res_%s));" % (f, x)]
        _junk(P, f, o)
        o += ["mix(sum%s(%s) + %s->val);" % (f, x, x)]
    elif kind == 1:
        g = P.fresh("g_ex")
        P.globals.append("static struct ex%s *%s; /* ESCAPES: read again at the end of main */" % (f, g))
        o += ["%s = %s; /* ESCAPES: stored in a global */" % (g, x),
              "struct ex%s *res_%s = %s;" % (f, x, call),
              "mix(sum%s(res_%s));" % (f, x)]
        _junk(P, f, o)
        P.late.append("if (%s) mix(sum%s(%s));" % (g, f, g))
    elif kind == 2:
        P.helper("exbox" + f, "struct exbox%s { struct ex%s *p; unsigned n; };\n" % (f, f))
        o += ["struct exbox%s *b1_%s = chk(malloc(sizeof *b1_%s));" % (f, x, x),
              "struct exbox%s *b2_%s = chk(malloc(sizeof *b2_%s));" % (f, x, x),
              "b1_%s->p = %s; b2_%s->p = %s; /* ESCAPES: stored in two places */" % (x, x, x, x),
              "b1_%s->n = 1u; b2_%s->n = 2u;" % (x, x),
              "struct ex%s *res_%s = %s;" % (f, x, _consumer(P, r, f, "b1_%s->p" % x)),
              "mix(sum%s(res_%s));" % (f, x)]
        _junk(P, f, o)
        o += ["mix(sum%s(b2_%s->p) + b2_%s->n);" % (f, x, x)]
    elif kind == 3:
        P.helper("fold_peek" + f, (r"""/* Hands over a tree it only borrows, then reads it again. */
static unsigned fold_peek@(struct ex@ *e, unsigned k) {
  unsigned before = sum@(e);
  struct ex@ *res = k ? fold@(e) : fold@(fold@(e));
  return before * 7u + sum@(res) * 3u + sum@(e);
}
""").replace("@", f))
        o += ["mix(fold_peek%s(%s, %du));" % (f, x, r.randint(0, 1))]
        _junk(P, f, o)
        o += ["mix(sum%s(%s));" % (f, x)]
    elif kind == 4:
        # Consumes a subtree the container still holds.
        o += ["if (%s->kind) {" % x,
              "  struct ex%s *res_%s = %s;" % (f, x, _consumer(P, r, f, "%s->%s" % (x, r.choice("lr")))),
              "  mix(sum%s(res_%s));" % (f, x)]
        _junk(P, f, o)
        o[-2:] = ["  " + l for l in o[-2:]]
        o += ["}", "mix(sum%s(%s));" % (f, x)]
    else:
        # Consumed only on one path, read on both.
        o += ["struct ex%s *res_%s = (ck %% %du) ? %s : %s;" % (f, x, r.randint(2, 3), call, x),
              "mix(sum%s(res_%s));" % (f, x)]
        _junk(P, f, o)
        o += ["mix(%s->val + %s->kind);" % (x, x)]


def _mover(P, r, f, child):
    """Moves child on: into a new node's field, into a consumer, or out of
    a helper that returns it."""
    k = r.randrange(3)
    if k == 0:
        return "mk%s(2u, %du, %s, NULL)" % (f, r.randint(0, 9), child)
    if k == 1:
        return _consumer(P, r, f, child)
    return "mk%s(3u, %du, build%s(1u, 5u), %s)" % (f, r.randint(0, 9), f, child)


def frag_take_reread(P, r, o):
    """Hazard 3: a child moved on, then the container's same field read
    again: directly, through a helper, in the next loop iteration, through a
    second pointer to the container (made before the take: a select, a
    helper returning its argument, a box holding it)."""
    f = _fam(P, r)
    x = P.fresh("tr")
    side = r.choice("lr")
    o += ["struct ex%s *%s = build%s(%du, %du);" % (f, x, f, _depth(r), _seed(r))]
    kind = r.randrange(7)
    if kind == 4:
        # The load in a loop, the container from outside it.
        o += ["struct ex%s *acc_%s = NULL;" % (f, x),
              "for (unsigned i = 0; i < %du; i++) {" % r.randint(2, 4),
              "  struct ex%s *c = %s->%s;" % (f, x, side),
              "  acc_%s = mk%s(1u, i, c, acc_%s);" % (x, f, x),
              "}",
              "mix(sum%s(acc_%s));" % (f, x)]
        if r.random() < 0.5:
            o += ["mix(sum%s(%s));" % (f, x)]
        return
    # A second pointer to the container, made before the take.
    alias = None
    if kind == 3:
        P.helper("exbox" + f, "struct exbox%s { struct ex%s *p; unsigned n; };\n" % (f, f))
        o += ["struct exbox%s *bx_%s = chk(malloc(sizeof *bx_%s));" % (f, x, x),
              "bx_%s->p = %s; bx_%s->n = %du;" % (x, x, x, r.randint(0, 9))]
        alias = "bx_%s->p" % x
    elif kind == 5:
        o += ["struct ex%s *other_%s = build%s(1u, %du);" % (f, x, f, _seed(r)),
              "struct ex%s *y_%s = (ck %% %du) ? %s : other_%s;" % (f, x, r.randint(2, 3), x, x)]
        alias = "y_%s" % x
    elif kind == 6:
        P.helper("same" + f, (r"""/* Returns its argument (after a read): an alias for the caller. */
static struct ex@ *same@(struct ex@ *e) { mix(e->val); return e; }
""").replace("@", f))
        o += ["struct ex%s *y_%s = same%s(%s);" % (f, x, f, x)]
        alias = "y_%s" % x
    o += ["struct ex%s *c_%s = %s->%s;" % (f, x, x, side)]
    o += ["struct ex%s *m_%s = %s;" % (f, x, _mover(P, r, f, "c_" + x)),
          "mix(sum%s(m_%s));" % (f, x)]
    if r.random() < 0.5:
        _junk(P, f, o)
    if kind == 0:
        o += ["mix(%s->%s ? %s->%s->val + sum%s(%s->%s) : 1u);" % (x, side, x, side, f, x, side)]
    elif kind == 1:
        o += ["mix(left_key%s(%s));" % (f, x) if side == "l" else
              "mix(sum%s(%s));" % (f, x)]
    elif kind == 2:
        # Loaded again, and sometimes moved on again.
        o += ["struct ex%s *again_%s = %s->%s;" % (f, x, x, side)]
        if r.random() < 0.5:
            o += ["again_%s = mk%s(1u, 1u, again_%s, NULL);" % (x, f, x)]
        o += ["mix(again_%s ? sum%s(again_%s) : 2u);" % (x, f, x)]
    else:
        o += ["mix(%s);" % r.choice(["sum%s(%s)" % (f, alias),
                                     "%s->%s ? sum%s(%s->%s) : 3u" % (alias, side, f, alias, side),
                                     "left_key%s(%s)" % (f, alias)])]


def frag_take_swap(P, r, o):
    """Hazard 3/4: children moved between owning fields in place (swapped
    within a node, exchanged between two trees, wrapped and stored back),
    then the trees read."""
    f = _fam(P, r)
    x, y = P.fresh("sw"), P.fresh("sw")
    o += ["struct ex%s *%s = build%s(%du, %du);" % (f, x, f, _depth(r), _seed(r)),
          "struct ex%s *%s = build%s(%du, %du);" % (f, y, f, _depth(r), _seed(r))]
    kind = r.randrange(4)
    if kind == 0:
        o += ["struct ex%s *t_%s = %s->l; %s->l = %s->r; %s->r = t_%s;" % (f, x, x, x, x, x, x)]
    elif kind == 1:
        a, b = r.choice("lr"), r.choice("lr")
        o += ["struct ex%s *t_%s = %s->%s; %s->%s = %s->%s; %s->%s = t_%s;" % (
            f, x, x, a, x, a, y, b, y, b, x)]
    elif kind == 2:
        a = r.choice("lr")
        o += ["struct ex%s *t_%s = %s->%s;" % (f, x, x, a),
              "struct ex%s *w_%s = mk%s(2u, %du, t_%s, NULL);" % (f, x, f, r.randint(0, 9), x)]
        if r.random() < 0.5:
            o += ["mix(sum%s(w_%s));" % (f, x)]
        o += ["%s->%s = w_%s;" % (x, a, x)]
    else:
        # Rotation of the root: x's left child becomes the root.
        o += ["if (%s->kind && %s->l->kind) {" % (x, x),
              "  struct ex%s *nl_%s = %s->l;" % (f, x, x),
              "  %s->l = nl_%s->r;" % (x, x),
              "  nl_%s->r = %s;" % (x, x),
              "  %s = nl_%s;" % (x, x),
              "}"]
    if r.random() < 0.5:
        _junk(P, f, o)
    o += ["mix(sum%s(%s));" % (f, x)]
    o += ["mix(sum%s(%s));" % (f, y)]


def frag_take_handon(P, r, o):
    """Hazard 4: a child moved on, then the container returned, stored or
    passed to a function that reads the field."""
    f = _fam(P, r)
    x = P.fresh("th")
    side = r.choice("lr")
    o += ["struct ex%s *%s = build%s(%du, %du);" % (f, x, f, _depth(r), _seed(r))]
    kind = r.randrange(4)
    if kind == 0:
        P.helper("regraft" + f + side, (r"""/* Moves e->S into a new node, then hands e back. */
static struct ex@ *regraft_S@(struct ex@ *e, unsigned k) {
  struct ex@ *c = e->S;
  struct ex@ *n = mk@(2u, k, c, NULL);
  mix(sum@(n));
  return e;
}
""").replace("@", f).replace("S", side))
        o += ["%s = regraft_%s%s(%s, %du);" % (x, side, f, x, r.randint(0, 9))]
        if r.random() < 0.5:
            _junk(P, f, o)
        o += ["mix(sum%s(%s));" % (f, x)]
    elif kind == 1:
        P.helper("exbox" + f, "struct exbox%s { struct ex%s *p; unsigned n; };\n" % (f, f))
        o += ["struct ex%s *m_%s = %s;" % (f, x, _mover(P, r, f, "%s->%s" % (x, side))),
              "struct exbox%s *bx_%s = chk(malloc(sizeof *bx_%s));" % (f, x, x),
              "bx_%s->p = %s; bx_%s->n = 3u;" % (x, x, x),
              "mix(sum%s(m_%s));" % (f, x)]
        if r.random() < 0.5:
            _junk(P, f, o)
        o += ["mix(sum%s(bx_%s->p));" % (f, x)]
    elif kind == 2:
        o += ["struct ex%s *m_%s = %s;" % (f, x, _mover(P, r, f, "%s->%s" % (x, side))),
              "mix(sum%s(m_%s));" % (f, x)]
        if r.random() < 0.5:
            _junk(P, f, o)
        o += ["mix(%s);" % r.choice(["sum%s(%s)" % (f, x), "left_key%s(%s)" % (f, x)])]
    else:
        # Moved into a new node that also gets the container itself.
        o += ["struct ex%s *m_%s = mk%s(1u, 4u, %s->%s, %s);" % (f, x, f, x, side, x)]
        if r.random() < 0.5:
            _junk(P, f, o)
        o += ["mix(sum%s(m_%s));" % (f, x)]


def frag_take_nested(P, r, o):
    """Hazard 5: nested takes (e->l->r moved on), takes from the cells of a
    list walk, takes inside loops."""
    f = _fam(P, r)
    x = P.fresh("tn")
    kind = r.randrange(4)
    if kind == 0:
        a, b = r.choice("lr"), r.choice("lr")
        o += ["struct ex%s *%s = build%s(%du, %du);" % (f, x, f, r.randint(2, 5), _seed(r)),
              "if (%s->kind && %s->%s->kind) {" % (x, x, a),
              "  struct ex%s *m_%s = %s;" % (f, x, _mover(P, r, f, "%s->%s->%s" % (x, a, b))),
              "  mix(sum%s(m_%s));" % (f, x)]
        if r.random() < 0.5:
            o += ["  mix(head%s(%s->%s));" % (f, x, a)]
        after = r.randrange(3)
        if after == 0:
            o += ["  mix(sum%s(%s));" % (f, x)]
        elif after == 1:
            o += ["  mix(left_key%s(%s->%s));" % (f, x, a)]
        o += ["}", "mix(head%s(%s));" % (f, x)]
    elif kind == 1:
        P.helper("bag" + f, (r"""struct bag@ { unsigned val; struct ex@ *item; struct bag@ *next; };
static struct bag@ *bag_build@(unsigned n, unsigned seed) {
  struct bag@ *h = NULL;
  for (unsigned i = 0; i < n; i++) {
    struct bag@ *c = chk(malloc(sizeof *c));
    c->val = i + seed; c->item = build@(i % 3u, seed + i * 2u); c->next = h;
    h = c;
  }
  return h;
}
static unsigned bag_sum@(const struct bag@ *b) {
  unsigned s = 1u;
  for (; b; b = b->next) s = s * 11u + b->val + sum@(b->item);
  return s;
}
/* Takes every item out of the list into a new tree (recursion). */
static struct ex@ *collect@(struct bag@ *b) {
  if (!b) return NULL;
  struct ex@ *it = b->item;
  return mk@(1u, b->val, it, collect@(b->next));
}
""").replace("@", f))
        o += ["struct bag%s *%s = bag_build%s(%du, %du);" % (f, x, f, r.randint(0, 6), r.randint(0, 9))]
        if r.random() < 0.5:
            o += ["struct ex%s *all_%s = collect%s(%s);" % (f, x, f, x)]
        else:
            o += ["struct ex%s *all_%s = NULL;" % (f, x),
                  "for (struct bag%s *p = %s; p; p = p->next) {" % (f, x),
                  "  struct ex%s *it = p->item;" % f,
                  "  if (it->val %% %du) all_%s = mk%s(1u, p->val, it, all_%s);" % (r.randint(2, 3), x, f, x),
                  "}"]
        o += ["mix(sum%s(all_%s));" % (f, x)]
        if r.random() < 0.6:
            o += ["mix(bag_sum%s(%s));" % (f, x)]
    elif kind == 2:
        # A take per iteration from a container of that iteration.
        n = r.randint(1, 5)
        o += ["struct ex%s *acc_%s = NULL;" % (f, x),
              "for (unsigned i = 0; i < %du; i++) {" % n,
              "  struct ex%s *t = build%s(%du, i * 3u + %du);" % (f, f, r.randint(1, 3), r.randint(0, 2)),
              "  if (t->kind) acc_%s = mk%s(2u, i, t->%s, acc_%s);" % (x, f, r.choice("lr"), x),
              "  mix(head%s(t));" % f]
        if r.random() < 0.4:
            o += ["  mix(sum%s(t));" % f]
        o += ["}", "mix(sum%s(acc_%s));" % (f, x)]
    else:
        # Walks down the left spine, taking each right child.
        o += ["struct ex%s *%s = build%s(%du, %du);" % (f, x, f, r.randint(1, 5), _seed(r)),
              "struct ex%s *acc_%s = NULL;" % (f, x),
              "for (struct ex%s *p = %s; p && p->kind; p = p->l) {" % (f, x),
              "  struct ex%s *c = p->r;" % f,
              "  acc_%s = mk%s(1u, p->val, c, acc_%s);" % (x, f, x),
              "}",
              "mix(sum%s(acc_%s));" % (f, x)]
        if r.random() < 0.5:
            o += ["mix(sum%s(%s));" % (f, x)]


def frag_take_into_new(P, r, o):
    """Hazard 6: children moved into a new node; the old node is still read
    afterwards (other fields only)."""
    f = _fam(P, r)
    x = P.fresh("tw")
    o += ["struct ex%s *%s = build%s(%du, %du);" % (f, x, f, _depth(r), _seed(r))]
    kind = r.randrange(3)
    if kind == 0:
        o += ["struct ex%s *n_%s = mk%s(%s->kind, %s->val + 1u, %s->r, %s->l);" % (f, x, f, x, x, x, x)]
    elif kind == 1:
        o += ["struct ex%s *l_%s = %s->l, *r_%s = %s->r;" % (f, x, x, x, x),
              "struct ex%s *n_%s = mk%s(3u, 1u, r_%s, mk%s(2u, 2u, l_%s, NULL));" % (f, x, f, x, f, x)]
    else:
        # Rotated repeatedly: each round takes both children of the last.
        o += ["struct ex%s *n_%s = %s;" % (f, x, x),
              "for (unsigned i = 0; i < %du; i++) n_%s = mk%s(1u, i + n_%s->val, n_%s->r, n_%s->l);" % (
                  r.randint(1, 4), x, f, x, x, x)]
    if r.random() < 0.5:
        _junk(P, f, o)
    o += ["mix(%s);" % r.choice(["%s->val * 3u + %s->kind" % (x, x), "head%s(%s)" % (f, x)]),
          "mix(sum%s(n_%s));" % (f, x)]
    if r.random() < 0.3:
        o += ["mix(%s->val);" % x]


def frag_child_helpers(P, r, o):
    """Hazard 7: helpers returning a child of their argument
    (`second(l) { return l->next; }`), whose argument the caller keeps."""
    x = P.fresh("ch")
    if r.random() < 0.5:
        P.helper(*H_LIST)
        P.helper("second_cell", r"""static struct node *second_cell(struct node *l) { return l->next; }
static struct node *second_or_self(struct node *l) { return l->next ? l->next : l; }
static struct node *third_cell(struct node *l) { return second_cell(second_cell(l)); }
""")
        n = r.randint(3, 10)
        call = r.choice(["second_cell", "second_or_self", "third_cell"])
        o += ["struct node *%s = build_list(%du, %du);" % (x, n, r.randint(0, 9)),
              "struct node *s_%s = %s(%s);" % (x, call, x),
              "mix(%s->val);" % x,
              "struct node *junk_%s = build_list(4u, 1u);" % x,
              "mix(walk_list(junk_%s));" % x,
              "mix(walk_list(s_%s));" % x]
        if r.random() < 0.5:
            o += ["mix(walk_list(%s));" % x]
        return
    f = _fam(P, r)
    P.helper("child_of" + f, (r"""static struct ex@ *left_of@(struct ex@ *e) { return e->l; }
static struct ex@ *right_or_self@(struct ex@ *e) { return e->kind ? e->r : e; }
static struct ex@ *left_left@(struct ex@ *e) { return e->l->kind ? left_of@(e->l) : e->l; }
/* Takes a child out of a tree of its own and drops the rest. */
static struct ex@ *fresh_child@(unsigned d, unsigned s) {
  struct ex@ *t = build@(d, s);
  mix(t->val);
  return t->kind ? t->r : t;
}
""").replace("@", f))
    call = r.choice(["left_of", "right_or_self", "left_left"])
    o += ["struct ex%s *%s = build%s(%du, %du);" % (f, x, f, _depth(r), _seed(r)),
          "struct ex%s *s_%s = %s%s(%s);" % (f, x, call, f, x)]
    if r.random() < 0.3:
        o += ["struct ex%s *fc_%s = fresh_child%s(%du, %du);" % (f, x, f, _depth(r), r.randint(0, 60))]
        _junk(P, f, o)
        o += ["mix(sum%s(fc_%s));" % (f, x)]
    if r.random() < 0.4:
        o += ["s_%s = %s;" % (x, _consumer(P, r, f, "s_" + x))]
    o += ["mix(head%s(%s));" % (f, x)]
    _junk(P, f, o)
    o += ["mix(sum%s(s_%s));" % (f, x)]
    if r.random() < 0.5:
        o += ["mix(sum%s(%s));" % (f, x)]


TAKES_FRAGMENTS = [frag_fold_callers, frag_fold_kept, frag_take_reread, frag_take_swap,
                   frag_take_handon, frag_take_nested, frag_take_into_new,
                   frag_child_helpers]
