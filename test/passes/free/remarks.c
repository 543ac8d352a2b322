// -pass-remarks=asap-free says which object was released after which line;
// -pass-remarks-missed=asap-free says why the others were left alone.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-free' -pass-remarks=asap-free -pass-remarks-missed=asap-free -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>

char *keep;

int f(const char *s) {
  char *copy = strdup(s);
  int n = (int)strlen(copy);
  char *kept = malloc(8);
  keep = kept;
  return n;
}

// CHECK-DAG: remarks.c:11:16: released 'copy' (strdup at line 11) after its last use at line 12
// CHECK-DAG: remarks.c:13:16: not released: 'kept' (malloc at line 13) is undecided: stored to global keep at line 14
