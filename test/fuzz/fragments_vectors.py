"""The fourth series of fuzz fragments: growable arrays owned by heap
structs (a buffer regrown in its field with realloc stays owned by the
field, docs/analysis.md "Buffers regrown in place"), and pointers held in
stack structs and copied with memcpy (stack objects and memcpy'd objects
are points-to nodes that do not escape; what their copied fields point to
does).

Hazards, one fragment each: vectors grown by the checked and the direct
idiom, in helpers and inline, read after the last push, handed to readers,
nested in a node's owning field, shared (a global, two places) or their
buffer taken out; records with heap pointers pushed by value into a
vector, whose pointees outlive the vector through other pointers; stack
structs holding heap pointers, copied into heap cells and read after.
Same fragment protocol as fragments_core.py."""

from helpers import *  # noqa: F401,F403

H_HV = ("hv", r"""struct hv { unsigned *data; unsigned len, cap; };
static struct hv *hv_new(void) {
  struct hv *v = chk(malloc(sizeof *v));
  v->data = NULL; v->len = 0u; v->cap = 0u;
  return v;
}
/* Checked idiom: realloc into a temporary, store back on success. */
static void hv_push(struct hv *v, unsigned x) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2u : 1u;
    unsigned *bigger = realloc(v->data, v->cap * sizeof *v->data);
    if (!bigger) { fputs("out of memory\n", stderr); exit(1); }
    v->data = bigger;
  }
  v->data[v->len++] = x;
}
/* Direct idiom, checking the field afterwards. */
static void hv_push2(struct hv *v, unsigned x) {
  v->data = realloc(v->data, (v->len + 1u) * sizeof *v->data);
  if (!v->data) exit(1);
  v->data[v->len++] = x;
  if (v->cap < v->len) v->cap = v->len;
}
static unsigned hv_sum(const struct hv *v) {
  unsigned s = 7u;
  for (unsigned i = 0; i < v->len; i++) s = s * 31u + v->data[i];
  return s;
}
""")


def _push(r):
    return r.choice(["hv_push", "hv_push2"])


def frag_hv_basic(P, r, o):
    """A heap vector grown in a helper, read, forgotten."""
    P.helper(*H_HV)
    v = P.fresh("hv")
    n = r.randint(0, 40)
    o += ["struct hv *%s = hv_new();" % v,
          "for (unsigned i = 0; i < %du; i++) %s(%s, i * %du + ck);" % (n, _push(r), v, r.randint(1, 9)),
          "mix(hv_sum(%s));" % v]
    if r.random() < 0.5:
        o.append("if (%s->len) mix(%s->data[%s->len - 1]);" % (v, v, v))
    if r.random() < 0.4:
        o += ["for (unsigned i = 0; i < %du; i++) %s(%s, i);" % (r.randint(1, 9), _push(r), v),
              "mix(%s->len + hv_sum(%s));" % (v, v)]


def frag_hv_inline(P, r, o):
    """The idiom written inline in main, with a reader of the old buffer
    before the growth and of the new one after."""
    P.helper(*H_HV)
    v = P.fresh("hv")
    n = r.randint(1, 30)
    o += ["struct hv *%s = hv_new();" % v,
          "for (unsigned i = 0; i < %du; i++) {" % n,
          "  if (%s->len == %s->cap) {" % (v, v),
          "    if (%s->len) mix(%s->data[0]);" % (v, v),
          "    %s->cap = %s->cap * 2u + 1u;" % (v, v),
          "    unsigned *t = realloc(%s->data, %s->cap * sizeof *t);" % (v, v),
          "    if (!t) exit(1);",
          "    %s->data = t;" % v,
          "  }",
          "  %s->data[%s->len++] = i ^ ck;" % (v, v),
          "}",
          "mix(hv_sum(%s));" % v]


def frag_hv_hazard(P, r, o):
    """Vectors the analysis must not free with their container: shared
    through a global or a second pointer, the buffer taken out and used
    after the container dies, the container kept in a node's field."""
    P.helper(*H_HV)
    v = P.fresh("hv")
    n = r.randint(1, 20)
    o += ["struct hv *%s = hv_new();" % v,
          "for (unsigned i = 0; i < %du; i++) %s(%s, i + 3u);" % (n, _push(r), v)]
    k = r.randrange(4)
    if k == 0:
        g = P.fresh("g_hv")
        P.globals.append("static struct hv *%s;" % g)
        o += ["%s = %s;" % (g, v), "mix(hv_sum(%s));" % v]
        P.late.append("mix(hv_sum(%s));" % g)
    elif k == 1:
        d = P.fresh("d")
        o += ["unsigned *%s = %s->data; /* the buffer outlives the reads of its vector */" % (d, v),
              "mix(%s->len);" % v,
              "mix(%s[0] + %s[%d]);" % (d, d, n - 1)]
    elif k == 2:
        h = P.fresh("hold")
        P.helper("hvhold", "struct hvhold { unsigned tag; struct hv *v; };\n")
        o += ["struct hvhold *%s = chk(malloc(sizeof *%s));" % (h, h),
              "%s->tag = %du; %s->v = %s;" % (h, r.randint(1, 50), h, v),
              "%s(%s->v, 99u);" % (_push(r), h),
              "mix(%s->tag + hv_sum(%s->v));" % (h, h)]
    else:
        w = P.fresh("hw")
        o += ["struct hv *%s = (ck & 1u) ? %s : hv_new();" % (w, v),
              "%s(%s, 5u);" % (_push(r), w),
              "mix(hv_sum(%s) + hv_sum(%s));" % (v, w)]


def frag_records_by_value(P, r, o):
    """Records holding heap pointers pushed by value (memcpy) into a heap
    vector; the pointees are also kept in a stack array and read after the
    vector is forgotten."""
    P.helper("rec", r"""struct rec { unsigned key; unsigned *blob; };
struct recs { struct rec *items; unsigned len; };
static void recs_push(struct recs *s, struct rec x) {
  struct rec *bigger = realloc(s->items, (s->len + 1u) * sizeof *bigger);
  if (!bigger) exit(1);
  s->items = bigger;
  s->items[s->len++] = x;
}
""")
    s = P.fresh("rs")
    n = r.randint(1, 8)
    o += ["struct recs *%s = chk(calloc(1, sizeof *%s));" % (s, s),
          "unsigned *kept_%s[%d];" % (s, n),
          "for (unsigned i = 0; i < %du; i++) {" % n,
          "  struct rec x = {i * 3u, chk(malloc(2 * sizeof(unsigned)))};",
          "  x.blob[0] = i; x.blob[1] = ck;",
          "  kept_%s[i] = x.blob;" % s,
          "  recs_push(%s, x);" % s,
          "}",
          "mix(%s->items[%s->len - 1].key + %s->items[0].blob[1]);" % (s, s, s)]
    o.append("for (unsigned i = 0; i < %du; i++) mix(kept_%s[i][0] + kept_%s[i][1]);" % (n, s, s))


def frag_stack_struct_copy(P, r, o):
    """A stack struct holding heap pointers, copied into a heap cell with
    memcpy; the copy's pointers are read after the originals' last use."""
    P.helper("spair", "struct spair { unsigned *a, *b; unsigned n; };\n")
    c = P.fresh("sp")
    n = r.randint(1, 10)
    o += ["struct spair st_%s = {chk(malloc(%d * sizeof(unsigned))), chk(calloc(%d, sizeof(unsigned))), %du};" % (c, n, n, n),
          "for (unsigned i = 0; i < %du; i++) st_%s.a[i] = i * ck;" % (n, c),
          "struct spair *%s = chk(malloc(sizeof *%s));" % (c, c),
          "memcpy(%s, &st_%s, sizeof *%s);" % (c, c, c)]
    if r.random() < 0.5:
        o.append("mix(st_%s.a[0]);" % c)
    o += ["mix(%s->a[%d] + %s->b[0] + %s->n);" % (c, r.randrange(n), c, c)]


VECTOR_FRAGMENTS = [frag_hv_basic, frag_hv_inline, frag_hv_hazard,
                    frag_records_by_value, frag_stack_struct_copy]
