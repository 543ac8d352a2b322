// Vectors whose functions move elements between slots, take them out and
// shrink the count (analysis/SlotMoves.h): a binary min-heap (sift-up from
// a new slot, sift-down from the hole the top leaves), a stack pop, a
// swap-remove, a remove-at that shifts the tail down, an in-place
// reversal and a swap. Each function is proven to keep slots [0, count) holding
// distinct elements; the pops' results are owned by their callers, which
// release them, and the vectors' deep drops release what is left.
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-shapes>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %opt -passes='asap-prepare,print<asap-summary>' -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=FNSUM
// RUN: %asapc explain %s 2>&1 | FileCheck %s --check-prefix=EXPLAIN
// REQUIRES: valgrind
// RUN: %clang -w %s -o %t.plain && %t.plain > %t.expected
// RUN: %asapc build -O1 %s -o %t.asap
// RUN: valgrind --leak-check=full --error-exitcode=1 %t.asap > %t.out 2> %t.vg
// RUN: diff %t.expected %t.out
// RUN: FileCheck %s --check-prefix=VG < %t.vg
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char **Items;
  int Count, Cap;
} Vec;

static Vec *vec_new(void) {
  Vec *v = calloc(1, sizeof(Vec));
  if (!v)
    exit(1);
  return v;
}

// CHECK-DAG: moves slots: grow
static void grow(Vec *v) {
  if (v->Count != v->Cap)
    return;
  v->Cap = v->Cap ? 2 * v->Cap : 4;
  char **bigger = realloc(v->Items, sizeof(char *) * (size_t)v->Cap);
  if (!bigger)
    exit(1);
  v->Items = bigger;
}

static void push(Vec *v, char *s) {
  grow(v);
  v->Items[v->Count++] = s;
}

// CHECK-DAG: moves slots: heap_push
static void heap_push(Vec *v, char *s) {
  if (v->Count == v->Cap) {
    v->Cap = v->Cap ? 2 * v->Cap : 4;
    char **bigger = realloc(v->Items, sizeof(char *) * (size_t)v->Cap);
    if (!bigger)
      exit(1);
    v->Items = bigger;
  }
  int i = v->Count++;
  while (i > 0 && strcmp(s, v->Items[(i - 1) / 2]) < 0) {
    v->Items[i] = v->Items[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  v->Items[i] = s;
}

// CHECK-DAG: moves slots: heap_pop
// CHECK-DAG: takes elements out: heap_pop
// FNSUM-LABEL: summary heap_pop: returns fresh-owned family=malloc
// FNSUM-NEXT: param 0: borrowed
static char *heap_pop(Vec *v) {
  if (v->Count == 0)
    return NULL;
  char *top = v->Items[0];
  char *last = v->Items[--v->Count];
  int i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= v->Count)
      break;
    if (c + 1 < v->Count && strcmp(v->Items[c + 1], v->Items[c]) < 0)
      c = c + 1;
    if (strcmp(last, v->Items[c]) <= 0)
      break;
    v->Items[i] = v->Items[c];
    i = c;
  }
  if (v->Count > 0)
    v->Items[i] = last;
  return top;
}

// CHECK-DAG: takes elements out: pop
// FNSUM-LABEL: summary pop: returns fresh-owned family=malloc
static char *pop(Vec *v) { return v->Count ? v->Items[--v->Count] : NULL; }

// CHECK-DAG: takes elements out: swap_remove
static char *swap_remove(Vec *v, int i) {
  if (i < 0 || i >= v->Count)
    return NULL;
  char *x = v->Items[i];
  v->Items[i] = v->Items[--v->Count];
  return x;
}

// CHECK-DAG: takes elements out: remove_at
static char *remove_at(Vec *v, int i) {
  if (i < 0 || i >= v->Count)
    return NULL;
  char *x = v->Items[i];
  for (int j = i; j + 1 < v->Count; ++j)
    v->Items[j] = v->Items[j + 1];
  --v->Count;
  return x;
}

// CHECK-DAG: moves slots: reverse
static void reverse(Vec *v) {
  for (int a = 0, b = v->Count - 1; a < b; ++a, --b) {
    char *t = v->Items[a];
    v->Items[a] = v->Items[b];
    v->Items[b] = t;
  }
}

// Indices may be equal: the middle store puts a stale copy into the hole,
// which the last store fills.
// CHECK-DAG: moves slots: swap
static void swap(Vec *v, int a, int b) {
  if (a < 0 || b < 0 || a >= v->Count || b >= v->Count)
    return;
  char *t = v->Items[a];
  v->Items[a] = v->Items[b];
  v->Items[b] = t;
}

static char *word(const char *Prefix, int N) {
  char buf[32];
  snprintf(buf, sizeof buf, "%s%d", Prefix, N);
  return strdup(buf);
}

// EXPLAIN-DAG: 'top' = pop(...) in main: owned, released after its last use
// EXPLAIN-DAG: 'r' = remove_at(...) in main: owned
int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 40;
  Vec *heap = vec_new();
  unsigned x = 7;
  for (int i = 0; i < n; ++i) {
    x = x * 1103515245u + 12345u;
    heap_push(heap, word("k", (int)((x >> 16) % 1000)));
  }
  // Drain half of the heap in order; the rest goes with its deep drop.
  for (int i = 0; i < n / 2; ++i) {
    char *s = heap_pop(heap);
    printf("%s ", s);
  }
  printf("| %d left\n", heap->Count);

  Vec *stack = vec_new();
  for (int i = 0; i < 10; ++i)
    push(stack, word("s", i));
  reverse(stack);
  swap(stack, 1, 1);
  swap(stack, 0, 3);
  char *top = pop(stack);
  char *r = remove_at(stack, 2);
  char *w = swap_remove(stack, 0);
  printf("%s %s %s %d %s\n", top, r, w, stack->Count,
         stack->Count ? stack->Items[0] : "-");
  char *g;
  while ((g = pop(stack)))
    printf("%s ", g);
  printf("\n");
  return 0;
}
// VG: All heap blocks were freed -- no leaks are possible
// VG: ERROR SUMMARY: 0 errors
