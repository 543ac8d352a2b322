// The programs of use-after-free.c fixed, plus shapes a path-insensitive
// analysis would get wrong: the free and the use are guarded by the same
// condition, and realloc's failure path frees the old block.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 | count 0
// The same without instcombine/simplifycfg (asap-check on plain SSA form):
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int log_after_free(int code) {
  char *msg = malloc(64);
  if (!msg)
    return -1;
  snprintf(msg, 64, "code %d", code);
  if (code)
    printf("error: %s\n", msg);
  free(msg);
  return 0;
}

int stale_after_realloc(size_t n) {
  char *p = malloc(4);
  if (!p)
    return -1;
  strcpy(p, "abc");
  char *q = realloc(p, n);
  if (!q) {
    free(p);
    return -1;
  }
  puts(q);
  free(q);
  return 0;
}

char second_char(const char *s) {
  char *copy = strdup(s);
  char *tail = copy + 1;
  char c = *tail;
  free(copy);
  return c;
}

// Freed early on one flag value, used only on the other.
void correlated(const char *s, int early) {
  char *copy = strdup(s);
  if (early)
    free(copy);
  puts("working");
  if (!early) {
    puts(copy);
    free(copy);
  }
}
