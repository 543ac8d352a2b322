// or_fresh returns its argument or a fresh object (its parameter is
// moved-into-return). mv passes an interior pointer of p, not p itself, so
// the call cannot be a move of p; p is undecided (and so is the result).
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>

static char *or_fresh(char *p, int k) { return k ? p : malloc(8); }

void mv(int k) {
// CHECK: object %{{[0-9]+}} in mv: undecided: passed to 'or_fresh' which moves it into its result at line [[#@LINE+2]]
// CHECK: object %{{[0-9]+}} in mv (fresh from or_fresh): undecided: may be an argument that is not owned here at line [[#@LINE+1]]
  char *p = malloc(16); char *r = or_fresh(p + 8, k);
  r[0] = 0;
}
