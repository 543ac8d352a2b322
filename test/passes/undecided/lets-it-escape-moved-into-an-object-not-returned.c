// use_or_fresh moves its parameter into a phi (it or a fresh object) that it
// never returns: the callee would drop or leak it, the caller cannot hand it
// over, so the parameter escapes and the caller's object is undecided.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>
void use_or_fresh(char *p, int c) { char *q = c ? p : malloc(8); q[0] = 1; }
void caller(int c) {
// CHECK: object %{{[0-9]+}} in caller: undecided: passed to 'use_or_fresh' which lets it escape (moved into an object that is not returned) at line [[#@LINE+1]]
  use_or_fresh(malloc(8), c);
}
