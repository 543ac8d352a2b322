// publish moves its parameter into a phi that owns it or a fresh object, and
// stores that phi to a global: the phi's group is undecided, so the
// parameter escapes, and the object the caller passes in is undecided.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>
char *g;
char *publish(char *p, int c) {
  char *q = c ? p : malloc(8);
  g = q;
  return q;
}
void caller(int c) {
// CHECK: object %{{[0-9]+}} in caller: undecided: passed to 'publish' which lets it escape (moved into an object that is undecided: stored to global g at line [[#@LINE-4]]) at line [[#@LINE+1]]
  publish(malloc(8), c);
}
