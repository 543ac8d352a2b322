// a is moved into the phi/select r (r owns a or a second object), but a is
// written after that: two owners would hold one object, so the whole group
// (a, the second object, r) is undecided. The phi has no name at -O0.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>

char *still(int c) {
  char *a = malloc(8);
  char *r = c ? a : malloc(8);
  a[0] = 1;
  return r;
}
// CHECK: object %{{[0-9]+}} in still: undecided: still used after being moved into a phi/select var=a
// CHECK: object %{{[0-9]+}} in still: undecided: still used after being moved into a phi/select line
// CHECK: object %{{[0-9]+}} in still (phi): undecided: still used after being moved into a phi/select var=r
