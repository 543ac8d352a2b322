// A select chooses between object p and an interior pointer into object q:
// the select is neither an owner (one input is not an owner root) nor an
// alias of a single owner, so both objects are lost to it.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>

void pick(int c) {
  char *p = malloc(8);
  char *q = malloc(8);
// CHECK: object %{{[0-9]+}} in pick: undecided: merged by a select with a pointer that is not owned here at line [[#@LINE+2]]
// CHECK: object %{{[0-9]+}} in pick: undecided: merged by a select with a pointer that is not owned here at line [[#@LINE+1]]
  char *r = c ? p : q + 1;
  *r = 0;
}
