// Owning fields the program never assigns: the last cell's Next is left
// as malloc returned it. The deep drop reads every owning field, so
// asap-free nulls them right after the allocation; without that, memcheck
// reports the drop branching on uninitialised memory (and free() could get
// garbage). Also a Peano-style helper that returns its second argument or
// fresh cells stacked on it (moved-into-return): everything is released
// once, by the caller's deep drops.
// REQUIRES: valgrind
// RUN: %clang -O0 -Xclang -disable-O0-optnone -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-free' %t.ll -o %t.bc
// RUN: %opt -passes='asap-prepare,print<asap-summary>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %clang %t.bc -o %t.asap
// RUN: %clang %s -o %t.plain
// RUN: %t.plain > %t.expected
// RUN: %valgrind %t.asap > %t.out
// RUN: diff %t.expected %t.out
// CHECK-LABEL: summary stack:
// CHECK-SAME:  returns fresh-owned family=malloc
// CHECK-NEXT:    param 0: borrowed
// CHECK-NEXT:    param 1: moved-into-return
#include <stdio.h>
#include <stdlib.h>

typedef struct Cell {
  long V;
  struct Cell *Next;
} Cell;

static Cell *cons(long V, Cell *Next) {
  Cell *c = malloc(sizeof(Cell));
  if (!c)
    exit(1);
  c->V = V;
  if (Next) // the end of a list keeps an unassigned Next
    c->Next = Next;
  return c;
}

static long length(const Cell *C) {
  long n = 0;
  for (; C; C = C->V ? C->Next : NULL)
    ++n;
  return n;
}

// A copy of A's cells stacked on B (B itself when A is empty).
static Cell *stack(const Cell *A, Cell *B) {
  if (!A)
    return B;
  return cons(A->V, stack(A->V > 1 ? A->Next : NULL, B));
}

static Cell *numbers(long N) {
  Cell *c = cons(0, NULL);
  for (long i = 1; i <= N; ++i)
    c = cons(i, c);
  return c;
}

int main(void) {
  long total = 0;
  for (int round = 0; round < 50; ++round) {
    Cell *a = numbers(20 + round);
    Cell *b = numbers(5);
    Cell *s = stack(a, b);
    total += length(s) + length(a);
  }
  printf("total %ld\n", total);
  return 0;
}
