// Ownership benchmark (issue 3): constant folding that rebuilds an
// expression tree while moving its leaves.
//
// fold() consumes a tree and returns a new one: interior nodes whose
// operands fold to constants are replaced by fresh constant nodes, other
// interior nodes are rebuilt, and the variable leaves are moved (not copied)
// from the old tree into the new one. The old interior nodes die during the
// rebuild. Allocation only.
//
// usage: constfold [ROUNDS]   (default 400)
#include <stdio.h>
#include <stdlib.h>

typedef enum { Lit, Sym, Plus, Times, Minus } Kind;

typedef struct Expr {
  Kind K;
  long Value; // Lit: the value; Sym: the variable index.
  struct Expr *L, *R;
} Expr;

static Expr *mk(Kind K, long Value, Expr *L, Expr *R) {
  Expr *e = malloc(sizeof(Expr));
  if (!e) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  e->K = K;
  e->Value = Value;
  e->L = L;
  e->R = R;
  return e;
}

// A deterministic pseudo-random tree of the given depth: about a third of
// the leaves are variables, the rest literals.
static Expr *build(int Depth, unsigned *Seed) {
  *Seed = *Seed * 1664525u + 1013904223u;
  unsigned r = *Seed >> 16;
  if (Depth == 0)
    return r % 3 == 0 ? mk(Sym, r % 4, NULL, NULL) : mk(Lit, r % 10, NULL, NULL);
  Kind k = (Kind)(Plus + r % 3);
  Expr *l = build(Depth - 1, Seed);
  Expr *rt = build(Depth - 1, Seed);
  return mk(k, 0, l, rt);
}

static long apply(Kind K, long A, long B) {
  return K == Plus ? A + B : K == Times ? A * B : A - B;
}

// Consumes E; the returned tree reuses E's variable leaves.
static Expr *fold(Expr *E) {
  if (E->K == Lit || E->K == Sym)
    return E;
  Expr *l = fold(E->L);
  Expr *r = fold(E->R);
  if (l->K == Lit && r->K == Lit)
    return mk(Lit, apply(E->K, l->Value, r->Value) % 1000003, NULL, NULL);
  if (E->K == Times && ((l->K == Lit && l->Value == 0) ||
                        (r->K == Lit && r->Value == 0)))
    return mk(Lit, 0, NULL, NULL);
  if (E->K == Plus && l->K == Lit && l->Value == 0)
    return r;
  if (E->K == Plus && r->K == Lit && r->Value == 0)
    return l;
  return mk(E->K, 0, l, r);
}

static long eval(const Expr *E, const long *Env) {
  switch (E->K) {
  case Lit:
    return E->Value;
  case Sym:
    return Env[E->Value];
  default:
    return apply(E->K, eval(E->L, Env), eval(E->R, Env)) % 1000003;
  }
}

static long count(const Expr *E, long *Syms) {
  if (!E)
    return 0;
  if (E->K == Sym)
    ++*Syms;
  return 1 + count(E->L, Syms) + count(E->R, Syms);
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 400;
  if (rounds < 1 || rounds > 1000000) {
    fputs("constfold: ROUNDS must be in [1, 1000000]\n", stderr);
    return 2;
  }
  static const long Env[4] = {3, -2, 7, 11};
  long checksum = 0;
  unsigned seed = 2024;
  for (int r = 0; r < rounds; ++r) {
    Expr *e = build(10, &seed);
    long before_syms = 0, after_syms = 0;
    long before = count(e, &before_syms);
    long value = eval(e, Env);
    Expr *folded = fold(e);
    long after = count(folded, &after_syms);
    long folded_value = eval(folded, Env);
    if (folded_value != value)
      printf("round %d: MISMATCH %ld != %ld\n", r, value, folded_value);
    checksum += after + folded_value;
    if (r < 5)
      printf("round %d: %4ld nodes (%3ld vars) -> %4ld nodes (%3ld vars), "
             "value %ld\n",
             r, before, before_syms, after, after_syms, folded_value);
  }
  printf("checksum %ld\n", checksum);
  return 0;
}
