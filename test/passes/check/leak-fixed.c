// The programs of leak.c with the releases in place: asap-check is silent.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 | count 0
// The same without instcombine/simplifycfg (asap-check on plain SSA form):
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int braced_early_return(const char *s, int n) {
  char *buf = malloc(n + 1);
  if (!buf)
    return -1;
  strncpy(buf, s, n);
  buf[n] = 0;
  if (buf[0] == '#') {
    free(buf);
    puts("comment");
    return 0;
  }
  int total = 0;
  for (int i = 0; i < n; i++)
    total += buf[i];
  free(buf);
  return total;
}

int one_line_return(const char *s) {
  char *copy = strdup(s);
  if (!copy)
    return -1;
  if (copy[0] == '\0') { free(copy); return -2; }
  puts(copy);
  free(copy);
  return 0;
}

void forgotten(int n) {
  int *v = calloc(n, sizeof(int));
  v[0] = n;
  printf("%d %d\n", v[0], v[n / 2]);
  free(v);
}

// Handed to the caller: the caller owns it, no leak here.
char *returned(const char *s) {
  char *copy = strdup(s);
  puts(copy);
  return copy;
}

// Stored where the function cannot follow it: not this function's to free.
void escaped(char **out) {
  char *s = malloc(4);
  s[0] = 0;
  *out = s;
}

int careful_realloc(int n) {
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
