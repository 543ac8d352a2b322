// The helper wrap passes its parameter to a function pointer: the parameter
// escapes (passed to an indirect call), so the object the caller passes to
// wrap is undecided.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>
void wrap(char *p, void (*f)(char *)) { f(p); }
void caller(void (*f)(char *)) {
// CHECK: object %{{[0-9]+}} in caller: undecided: passed to 'wrap' which lets it escape (passed to an indirect call) at line [[#@LINE+1]]
  wrap(malloc(8), f);
}
