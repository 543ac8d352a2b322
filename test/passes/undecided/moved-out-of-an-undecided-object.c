// t is moved into or_fresh's result r2 and still used after (its field l is
// read), so t is undecided. The load of t->l is a take as far as the field
// goes (nothing reads it afterwards: r2 is not used again), but r2 may be t,
// so the child c (and r, which c moves into) is undecided as well, and the
// field is not nulled.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %opt -passes='asap-prepare,asap-free' -S %t.ll | FileCheck %s --check-prefix=IR
#include <stdlib.h>
struct T { struct T *l; long v; };
static struct T *mk(struct T *l) { struct T *t = malloc(sizeof *t); if (!t) exit(1); t->l = l; t->v = 1; return t; }
static struct T *or_fresh(struct T *p, int k) { return k ? p : mk(NULL); }
static long cont(int k) {
// CHECK: object %{{[0-9]+}} in cont (fresh from mk): undecided: still used after being moved into the result of a call var=t
  struct T *t = mk(mk(NULL));
  struct T *r2 = or_fresh(t, k);
  (void)r2;
// CHECK: object %{{[0-9]+}} in cont (fresh from or_fresh): undecided: moved out of an object that is undecided: still used after being moved into the result of a call var=r
// CHECK: object %{{[0-9]+}} in cont (taken from %{{[0-9]+}}): undecided: moved out of an object that is undecided: still used after being moved into the result of a call var=c
  struct T *c = t->l;
  struct T *r = or_fresh(c, k);
  return r->v;
}
int main(int argc, char **argv) { return (int)cont(argc); }
// IR-LABEL: define internal i64 @cont(
// IR-NOT:   store ptr null
// IR:       ret i64
