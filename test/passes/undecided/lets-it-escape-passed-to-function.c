// The helper wrap hands its parameter to an external function that may keep
// or free it: the parameter escapes (passed to 'ext'), so the object the
// caller passes to wrap is undecided.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>
extern void ext(char *);
void wrap(char *p) { ext(p); }
void caller(void) {
// CHECK: object %{{[0-9]+}} in caller: undecided: passed to 'wrap' which lets it escape (passed to 'ext') at line [[#@LINE+1]]
  wrap(malloc(8));
}
