// Ownership benchmark (issue 3): Peano arithmetic on linked cells.
//
// A natural number n is a chain of n successor cells ending in NULL (zero).
// add() copies its first argument onto the second, mul() repeats add(), and
// every intermediate number becomes garbage once the next one is computed.
// Values are returned from functions and stored in other cells' fields.
// Allocation only.
//
// usage: peano [N]   (default 60: computes sums and products up to N)
#include <stdio.h>
#include <stdlib.h>

typedef struct Nat {
  struct Nat *Pred;
} Nat;

static Nat *succ(Nat *N) {
  Nat *s = malloc(sizeof(Nat));
  if (!s) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  s->Pred = N;
  return s;
}

static Nat *from_int(int K) {
  Nat *n = NULL;
  while (K-- > 0)
    n = succ(n);
  return n;
}

static long to_int(const Nat *N) {
  long k = 0;
  for (; N; N = N->Pred)
    ++k;
  return k;
}

// Returns a fresh copy of A stacked on B (B is shared, not copied).
static Nat *add(const Nat *A, Nat *B) {
  if (!A)
    return B;
  return succ(add(A->Pred, B));
}

static Nat *copy(const Nat *A) { return add(A, NULL); }

static Nat *mul(const Nat *A, const Nat *B) {
  Nat *acc = NULL;
  for (const Nat *b = B; b; b = b->Pred)
    acc = add(A, acc);
  return acc;
}

// A - B, or NULL when B >= A.
static Nat *monus(const Nat *A, const Nat *B) {
  while (A && B) {
    A = A->Pred;
    B = B->Pred;
  }
  return copy(A);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 60;
  if (n < 1 || n > 2000) {
    fputs("peano: N must be in [1, 2000]\n", stderr);
    return 2;
  }
  long checksum = 0;
  for (int i = 1; i <= n; ++i) {
    Nat *a = from_int(i);
    Nat *b = from_int(n - i + 1);
    Nat *s = add(a, copy(b));
    Nat *p = mul(a, b);
    Nat *d = monus(p, s);
    checksum += to_int(s) * 7 + to_int(p) * 3 + to_int(d);
    if (i % (n / 5 ? n / 5 : 1) == 0)
      printf("%3d + %3d = %4ld, %3d * %3d = %6ld, product - sum = %6ld\n", i,
             n - i + 1, to_int(s), i, n - i + 1, to_int(p), to_int(d));
  }
  printf("checksum %ld\n", checksum);
  return 0;
}
