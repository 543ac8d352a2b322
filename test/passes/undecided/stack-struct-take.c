// A container lent to a stack struct loses a child to a take (the child is
// moved on, and asap-free would null its field): the struct's readers
// would then see the null where the program sees the child. The container
// is undecided instead, so nothing is nulled, and the output is the plain
// build's (memcheck: no invalid access; leaks are allowed here).
// REQUIRES: valgrind
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %opt -passes='asap-prepare,asap-free' %t.ll -o %t.bc
// RUN: %clang %t.bc -o %t.asap
// RUN: %clang %s -o %t.plain
// RUN: %t.plain > %t.expected
// RUN: valgrind -q --error-exitcode=1 %t.asap > %t.out
// RUN: diff %t.expected %t.out
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
  struct Node *Next;
  int V;
} Node;
typedef struct {
  Node *N;
} Ctx;

static Node *cons(int V, Node *Next) {
  Node *n = malloc(sizeof(Node));
  n->V = V;
  n->Next = Next;
  return n;
}
static int second(Ctx *C) { return C->N->Next ? C->N->Next->V : -1; }

static Node *split(int K) {
  Ctx c;
  // CHECK: object %{{[0-9]+}} in split (fresh from cons): undecided: lent through a stack struct (line [[#@LINE+2]]) and a child is moved out of it (line [[#@LINE+3]])
  Node *l = cons(1, cons(2, cons(3, NULL)));
  c.N = l;
  Node *rest = l->Next; // Moved on: returned.
  printf("%d %d\n", K, second(&c));
  return rest;
}

int main(void) {
  for (int k = 0; k < 3; ++k) {
    Node *r = split(k);
    printf("%d\n", r->V);
  }
  return 0;
}
