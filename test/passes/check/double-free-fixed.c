// The programs of double-free.c fixed, plus a pointer set to NULL after its
// free (the second free is free(NULL)): asap-check is silent.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 | count 0
// The same without instcombine/simplifycfg (asap-check on plain SSA form):
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int branch_then_common(const char *s) {
  char *copy = strdup(s);
  if (!copy)
    return -1;
  if (strlen(copy) > 8) {
    puts("too long");
    free(copy);
    return 1;
  }
  puts(copy);
  free(copy);
  return 0;
}

void straight(int n) {
  long *v = malloc(n * sizeof(long));
  v[0] = n;
  printf("%ld\n", v[0]);
  free(v);
}

void nulled(int n) {
  char *p = malloc(n);
  p[0] = 0;
  puts(p);
  if (n > 2) {
    free(p);
    p = NULL;
  }
  free(p);
}
