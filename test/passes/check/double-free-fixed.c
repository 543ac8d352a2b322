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

// A buffer grown with realloc in a loop: on failure the old block (the
// previous iteration's result) is still allocated and freed once.
int grow(const char *src) {
  char *buf = NULL;
  size_t cap = 0, len = 0;
  for (const char *c = src; *c; c++) {
    if (len == cap) {
      cap = cap * 2 + 1;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        return -1;
      }
      buf = nb;
    }
    buf[len++] = *c;
  }
  if (buf)
    fwrite(buf, 1, len, stdout);
  free(buf);
  return (int)len;
}
