// The helper keep stores its parameter through a pointer it got from an
// external function (not into one of its own parameters): its summary says
// the parameter escapes, so the caller's object passed to it is undecided.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>
extern char **slot(void);
void keep(char *p) { *slot() = p; }
void caller(void) {
// CHECK: object %{{[0-9]+}} in caller: undecided: passed to 'keep' which lets it escape (stored to memory) at line [[#@LINE+1]]
  keep(malloc(8));
}
