// or_global returns a phi of its parameter, a fresh object and a global
// pointer: the phi is no owner, so the parameter escapes (merged with
// another pointer) and the object the caller passes in is undecided.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>
char *g;
char *or_global(char *p, int k) { if (k == 2) return g; return k ? p : malloc(8); }
void caller(int k) {
// CHECK: object %{{[0-9]+}} in caller: undecided: passed to 'or_global' which lets it escape (merged with another pointer) at line [[#@LINE+1]]
  char *p = malloc(8); char *r = or_global(p, k);
  r[0] = 0;
}
