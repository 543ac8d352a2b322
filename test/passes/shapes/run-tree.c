// Trees and lists built by helpers, walked by borrowing functions and
// dropped by the caller: the deep drop releases every node (valgrind finds
// no leak and no invalid access), the output equals the plain build, and a
// million-cell list is dropped with a 256 KiB C stack (a recursive drop
// would overflow it).
// REQUIRES: valgrind
// RUN: %clang -O0 -Xclang -disable-O0-optnone -gdwarf-4 -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-free' %t.ll -o %t.bc
// RUN: %opt -passes='asap-prepare,print<asap-shapes>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %clang %t.bc -o %t.asap
// RUN: %clang %s -o %t.plain
// RUN: %t.plain 12 1000 > %t.expected
// RUN: %valgrind %t.asap 12 1000 > %t.out
// RUN: diff %t.expected %t.out
// RUN: sh -c 'ulimit -s 256 && %t.asap 4 1000000' | FileCheck %s --check-prefix=BIG
#include <stdio.h>
#include <stdlib.h>

typedef struct Tree {
  struct Tree *Left, *Right;
  long Value;
} Tree;

typedef struct Cell {
  long Value;
  struct Cell *Next;
} Cell;

static Tree *make(int Depth, long V) {
  Tree *t = malloc(sizeof(Tree));
  t->Value = V;
  t->Left = Depth > 0 ? make(Depth - 1, 2 * V) : NULL;
  t->Right = Depth > 0 ? make(Depth - 1, 2 * V + 1) : NULL;
  return t;
}

static long check(const Tree *t) {
  if (!t)
    return 0;
  return t->Value + check(t->Left) - check(t->Right);
}

static Cell *range(long N) {
  Cell *head = NULL;
  for (long i = 0; i < N; ++i) {
    Cell *c = malloc(sizeof(Cell));
    c->Value = i;
    c->Next = head;
    head = c;
  }
  return head;
}

static long total(const Cell *c) {
  long s = 0;
  for (; c; c = c->Next)
    s += c->Value;
  return s;
}

int main(int argc, char **argv) {
  int depth = argc > 1 ? atoi(argv[1]) : 10;
  long n = argc > 2 ? atol(argv[2]) : 1000;
  long sum = 0;
  for (int d = 0; d <= depth; ++d) {
    Tree *t = make(d, 1);
    sum += check(t);
  }
  Cell *l = range(n);
  printf("trees %ld list %ld\n", sum, total(l));
  return 0;
}

// CHECK-DAG: field +0 -> node {{[0-9]+}}: owning
// CHECK-DAG: field +8 -> node {{[0-9]+}}: owning
// BIG: list 499999500000
