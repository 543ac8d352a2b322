// Moved-into-return at run time: an argument both borrowed and absorbed by
// one call, an argument used again after being absorbed (undecided, left
// alone), and a helper that absorbs one of two parameters (escapes). The
// printer shows which objects are released; memcheck finds no invalid
// access or double free in the build (the undecided objects leak, as in
// the plain program), and the output equals the plain build's.
// REQUIRES: valgrind
// RUN: %clang -O0 -Xclang -disable-O0-optnone -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-free' %t.ll -o %t.bc
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %clang %t.bc -o %t.asap
// RUN: %clang %s -o %t.plain
// RUN: %t.plain > %t.expected
// RUN: valgrind -q --error-exitcode=1 %t.asap > %t.out
// RUN: diff %t.expected %t.out
// CHECK: object %{{[0-9]+}} in main (fresh from add): owned
// CHECK: object %{{[0-9]+}} in main (fresh from from_int): undecided: still used after being moved into the result of a call
// CHECK: object %{{[0-9]+}} in main (fresh from from_int): undecided: passed to 'pick' which lets it escape (merged with another parameter)
// CHECK: object %{{[0-9]+}} in pick (fresh from add): undecided: may be an argument that is not owned here
#include <stdio.h>
#include <stdlib.h>
typedef struct Nat { struct Nat *Pred; } Nat;
static Nat *succ(Nat *N) { Nat *s = malloc(sizeof(Nat)); if (!s) exit(1); s->Pred = N; return s; }
static Nat *from_int(int K) { Nat *n = NULL; while (K-- > 0) n = succ(n); return n; }
static long to_int(const Nat *N) { long k = 0; for (; N; N = N->Pred) ++k; return k; }
static Nat *add(const Nat *A, Nat *B) { if (!A) return B; return succ(add(A->Pred, B)); }
static Nat *pick(Nat *A, Nat *B, int c) { Nat *r = add(NULL, c ? A : B); return r; }
int main(int argc, char **argv) {
  long t = 0;
  for (int i = 0; i < 100; ++i) {
    Nat *a = from_int(i % 7);
    Nat *s = add(a, a);            /* a borrowed and absorbed in one call */
    t += to_int(s);
    Nat *b = from_int(3);
    Nat *u = add(b, b);
    Nat *v = add(b, from_int(2));   /* b used after being absorbed into u */
    t += to_int(u) + to_int(v);
    Nat *c = from_int(2), *d = from_int(4);
    Nat *w = pick(c, d, i & 1);
    t += to_int(w) + to_int(c) + to_int(d);
  }
  printf("%ld\n", t);
  return 0;
}
