// The loops of loop.c, fixed, plus loop shapes that must stay silent: a
// buffer swap through loop phis and a pointer walking a buffer.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 | count 0
// The same without instcombine/simplifycfg (asap-check on plain SSA form):
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void per_iteration(int n) {
  for (int i = 0; i < n; i++) {
    char *line = malloc(32);
    if (!line)
      return;
    snprintf(line, 32, "line %d", i);
    if (i % 3 == 0) {
      free(line);
      continue;
    }
    puts(line);
    free(line);
  }
}

void freed_after_loop(int n) {
  char *buf = malloc(16);
  for (int i = 0; i < n; i++) {
    snprintf(buf, 16, "%d", i);
    puts(buf);
  }
  free(buf);
}

void swap_buffers(int n) {
  char *cur = calloc(16, 1), *next = calloc(16, 1);
  for (int i = 0; i < n; i++) {
    memcpy(next, cur, 16);
    next[i % 15] = 'a';
    char *t = cur;
    cur = next;
    next = t;
  }
  puts(cur);
  free(cur);
  free(next);
}

int walk(const char *s) {
  char *copy = strdup(s);
  int vowels = 0;
  for (char *q = copy; *q; q++)
    vowels += strchr("aeiou", *q) != NULL;
  free(copy);
  return vowels;
}

// Each iteration frees the previous iteration's object, the last one is
// freed after the loop.
int compare_with_previous(const char **in, int n) {
  char *prev = NULL;
  int repeats = 0;
  for (int i = 0; i < n; ++i) {
    char *line = strdup(in[i]);
    if (prev && strcmp(prev, line) == 0)
      ++repeats;
    puts(line);
    free(prev);
    prev = line;
  }
  free(prev);
  return repeats;
}
