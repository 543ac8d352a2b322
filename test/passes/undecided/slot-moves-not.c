// Vectors whose slot moves SlotMoves (analysis/SlotMoves.h) cannot prove,
// and takes SlotTakes gives up: their elements own nothing (or the popped
// ones stay with the vector's node, never released), so nothing is freed
// wrongly. Each case has its own vector type:
//   W1 minus2     the counter drops by two with nothing known about it
//   W2 stale      a slot's stale copy is stored into the range and kept
//   W3 drain      the counter changes inside a loop
//   W4 two        one function moves slots between two containers
//   W5 reserve    a regrow without a push, guarded by count >= cap (the
//                 new size may not cover the count)
//   W6 kept       an element read before a pop is used after it (takes
//                 given up)
//   W7 copied     an element is also stored in another struct (takes
//                 given up)
//   W8 past       a slot past the count is read after a pop: it holds the
//                 popped element (takes given up: every reader of the
//                 slots must pass SlotMoves)
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-shapes>' -disable-output %t.ll 2>&1 | FileCheck %s
// REQUIRES: valgrind
// RUN: %clang -w %s -o %t.plain && %t.plain > %t.expected
// RUN: %asapc build -O1 %s -o %t.asap
// RUN: valgrind -q --leak-check=no --error-exitcode=1 %t.asap > %t.out
// RUN: diff %t.expected %t.out
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VECTOR(V)                                                              \
  typedef struct {                                                             \
    char **Items;                                                              \
    int Count, Cap;                                                            \
  } V;                                                                         \
  static V *V##_new(void) {                                                    \
    V *v = calloc(1, sizeof(V));                                               \
    if (!v)                                                                    \
      exit(1);                                                                 \
    return v;                                                                  \
  }                                                                            \
  static void V##_push(V *v, char *S) {                                        \
    if (v->Count == v->Cap) {                                                  \
      v->Cap = v->Cap ? 2 * v->Cap : 4;                                        \
      char **bigger = realloc(v->Items, sizeof(char *) * (size_t)v->Cap);      \
      if (!bigger)                                                             \
        exit(1);                                                               \
      v->Items = bigger;                                                       \
    }                                                                          \
    v->Items[v->Count++] = S;                                                  \
  }                                                                            \
  static char *V##_pop(V *v) { return v->Count ? v->Items[--v->Count] : NULL; }

VECTOR(W1)
VECTOR(W2)
VECTOR(W3)
VECTOR(W4)
VECTOR(W5)
VECTOR(W6)
VECTOR(W7)
VECTOR(W8)

// CHECK-DAG: minus2 sets the counter to something else than one more, one less or a smaller value (line [[@LINE+1]])
static void minus2(W1 *v) { v->Count -= 2; }

// CHECK-DAG: stale a slot in range may have lost its element at a return (line [[@LINE+4]])
static void stale(W2 *v) {
  v->Items[0] = v->Items[v->Count - 1];
  v->Items[1] = v->Items[v->Count - 1];
}

// CHECK-DAG: drain changes the counter in a loop
static void drain(W3 *v) {
  while (v->Count)
    puts(v->Items[--v->Count]);
}

// CHECK-DAG: two reaches the container through another pointer than one parameter (line [[@LINE+2]])
static void two(W4 *a, W4 *b) {
  a->Items[0] = b->Items[0];
  b->Items[0] = a->Items[1];
}

// CHECK-DAG: reserve regrows the buffer to a size that may not cover the counter (line [[@LINE+7]])
static void reserve(W5 *v) {
  if (v->Count >= v->Cap) {
    v->Cap = v->Cap ? 2 * v->Cap : 4;
    char **bigger = realloc(v->Items, sizeof(char *) * (size_t)v->Cap);
    if (!bigger)
      exit(1);
    v->Items = bigger;
  }
}

typedef struct {
  char *Name;
} Holder;

int main(void) {
  W1 *w1 = W1_new();
  for (int i = 0; i < 3; ++i)
    W1_push(w1, strdup("a"));
  minus2(w1);
  W2 *w2 = W2_new();
  for (int i = 0; i < 3; ++i)
    W2_push(w2, strdup("b"));
  stale(w2);
  W3 *w3 = W3_new();
  W3_push(w3, strdup("c"));
  drain(w3);
  W4 *a = W4_new(), *b = W4_new();
  W4_push(a, strdup("d"));
  W4_push(a, strdup("e"));
  W4_push(b, strdup("f"));
  two(a, b);
  W5 *w5 = W5_new();
  reserve(w5);
  W5_push(w5, strdup("g"));
  // CHECK-DAG: takes nothing out: in main, a pointer to an element it does not own is live across a take
  W6 *w6 = W6_new();
  W6_push(w6, strdup("h"));
  W6_push(w6, strdup("i"));
  char *first = w6->Count ? w6->Items[0] : NULL;
  char *popped = W6_pop(w6);
  // CHECK-DAG: takes nothing out: the elements are also stored outside the buffer
  W7 *w7 = W7_new();
  W7_push(w7, strdup("j"));
  Holder *h = malloc(sizeof(Holder));
  if (!h)
    return 1;
  h->Name = w7->Count ? w7->Items[0] : NULL;
  char *j = W7_pop(w7);
  printf("%d %s %s %d %s %s %s %d %s %s %d\n", w1->Count, w2->Items[0],
         w2->Items[1], w3->Count, a->Items[0], b->Items[0], w5->Items[0],
         w6->Count, first, popped, w7->Count);
  printf("%s %s\n", h->Name, j);
  // CHECK-DAG: takes nothing out: a reader of the slots is not proven: main reads a slot that may not hold an element (line [[@LINE+5]])
  W8 *w8 = W8_new();
  W8_push(w8, strdup("k"));
  char *k = W8_pop(w8);
  printf("%s\n", k);
  char *again = w8->Items[w8->Count];
  printf("%s\n", again);
  return 0;
}
