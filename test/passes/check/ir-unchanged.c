// asap-check only reads the IR: after asap-prepare, running asap-check
// changes nothing, although it reports findings on this module.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare' -S %t.ll -o %t.prepared.ll
// RUN: %opt -passes='asap-prepare,asap-check' -S %t.ll -o %t.checked.ll 2> %t.diag
// RUN: diff %t.prepared.ll %t.checked.ll
// RUN: FileCheck %s < %t.diag
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int leaks_and_double_frees(const char *s) {
  char *copy = strdup(s);
  if (!copy)
    return -1;
  puts(copy);
  if (copy[0] == 'x') return 1;
  free(copy);
  free(copy);
  return 0;
}
// CHECK: ir-unchanged.c:17:7: warning: {{.*}} [asap-leak]
// CHECK: ir-unchanged.c:19:3: warning: {{.*}} [asap-double-free]
