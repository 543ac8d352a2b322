// The helper to_int converts its parameter to an integer (ptrtoint): the
// parameter escapes (used by 'ptrtoint'), so the object passed in is
// undecided.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>
long to_int(char *p) { return (long)p; }
void caller(void) {
// CHECK: object %{{[0-9]+}} in caller: undecided: passed to 'to_int' which lets it escape (used by 'ptrtoint') at line [[#@LINE+1]]
  to_int(malloc(8));
}
