// Ownership benchmark (issue 3): symbolic differentiation.
//
// Expression trees (sums, products, powers of x, constants) are built,
// differentiated (which builds a new tree sharing subtrees of the old one),
// simplified (which rebuilds again) and printed. Each derivative's input
// becomes garbage once the next derivative exists. Allocation only.
//
// usage: deriv [ROUNDS]   (default 200 differentiation rounds)
#include <stdio.h>
#include <stdlib.h>

typedef enum { Const, Var, Add, Mul, Pow } Kind;

typedef struct Expr {
  Kind K;
  long Value;           // Const: the value; Pow: the exponent.
  struct Expr *A, *B;   // Operands (Pow uses A only).
} Expr;

static Expr *mk(Kind K, long Value, Expr *A, Expr *B) {
  Expr *e = malloc(sizeof(Expr));
  if (!e) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  e->K = K;
  e->Value = Value;
  e->A = A;
  e->B = B;
  return e;
}

static Expr *num(long V) { return mk(Const, V, NULL, NULL); }
static Expr *var(void) { return mk(Var, 0, NULL, NULL); }
static Expr *add(Expr *A, Expr *B) { return mk(Add, 0, A, B); }
static Expr *mul(Expr *A, Expr *B) { return mk(Mul, 0, A, B); }
static Expr *pw(Expr *A, long N) { return mk(Pow, N, A, NULL); }

static int is_const(const Expr *E, long V) {
  return E->K == Const && E->Value == V;
}

// Builds a simplified sum or product from already simplified operands.
static Expr *smart_add(Expr *A, Expr *B) {
  if (A->K == Const && B->K == Const)
    return num(A->Value + B->Value);
  if (is_const(A, 0))
    return B;
  if (is_const(B, 0))
    return A;
  return add(A, B);
}

static Expr *smart_mul(Expr *A, Expr *B) {
  if (A->K == Const && B->K == Const)
    return num(A->Value * B->Value);
  if (is_const(A, 0) || is_const(B, 0))
    return num(0);
  if (is_const(A, 1))
    return B;
  if (is_const(B, 1))
    return A;
  return mul(A, B);
}

static Expr *smart_pow(Expr *A, long N) {
  if (N == 0)
    return num(1);
  if (N == 1)
    return A;
  return pw(A, N);
}

static Expr *d(Expr *E) {
  switch (E->K) {
  case Const:
    return num(0);
  case Var:
    return num(1);
  case Add:
    return smart_add(d(E->A), d(E->B));
  case Mul:
    return smart_add(smart_mul(d(E->A), E->B), smart_mul(E->A, d(E->B)));
  case Pow:
    return smart_mul(smart_mul(num(E->Value), smart_pow(E->A, E->Value - 1)),
                     d(E->A));
  }
  return NULL;
}

static long eval(const Expr *E, long X) {
  switch (E->K) {
  case Const:
    return E->Value;
  case Var:
    return X;
  case Add:
    return eval(E->A, X) + eval(E->B, X);
  case Mul:
    return eval(E->A, X) * eval(E->B, X);
  case Pow: {
    long b = eval(E->A, X), r = 1;
    for (long i = 0; i < E->Value; ++i)
      r *= b;
    return r;
  }
  }
  return 0;
}

static long count(const Expr *E) {
  return E ? 1 + count(E->A) + count(E->B) : 0;
}

static void print(const Expr *E) {
  switch (E->K) {
  case Const:
    printf("%ld", E->Value);
    break;
  case Var:
    putchar('x');
    break;
  case Add:
  case Mul:
    putchar('(');
    print(E->A);
    fputs(E->K == Add ? " + " : " * ", stdout);
    print(E->B);
    putchar(')');
    break;
  case Pow:
    print(E->A);
    printf("^%ld", E->Value);
    break;
  }
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 200;
  if (rounds < 1 || rounds > 1000000) {
    fputs("deriv: ROUNDS must be in [1, 1000000]\n", stderr);
    return 2;
  }
  long checksum = 0;
  for (int r = 0; r < rounds; ++r) {
    // f(x) = 3x^4 + (x + 2)(x^2 + r) + 5x
    Expr *f = add(add(mul(num(3), pw(var(), 4)),
                      mul(add(var(), num(2)), add(pw(var(), 2), num(r)))),
                  mul(num(5), var()));
    Expr *e = f;
    for (int k = 0; k < 5; ++k) {
      Expr *de = d(e);
      checksum += eval(de, 2) + count(de);
      if (r == 0) {
        printf("d^%d f = ", k + 1);
        print(de);
        printf("   [at x=2: %ld]\n", eval(de, 2));
      }
      e = de;
    }
  }
  printf("checksum %ld\n", checksum);
  return 0;
}
