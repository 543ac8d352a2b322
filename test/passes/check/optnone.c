// clang -O0 marks functions optnone, so asap-prepare cannot put them in SSA
// form: asap-check says so on one line instead of silently finding nothing.
// RUN: %clang -O0 -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 | FileCheck %s
// CHECK: asap-check: warning: 1 function is optnone (clang -O0) and could not be prepared; compile with -O1 or -Xclang -disable-O0-optnone
#include <stdlib.h>

void leaks(int n) {
  char *p = malloc(n);
  p[0] = 0;
}
