"""C helper functions shared by the fuzz fragments (fragments_core.py,
fragments_more.py): each models one interprocedural summary the analysis
must get right (borrowing reader, fresh-returning constructor, returning
its argument or a pointer into it, list/tree builders and walkers...).
A fragment adds the ones it calls with Program.helper(NAME, TEXT); each is
emitted once per program. `chk(` in their text is removed for programs of
the unchecked allocation style (gen.strip_checks)."""
# Shared helpers. Each one models one interprocedural summary.
H_SUM = ("sum_buf", r"""/* Borrows its argument: only reads it (nocapture). */
static unsigned sum_buf(const unsigned *p, unsigned n) {
  unsigned s = 0;
  for (unsigned i = 0; i < n; i++) s = s * 7u + p[i];
  return s;
}
""")
H_MAKE = ("make_seq", r"""/* Returns a fresh object the caller owns. */
static unsigned *make_seq(unsigned n, unsigned k) {
  unsigned *p = chk(malloc(n * sizeof *p));
  for (unsigned i = 0; i < n; i++) p[i] = i * k + 1u;
  return p;
}
""")
H_IDENT = ("pass_through", r"""/* Returns its argument: the caller's object, not a new one. */
static unsigned *pass_through(unsigned *p, unsigned n) {
  if (n > 1) p[1] += 1u;
  return p;
}
""")
H_MID = ("middle_of", r"""/* Returns a pointer into its argument. */
static unsigned *middle_of(unsigned *p, unsigned n) { return p + n / 2; }
""")
H_LIST = ("list", r"""struct node { unsigned val; struct node *next; };
/* Builds a fresh list of n cells, head first. */
static struct node *build_list(unsigned n, unsigned seed) {
  struct node *head = NULL;
  for (unsigned i = 0; i < n; i++) {
    struct node *c = chk(malloc(sizeof *c));
    c->val = seed + i * 3u;
    c->next = head;
    head = c;
  }
  return head;
}
static unsigned walk_list(const struct node *l) {
  unsigned s = 0;
  for (; l; l = l->next) s = s * 5u + l->val;
  return s;
}
""")
H_TREE = ("tree", r"""struct tree { unsigned key; struct tree *left, *right; };
/* Recursively builds a fresh balanced tree of the given depth. */
static struct tree *build_tree(unsigned depth, unsigned key) {
  struct tree *t = chk(malloc(sizeof *t));
  t->key = key;
  t->left = depth ? build_tree(depth - 1, key * 2u) : NULL;
  t->right = depth ? build_tree(depth - 1, key * 2u + 1u) : NULL;
  return t;
}
static unsigned walk_tree(const struct tree *t) {
  if (!t) return 3u;
  return t->key + 31u * walk_tree(t->left) + 17u * walk_tree(t->right);
}
""")
H_FIND = ("find_first", r"""/* Early returns; reads its argument only. */
static int find_first(const unsigned *p, unsigned n, unsigned mod) {
  if (n == 0) return -1;
  for (unsigned i = 0; i < n; i++)
    if (p[i] % mod == 0) return (int)i;
  return -2;
}
""")
H_VEC = ("vec", r"""struct vec { unsigned *data; unsigned len, cap; };
/* Grows v->data with realloc. */
static void vec_push(struct vec *v, unsigned x) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2u : 2u;
    v->data = chk(realloc(v->data, v->cap * sizeof *v->data));
  }
  v->data[v->len++] = x;
}
""")
H_PAIR = ("pair", r"""struct pair { unsigned *a; char *name; };
static struct pair *make_pair(unsigned n, const char *s) {
  struct pair *p = chk(malloc(sizeof *p));
  p->a = chk(calloc(n, sizeof *p->a));
  for (unsigned i = 0; i < n; i++) p->a[i] = i ^ n;
  p->name = chk(strdup(s));
  return p;
}
""")
H_FACT = ("rec_fill", r"""/* Recursion that allocates one buffer per level and reads the next. */
static unsigned rec_fill(unsigned depth) {
  unsigned *b = chk(malloc(4 * sizeof *b));
  for (unsigned i = 0; i < 4; i++) b[i] = depth + i;
  if (depth == 0) return b[0] + b[3];
  unsigned below = rec_fill(depth - 1);
  return b[depth % 4] * 3u + below;
}
""")

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
         "theta", "iota", "kappa", "lambda", "mu"]

H_CONS = ("cons", r"""struct cell { unsigned val; struct cell *next; };
/* A constructor: its parameter is moved into the new cell's field. */
static struct cell *cons(unsigned v, struct cell *next) {
  struct cell *c = chk(malloc(sizeof *c));
  c->val = v;
  c->next = next;
  return c;
}
static unsigned walk_cells(const struct cell *l) {
  unsigned s = 0;
  for (; l; l = l->next) s = s * 3u + l->val;
  return s;
}
""")
