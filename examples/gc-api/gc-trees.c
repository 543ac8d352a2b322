// Boehm-API example: a program written for the Boehm-Demers-Weiser collector
// (GC_INIT, GC_MALLOC, GC_MALLOC_ATOMIC, GC_STRDUP, no frees) builds
// unchanged with asapc, against the gc.h that libasaprt ships.
//
// Trees cross functions (collector territory until interprocedural ownership
// lands); the per-iteration label and scratch array live inside one function,
// so asapc can release them statically. Its output must equal a build against
// the real Boehm collector (-lgc).
#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Node {
  struct Node *Left, *Right;
  long Value;
} Node;

static Node *make(int Depth, long Value) {
  Node *n = GC_MALLOC(sizeof(Node));
  n->Value = Value;
  if (Depth > 0) {
    n->Left = make(Depth - 1, 2 * Value);
    n->Right = make(Depth - 1, 2 * Value + 1);
  } else {
    n->Left = n->Right = NULL;
  }
  return n;
}

static long check(const Node *N) {
  if (!N->Left)
    return N->Value % 7;
  return N->Value % 7 + check(N->Left) - check(N->Right);
}

int main(int argc, char **argv) {
  GC_INIT();
  int max_depth = argc > 1 ? atoi(argv[1]) : 12;
  Node *long_lived = make(max_depth, 1);
  for (int d = 4; d <= max_depth; d += 2) {
    long sum = 0;
    int iterations = 1 << (max_depth - d + 2);
    for (int i = 0; i < iterations; ++i)
      sum += check(make(d, i));
    char *label = GC_STRDUP("depth");
    long *scratch = GC_MALLOC_ATOMIC(sizeof(long) * 4);
    scratch[0] = d;
    scratch[1] = iterations;
    scratch[2] = sum;
    scratch[3] = (long)strlen(label);
    printf("%s %2ld: %5ld trees, check %ld (%ld)\n", label, scratch[0],
           scratch[1], scratch[2], scratch[3]);
  }
  printf("long-lived check %ld\n", check(long_lived));
  return 0;
}
