// The helper contains inline assembly, so its summary is pessimistic: every
// pointer parameter escapes with the function-level reason, and the object
// the caller passes in is undecided.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>
void opaque(char *p) { __asm__ volatile("" ::: "memory"); }
void caller(void) {
// CHECK: object %{{[0-9]+}} in caller: undecided: passed to 'opaque' which lets it escape (function contains inline assembly) at line [[#@LINE+1]]
  opaque(malloc(8));
}
