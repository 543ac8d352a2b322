"""The fifth series of fuzz fragments: stack structs that lend what they
hold (analysis/StackBorrows.h). An owned heap object stored into a stack
struct (`struct cur c = {obj, 0, n}; f(&c);`) is a borrow when everything
read out of the struct, anywhere in the module, is only used during the
frame that owns it: the object then stays alive up to the struct's last
reader in that frame and is released after it.

Hazards, one fragment each: cursor structs holding an object (or a pointer
into it) read by helpers, recursive ones and ones that advance the cursor,
after the object's last direct use; the struct re-stored in loops with a
fresh object per iteration, read after the store, before it (the previous
object) and after the loop; pointers read from the struct returned to the
owner's frame by helpers, and returned out of the owner itself; structs
holding two objects, a field overwritten with a second object, arrays of
structs; structs whose address or contents leave the frame (a global, a
heap cell, memcpy, struct assignment, an integer, an indirect call), which
must be left alone; helpers lending their own (borrowed or owning)
parameter through their own struct; a pointer read from a callee's
struct stored into the caller's struct of the same points-to node (the
loan outlives the callee's frame); a string lent to helpers calling libc
(strlen, strcmp, strchr's result returned to the owner); a list lent
through a cursor whose helpers follow and store back `next` pointers.

The cursor types and their helpers come in families (`cura`, `curb`, or
one private to the fragment), picked at random per fragment: fragments of
one family share the helpers, and so mostly one points-to node: a hazard
in one fragment must stop the borrows of the other fragments of its
family. Structs that start empty are zero-initialized: clang copies a
constant non-zero initializer from a global with memcpy, and a copied
node lends nothing.
Same fragment protocol as fragments_core.py."""

from helpers import *  # noqa: F401,F403


def _fam(P, r, private=0.33):
    """Adds the cursor type of a random family; returns its suffix."""
    f = r.choice(["a", "b"]) if r.random() >= private else P.fresh("s")
    P.helper("cur" + f, (r"""/* A cursor over a borrowed buffer (family @). */
struct cur@ { const unsigned *p; unsigned pos, n; };
""").replace("@", f))
    return f


CUR = {
    "get": r"""/* Reads through the cursor. */
static unsigned cur_get@(const struct cur@ *c) { return c->p[c->pos % c->n] * 3u + c->pos; }
""",
    "sum": r"""/* Walks the whole buffer, moving the cursor (a scalar field). */
static unsigned cur_sum@(struct cur@ *c) {
  unsigned s = 5u;
  for (c->pos = 0u; c->pos < c->n; c->pos++) s = s * 31u + c->p[c->pos];
  return s;
}
""",
    "rec": r"""/* Recursion through the same struct pointer. */
static unsigned cur_rec@(const struct cur@ *c, unsigned i) {
  if (i >= c->n) return 3u;
  return c->p[i] + 7u * cur_rec@(c, i + 1u);
}
""",
    "deep": r"""/* Recursion that advances the cursor as it goes. */
static unsigned cur_deep@(struct cur@ *c, unsigned d) {
  if (d == 0u || c->pos >= c->n) return 1u;
  unsigned v = c->p[c->pos];
  c->pos++;
  return v * 3u + cur_deep@(c, d - 1u);
}
""",
    "at": r"""/* Returns a pointer read from the struct (into the buffer). */
static const unsigned *cur_at@(const struct cur@ *c, unsigned i) { return c->p + i % c->n; }
""",
    "skip": r"""/* Stores a pointer read from the struct back into it. */
static void cur_skip@(struct cur@ *c) {
  if (c->n > 1u) { c->p = c->p + 1; c->n--; }
  c->pos = 0u;
}
""",
    "copy": r"""/* Copies one cursor into another, field by field. */
static void cur_copy@(struct cur@ *dst, const struct cur@ *src) {
  dst->p = src->p; dst->n = src->n; dst->pos = 0u;
}
""",
    "least": r"""/* Returns the smaller of two cursors' current elements (a select of
   two pointers read from structs). */
static const unsigned *cur_least@(const struct cur@ *a, const struct cur@ *b) {
  const unsigned *x = a->p + a->pos % a->n, *y = b->p + b->pos % b->n;
  return *x <= *y ? x : y;
}
""",
}


def _h(P, f, name):
    """Adds one cursor helper of family f; returns its name."""
    P.helper("cur_%s%s" % (name, f), CUR[name].replace("@", f))
    return "cur_%s%s" % (name, f)


def _read(P, r, f, c):
    """An unsigned expression that reads the buffer through the struct c
    (an lvalue of type struct cur@): a helper call or a direct read."""
    k = r.randrange(6)
    if k == 0:
        return "%s(&%s)" % (_h(P, f, "get"), c)
    if k == 1:
        return "%s(&%s)" % (_h(P, f, "sum"), c)
    if k == 2:
        return "%s(&%s, 0u)" % (_h(P, f, "rec"), c)
    if k == 3:
        return "%s(&%s, %du)" % (_h(P, f, "deep"), c, r.randint(1, 6))
    if k == 4:
        return "*%s(&%s, %du)" % (_h(P, f, "at"), c, r.randint(0, 9))
    return "%s.p[%d %% %s.n]" % (c, r.randint(0, 9), c)


def _churn(P, o):
    """Allocates and reads a buffer, so that a block released too early is
    reused (and overwritten) before the late read."""
    P.helper("sb_churn", r"""/* Allocates, fills and reads a fresh buffer. */
static unsigned sb_churn(unsigned n) {
  unsigned *t = chk(malloc(n * sizeof *t));
  for (unsigned i = 0; i < n; i++) t[i] = 0xdead0u + i;
  return t[n - 1u];
}
""")
    o.append("mix(sb_churn(%du));" % P.rng.randint(1, 12))


def _buf(P, r, o, stem="o"):
    """A fresh filled buffer; returns (name, length)."""
    n = r.randint(1, 12)
    b = P.fresh(stem)
    o += ["unsigned *%s = chk(malloc(%d * sizeof *%s));" % (b, n, b),
          "for (unsigned i = 0; i < %du; i++) %s[i] = i * %du + (unsigned)ck;" % (n, b, r.randint(1, 9))]
    return b, n


def frag_sb_cursor(P, r, o):
    """A cursor on the stack holding an object (or a pointer into it),
    passed by address to readers (recursive ones, ones that advance the
    cursor) after the object's last direct use."""
    f = _fam(P, r)
    b, n = _buf(P, r, o)
    off = r.randrange(n) if r.random() < 0.3 else 0
    c = P.fresh("c")
    o.append("mix(%s[%d]); /* the last direct use */" % (b, r.randrange(n)))
    if r.random() < 0.5:
        o.append("struct cur%s %s = {%s + %d, 0u, %du};" % (f, c, b, off, n - off))
    else:
        o += ["struct cur%s %s;" % (f, c),
              "%s.pos = 0u; %s.n = %du;" % (c, c, n - off),
              "%s.p = %s%s;" % (c, b, " + %d" % off if off else "")]
    for _ in range(r.randint(1, 3)):
        if r.random() < 0.3:
            _churn(P, o)
        if r.random() < 0.2:
            o.append("%s(&%s);" % (_h(P, f, "skip"), c))
        o.append("mix(%s);" % _read(P, r, f, c))
    if r.random() < 0.3:
        # In a loop: the release goes after it.
        o.append("for (unsigned j = 0; j < %du; j++) mix(%s + j);" % (r.randint(1, 4), _read(P, r, f, c)))
    if r.random() < 0.3:
        # Behind a condition: the release must not be on one side only.
        o += ["if (ck % 3u == 1u) {", "  mix(%s);" % _read(P, r, f, c), "}"]


def frag_sb_loop(P, r, o):
    """The struct re-stored in a loop with a fresh object each iteration,
    read after the store; sometimes also read at the top of the next
    iteration (the previous object), after the loop (the last object),
    in the loop's increment, or only stored on some iterations."""
    f = _fam(P, r)
    c = P.fresh("c")
    it = P.fresh("it")
    m = r.randint(1, 6)
    n = r.randint(1, 10)
    shape = r.choice(["for", "for", "do", "inner"])
    top = r.random() < 0.35 and shape != "inner"
    after = r.random() < 0.35 and shape != "inner"
    cond = r.random() < 0.25
    body = []
    if top:
        body.append("if (%s) mix(%s); /* the previous object */" % (it, _read(P, r, f, c)))
    store = ["unsigned *o = chk(malloc(%d * sizeof *o));" % n,
             "for (unsigned i = 0; i < %du; i++) o[i] = i + %s * %du;" % (n, it, r.randint(1, 9))]
    if shape == "inner":
        store.append("struct cur%s %s = {o, 0u, %du};" % (f, c, n))
    else:
        store.append("%s.p = o; %s.pos = 0u; %s.n = %du;" % (c, c, c, n))
    if r.random() < 0.3:
        store.append("mix(o[0]);")
    if cond and shape != "inner":
        body += ["if (%s == 0u || (ck + %s) %% 3u != 0u) {" % (it, it)] + ["  " + l for l in store] + ["}"]
    else:
        body += store
    body.append("mix(%s);" % _read(P, r, f, c))
    if r.random() < 0.3:
        body.append("if (%s %% 2u) continue;" % it)
        body.append("mix(%s);" % _read(P, r, f, c))
    if shape != "inner":
        o.append("struct cur%s %s = {NULL, 0u, 0u}; /* zero: no memcpy from a constant */" % (f, c))
    if shape == "do":
        o += ["unsigned %s = 0u;" % it, "do {"] + ["  " + l for l in body] + \
             ["} while (++%s < %du);" % (it, m)]
    else:
        incr = "%s++" % it
        if shape == "for" and not cond and r.random() < 0.3:
            incr += ", mix(%s.p[0])" % c  # read in the latch, after the store
        o += ["for (unsigned %s = 0; %s < %du; %s) {" % (it, it, m, incr)] + \
             ["  " + l for l in body] + ["}"]
    if after:
        if r.random() < 0.5:
            _churn(P, o)
        o.append("mix(%s); /* the last object, after the loop */" % _read(P, r, f, c))


def frag_sb_return(P, r, o):
    """A pointer read from the struct returned to the owner's frame by a
    helper (directly or through a second helper), used there after the
    object's last direct use; or returned out of the owning function (the
    struct must not lend then)."""
    f = _fam(P, r)
    k = r.randrange(3)
    q = P.fresh("q")
    if k < 2:
        b, n = _buf(P, r, o)
        c = P.fresh("c")
        o += ["struct cur%s %s = {%s, 0u, %du};" % (f, c, b, n),
              "mix(%s[%d]);" % (b, r.randrange(n))]
        at = _h(P, f, "at")
        if k == 0:
            o.append("const unsigned *%s = %s(&%s, %du);" % (q, at, c, r.randint(0, 20)))
        else:
            mid = "cur_mid" + f
            P.helper(mid, (r"""/* Returns what cur_at@ returns: a second level. */
static const unsigned *cur_mid@(const struct cur@ *c) {
  const unsigned *m = cur_at@(c, c->n / 2u);
  return *m % 2u ? m : c->p;
}
""").replace("@", f))
            o.append("const unsigned *%s = %s(&%s);" % (q, mid, c))
        if r.random() < 0.4:
            c2 = P.fresh("c")
            b2, n2 = _buf(P, r, o)
            least = _h(P, f, "least")
            o += ["struct cur%s %s = {%s, %du, %du};" % (f, c2, b2, r.randint(0, 5), n2),
                  "%s = %s(&%s, &%s);" % (q, least, c, c2)]
        _churn(P, o)
        o.append("mix(%s[0]);" % q)
        if r.random() < 0.4:
            o.append("mix(%s);" % _read(P, r, f, c))
    else:
        fn = P.fresh("own_first")
        n = r.randint(1, 10)
        ret = "%s(&c, k)" % _h(P, f, "at") if r.random() < 0.5 else "c.p + k % c.n"
        P.helper(fn, r"""/* Owns c and returns a pointer read from it: c must not lend. */
static const unsigned *%s(unsigned k) {
  unsigned *o = chk(malloc(%d * sizeof *o));
  for (unsigned i = 0; i < %du; i++) o[i] = i * k + 2u;
  struct cur%s c = {o, 0u, %du};
  mix(%s);
  return %s;
}
""" % (fn, n, n, f, n, _read(P, r, f, "c"), ret))
        o.append("const unsigned *%s = %s(%du);" % (q, fn, r.randint(0, 20)))
        _churn(P, o)
        o.append("mix(%s[0]);" % q)


def frag_sb_two(P, r, o):
    """Two objects in one struct (two fields, or one field overwritten with
    a second object, on both paths or only one), or in an array of
    structs; read through the struct after the objects' direct uses."""
    k = r.randrange(3)
    if k == 0:
        P.helper("duo", r"""/* Two borrowed buffers. */
struct duo { const unsigned *a, *b; unsigned n; };
static unsigned duo_sum(const struct duo *d) {
  unsigned s = 11u;
  for (unsigned i = 0; i < d->n; i++) s = s * 13u + d->a[i] * 2u + d->b[i];
  return s;
}
""")
        n = r.randint(1, 10)
        a, b, d = P.fresh("a"), P.fresh("b"), P.fresh("d")
        o += ["unsigned *%s = chk(malloc(%d * sizeof *%s));" % (a, n, a),
              "unsigned *%s = chk(calloc(%d, sizeof *%s));" % (b, n, b),
              "for (unsigned i = 0; i < %du; i++) { %s[i] = i * 3u + (unsigned)ck; %s[i] = i ^ 5u; }" % (n, a, b),
              "struct duo %s = {%s, %s, %du};" % (d, a, b, n),
              "mix(%s[%d]);" % (r.choice([a, b]), r.randrange(n)),
              "mix(duo_sum(&%s));" % d]
        if r.random() < 0.5:
            P.helper("duo_swap", "/* Swaps the two pointers read from the struct. */\n"
                     "static void duo_swap(struct duo *d) { const unsigned *t = d->a; d->a = d->b; d->b = t; }\n")
            o.append("duo_swap(&%s);" % d)
        _churn(P, o)
        o.append("mix(%s.%s[%d] + duo_sum(&%s));" % (d, r.choice("ab"), r.randrange(n), d))
    elif k == 1:
        f = _fam(P, r)
        x, nx = _buf(P, r, o, "x")
        y, ny = _buf(P, r, o, "y")
        c = P.fresh("c")
        o += ["struct cur%s %s = {%s, 0u, %du};" % (f, c, x, nx),
              "mix(%s);" % _read(P, r, f, c)]
        when = r.choice(["always", "branch"])
        if when == "always":
            o.append("%s.p = %s; %s.n = %du; /* overwritten: x is still read below */" % (c, y, c, ny))
        else:
            o.append("if (ck %% 2u) { %s.p = %s; %s.n = %du; %s.pos = 0u; }" % (c, y, c, ny, c))
        o.append("mix(%s);" % _read(P, r, f, c))
        _churn(P, o)
        o.append("mix(%s);" % _read(P, r, f, c))
        if r.random() < 0.5:
            o.append("mix(%s[%d]);" % (x, r.randrange(nx)))
        if r.random() < 0.3:
            o.append("mix(%s[%d]);" % (y, r.randrange(ny)))
    else:
        f = _fam(P, r)
        get = _h(P, f, "get")
        cs = P.fresh("cs")
        m = r.randint(2, 3)
        o.append("struct cur%s %s[%d];" % (f, cs, m))
        for j in range(m):
            b, n = _buf(P, r, o)
            o.append("%s[%d].p = %s; %s[%d].pos = %du; %s[%d].n = %du;" % (
                cs, j, b, cs, j, r.randint(0, 4), cs, j, n))
            if r.random() < 0.5:
                o.append("mix(%s(&%s[%d]));" % (get, cs, j))
        _churn(P, o)
        o += ["for (unsigned j = 0; j < %du; j++) mix(%s(&%s[(j + (unsigned)ck) %% %du]));" % (m, get, cs, m)]


def frag_sb_escape(P, r, o):
    """Structs whose address or contents leave the frame: the address in a
    global or a heap cell, the struct copied with memcpy or by assignment
    (on the stack or into the heap), a pointer read from it stored into a
    heap cell or a global, converted to an integer or passed to an
    indirect call. The analysis must leave them alone (the object stays
    alive as long as the copies are read)."""
    f = _fam(P, r, private=0.6)
    b, n = _buf(P, r, o)
    c = P.fresh("c")
    o += ["struct cur%s %s = {%s, 0u, %du};" % (f, c, b, n),
          "mix(%s[%d]);" % (b, r.randrange(n))]
    k = r.randrange(9)
    if k == 0:
        g = P.fresh("g_cur")
        P.helper(g, "static struct cur%s *%s; /* the address of a stack struct */\n" % (f, g))
        o += ["%s = &%s;" % (g, c), "mix(%s);" % _read(P, r, f, "(*%s)" % g)]
        _churn(P, o)
        o += ["mix(%s->p[%d]);" % (g, r.randrange(n)), "%s = NULL;" % g]
    elif k == 1:
        P.helper("curbox" + f, "struct curbox%s { unsigned tag; struct cur%s *c; };\n" % (f, f))
        h = P.fresh("box")
        o += ["struct curbox%s *%s = chk(malloc(sizeof *%s));" % (f, h, h),
              "%s->tag = %du; %s->c = &%s;" % (h, r.randint(1, 9), h, c)]
        _churn(P, o)
        o.append("mix(%s->tag + %s);" % (h, _read(P, r, f, "(*%s->c)" % h)))
    elif k in (2, 3):
        g = P.fresh("g_copy")
        P.helper(g, "static struct cur%s *%s; /* ESCAPES: read at the end of main */\n" % (f, g))
        o.append("%s = chk(malloc(sizeof *%s));" % (g, g))
        if k == 2:
            o.append("memcpy(%s, &%s, sizeof %s);" % (g, c, c))
        else:
            o.append("*%s = %s; /* struct assignment */" % (g, c))
        o.append("mix(%s);" % _read(P, r, f, c))
        P.late.append("if (%s) mix(%s->p[%d] + %s->n);" % (g, g, r.randrange(n), g))
    elif k == 4:
        d = P.fresh("d")
        o += ["struct cur%s %s = %s; /* copied by assignment */" % (f, d, c),
              "mix(%s);" % _read(P, r, f, c)]
        _churn(P, o)
        o.append("mix(%s);" % _read(P, r, f, d))
    elif k == 5:
        g = P.fresh("g_read")
        P.helper(g, "static const unsigned *%s; /* ESCAPES: read at the end of main */\n" % g)
        keep = "cur_keep" + g
        P.helper(keep, "/* Stores a pointer read from the struct into a global. */\n"
                 "static void %s(const struct cur%s *c) { %s = c->p + c->n - 1; }\n" % (keep, f, g))
        o += ["%s(&%s);" % (keep, c), "mix(%s);" % _read(P, r, f, c)]
        P.late.append("if (%s) mix(%s[0]);" % (g, g))
    elif k == 6:
        cell = P.fresh("cell")
        o += ["const unsigned **%s = chk(malloc(sizeof *%s));" % (cell, cell),
              "*%s = %s.p; /* a read pointer stored into a heap cell */" % (cell, c),
              "mix(%s);" % _read(P, r, f, c)]
        _churn(P, o)
        o.append("mix((*%s)[%d]);" % (cell, r.randrange(n)))
    elif k == 7:
        u = P.fresh("u")
        o += ["uintptr_t %s = (uintptr_t)%s.p; /* a read pointer as an integer */" % (u, c),
              "mix(%s);" % _read(P, r, f, c)]
        _churn(P, o)
        o.append("mix(((const unsigned *)%s)[%d]);" % (u, r.randrange(n)))
    else:
        P.helper("sb_first", "static unsigned sb_first(const unsigned *p) { return p[0] + 1u; }\n"
                 "static unsigned sb_last(const unsigned *p) { return p[0] * 2u; }\n")
        fp = P.fresh("fp")
        o += ["unsigned (*%s)(const unsigned *) = (ck & 1u) ? sb_first : sb_last;" % fp,
              "mix(%s(%s.p)); /* an indirect call */" % (fp, c)]
        _churn(P, o)
        o.append("mix(%s);" % _read(P, r, f, c))


def frag_sb_lend_param(P, r, o):
    """A helper that lends its own parameter through its own stack struct:
    borrowed (the caller reads the object after the call), recursive
    (handing on a pointer read from its struct), returning a pointer read
    from its struct (it owns the struct: must not lend), or returning its
    parameter on one path only (an owning parameter when the callers hand
    over objects they own)."""
    f = _fam(P, r)
    k = r.randrange(4)
    b, n = _buf(P, r, o)
    fn = P.fresh("lend")
    if k == 0:
        P.helper(fn, r"""/* Lends its borrowed parameter through its own cursor. */
static unsigned %s(const unsigned *p, unsigned n) {
  struct cur%s c = {p, 0u, n};
  unsigned s = %s;
  return s * 3u + %s;
}
""" % (fn, f, _read(P, r, f, "c"), _read(P, r, f, "c")))
        o.append("mix(%s(%s, %du));" % (fn, b, n))
        if r.random() < 0.7:
            _churn(P, o)
            o.append("mix(%s[%d]);" % (b, r.randrange(n)))
    elif k == 1:
        get = _h(P, f, "get")
        P.helper(fn, r"""/* Recursive: lends its parameter, hands on a pointer read from it. */
static unsigned %s(const unsigned *p, unsigned n) {
  if (n == 0u) return 1u;
  struct cur%s c = {p, 0u, n};
  unsigned v = %s(&c);
  return v + 3u * %s(c.p + 1, n - 1u);
}
""" % (fn, f, get, fn))
        o.append("mix(%s(%s, %du));" % (fn, b, n))
        if r.random() < 0.5:
            _churn(P, o)
            o.append("mix(%s[%d]);" % (b, r.randrange(n)))
    elif k == 2:
        at = _h(P, f, "at")
        P.helper(fn, r"""/* Returns a pointer read from its own struct: the struct must not lend. */
static const unsigned *%s(const unsigned *p, unsigned n, unsigned k) {
  struct cur%s c = {p, 0u, n};
  mix(%s);
  return %s(&c, k);
}
""" % (fn, f, _read(P, r, f, "c"), at))
        q = P.fresh("q")
        o.append("const unsigned *%s = %s(%s, %du, %du);" % (q, fn, b, n, r.randint(0, 9)))
        _churn(P, o)
        o.append("mix(%s[0]);" % q)
    else:
        P.helper(fn, r"""/* Returns its parameter on one path only. */
static unsigned *%s(unsigned *p, unsigned n) {
  struct cur%s c = {p, 0u, n};
  unsigned s = %s;
  mix(s);
  if (s %% 2u) return p;
  return NULL;
}
""" % (fn, f, _read(P, r, f, "c")))
        q = P.fresh("q")
        o.append("unsigned *%s = %s(%s, %du);" % (q, fn, b, n))
        _churn(P, o)
        o.append("if (%s) mix(%s[%d]);" % (q, q, r.randrange(n)))
        if r.random() < 0.3:
            o.append("mix(%s[0]); /* the caller keeps it */" % b)


def frag_sb_hand_up(P, r, o):
    """A pointer read from a callee's own struct stored into its caller's
    struct (of the same family, so the same points-to node): the caller
    reads it after the callee has returned, so the callee's object must
    outlive the callee's frame. Directly, through a helper that copies
    cursors, through a helper returning the pointer, or by recursion (each
    level hands its object up to its parent's struct)."""
    f = _fam(P, r)
    k = r.randrange(4)
    c = P.fresh("c")
    fn = P.fresh("fill_up")
    n = r.randint(1, 10)
    # Both structs reach the same reader: one points-to node.
    get = _h(P, f, "get")
    if k < 3:
        if k == 0:
            hand = "out->p = mine.p; out->n = mine.n; out->pos = 0u;"
        elif k == 1:
            hand = "%s(out, &mine);" % _h(P, f, "copy")
        else:
            hand = "out->p = %s(&mine, 0u); out->n = %du; out->pos = 0u;" % (_h(P, f, "at"), n)
        P.helper(fn, r"""/* Hands a pointer read from its own cursor up to the caller's cursor. */
static void %s(struct cur%s *out, unsigned k) {
  unsigned *o = chk(malloc(%d * sizeof *o));
  for (unsigned i = 0; i < %du; i++) o[i] = i * k + 5u;
  struct cur%s mine = {o, 0u, %du};
  mix(%s(&mine) + %s);
  %s
}
""" % (fn, f, n, n, f, n, get, _read(P, r, f, "mine"), hand))
        o += ["struct cur%s %s = {NULL, 0u, 0u}; /* zero: no memcpy from a constant */" % (f, c),
              "%s(&%s, %du);" % (fn, c, r.randint(1, 9))]
    else:
        P.helper(fn, r"""/* Each level allocates, lends its object through its own cursor to
   the level below, then hands it up into its parent's cursor. */
static void %s(struct cur%s *out, unsigned d) {
  unsigned *o = chk(malloc(%d * sizeof *o));
  for (unsigned i = 0; i < %du; i++) o[i] = i + d * 7u;
  struct cur%s mine = {o, 0u, %du};
  if (d) {
    %s(&mine, d - 1u); /* now mine holds the child's object */
    mix(%s(&mine));
  }
  mix(%s(&mine));
  out->p = mine.p; out->n = mine.n; out->pos = 0u;
}
""" % (fn, f, n, n, f, n, fn, get, get))
        o += ["struct cur%s %s = {NULL, 0u, 0u}; /* zero: no memcpy from a constant */" % (f, c),
              "%s(&%s, %du);" % (fn, c, r.randint(0, 4))]
    _churn(P, o)
    o.append("mix(%s(&%s));" % (get, c))
    if r.random() < 0.5:
        o.append("mix(%s);" % _read(P, r, f, c))


def frag_sb_text(P, r, o):
    """A string lent through a stack struct to helpers calling borrowing
    libc functions (strlen, strcmp) and strchr, whose result (a pointer
    into the string) comes back to the owner's frame and is read last."""
    P.helper("scur", r"""/* A cursor over a borrowed string. */
struct scur { const char *s; unsigned pos; };
static unsigned scur_len(const struct scur *c) { return (unsigned)strlen(c->s + c->pos); }
/* Returns strchr's result: a pointer into the string read from the struct. */
static const char *scur_find(const struct scur *c, int ch) { return strchr(c->s + c->pos, ch); }
""")
    w, sc, hit = P.fresh("w"), P.fresh("sc"), P.fresh("hit")
    word = r.choice(WORDS)
    o += ["char *%s = chk(strdup(\"%s\"));" % (w, word),
          "%s[0] = (char)('a' + ck %% 26u);" % w,
          "mix((unsigned char)%s[%d]); /* the last direct use */" % (w, r.randrange(len(word))),
          "struct scur %s = {%s, %du};" % (sc, w, r.randrange(len(word))),
          "mix(scur_len(&%s));" % sc,
          "const char *%s = scur_find(&%s, '%s');" % (hit, sc, r.choice("aemt"))]
    if r.random() < 0.5:
        P.helper("scur_cmp", "static unsigned scur_cmp(const struct scur *c, const char *w) "
                 "{ return strcmp(c->s, w) < 0 ? 1u : 2u; }\n")
        o.append("mix(scur_cmp(&%s, \"%s\"));" % (sc, r.choice(WORDS)))
    _churn(P, o)
    o.append("mix(%s ? (unsigned char)%s[0] + 3u * (unsigned char)%s[1] : 7u);" % (hit, hit, hit))
    if r.random() < 0.3:
        o.append("mix(scur_len(&%s));" % sc)


def frag_sb_list(P, r, o):
    """A list lent through a stack cursor: the helpers follow pointers
    loaded through the pointer read from the struct (and store them back
    into it); the head owns its cells."""
    P.helper(*H_LIST)
    P.helper("lcur", r"""/* A cursor over a borrowed list. */
struct lcur { const struct node *at; unsigned steps; };
/* Advances: a pointer loaded through the one read from the struct, stored back. */
static unsigned lcur_step(struct lcur *c) {
  if (!c->at) return 0u;
  unsigned v = c->at->val + 1u;
  c->at = c->at->next;
  c->steps++;
  return v;
}
""")
    l, c = P.fresh("l"), P.fresh("lc")
    o += ["struct node *%s = build_list(%du, %du);" % (l, r.randint(1, 12), r.randint(0, 99))]
    late = r.random() < 0.3
    if not late:
        o.append("mix(walk_list(%s)); /* the last direct use */" % l)
    o.append("struct lcur %s = {%s, 0u};" % (c, l))
    if r.random() < 0.6:
        P.helper("lcur_rec", r"""/* Recursion down a list reached through the cursor. */
static unsigned lcur_rec(const struct lcur *c, const struct node *n) {
  return n ? n->val * 7u + lcur_rec(c, n->next) : c->steps;
}
""")
        o.append("mix(lcur_rec(&%s, %s.at));" % (c, c))
    if r.random() < 0.5:
        o.append("mix(lcur_step(&%s));" % c)
    _churn(P, o)
    o.append("for (unsigned v; (v = lcur_step(&%s)) != 0u;) mix(v + %s.steps);" % (c, c))
    if late:
        o.append("mix(walk_list(%s));" % l)


STACK_FRAGMENTS = [frag_sb_cursor, frag_sb_loop, frag_sb_return, frag_sb_two,
                   frag_sb_escape, frag_sb_lend_param, frag_sb_hand_up,
                   frag_sb_text, frag_sb_list]
