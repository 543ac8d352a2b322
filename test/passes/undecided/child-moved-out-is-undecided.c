// t owns its child through the owning field T.l; the child c is moved out of
// it (a take) into or_fresh's result but read again after that move, so c is
// undecided; nulling t->l would then be unsound, so t is undecided too.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
struct T { struct T *l; long v; };
static struct T *mk(struct T *l) { struct T *t = malloc(sizeof *t); if (!t) exit(1); t->l = l; t->v = 1; return t; }
static struct T *or_fresh(struct T *p, int k) { return k ? p : mk(NULL); }
static long child(int k) {
  struct T *t = mk(mk(NULL));
// CHECK: object %{{[0-9]+}} in child (fresh from mk): undecided: a child moved out of it at line [[#@LINE+1]] is undecided: still used after being moved into the result of a call var=t
  struct T *c = t->l;
  struct T *r = or_fresh(c, k);
  long v = c->v + r->v;
  return t->v + v;
}
// CHECK: object %{{[0-9]+}} in child (taken from %{{[0-9]+}}): undecided: still used after being moved into the result of a call var=c
int main(int argc, char **argv) { return (int)child(argc); }
