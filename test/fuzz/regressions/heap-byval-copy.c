// A heap popped through a copy of its container passed by value: the
// 24-byte struct is passed in memory (a `byval` pointer parameter in the
// IR), and pop_copy hands the copy's address to pop. pop moves the shared
// buffer's elements and decrements the *copy's* count; the caller's
// container keeps count 3 while its slots now read [k1, k2, k2] (the last
// element moved to slot 1 and still in slot 2). Found by
// test/fuzz/fragments_heaps.py (frag_hz_copy, seed 40209 with
// ASAP_FUZZ_FOCUS=heaps), reduced by hand.
// Expected: the clang build and the asapc build print the same checksum.
// asapc of 8bf6866 (build-fuzz): memcheck reports an invalid free in
// __asap.drop (the deep drop of v at the end of main frees k2 twice), at
// -O0, -O1 and -O2; natively libasaprt aborts. print<asap-shapes> accepts
// the vector with "moves slots: push, pop" and "takes elements out: pop":
// clang passes v itself as the operand of `byval` (the copy is implicit
// in the call), the graph gives the parameter h the node of *v, and pop,
// which reaches "the container" through its one parameter, is proven to
// shrink v's count; nothing says that the count it shrinks is a copy's
// (SlotMoves checks each mover against the node, not the object). The
// 16-byte layout {items, count, cap} is coerced to registers and copied
// into an alloca instead, which is rejected ("may be on the stack").
// Fixed since: a vector whose container is passed by value anywhere is not
// a slot vector ("the container is passed by value", checkMovers).
// REQUIRES: valgrind
// RUN: %clang -O1 -w %s -o %t.ref && %t.ref > %t.ref.out
// RUN: %asapc build -O1 %s -o %t.o1 && valgrind -q --error-exitcode=1 --leak-check=no %t.o1 > %t.o1.out
// RUN: diff %t.ref.out %t.o1.out
// RUN: %asapc build -O0 %s -o %t.o0 && valgrind -q --error-exitcode=1 --leak-check=no %t.o0 > %t.o0.out
// RUN: diff %t.ref.out %t.o0.out
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
struct rec { unsigned key; };
/* 24 bytes: passed by value in memory (a byval pointer in the IR). */
struct heap { int count; struct rec **items; int cap; };
static void push(struct heap *v, struct rec *e) {
  if (v->count == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 4;
    struct rec **b = realloc(v->items, (size_t)v->cap * sizeof *b);
    if (!b) exit(1);
    v->items = b;
  }
  int i = v->count++;
  while (i > 0 && e->key < v->items[(i - 1) / 2]->key) {
    v->items[i] = v->items[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  v->items[i] = e;
}
static struct rec *pop(struct heap *v) {
  if (v->count == 0) return NULL;
  struct rec *top = v->items[0];
  struct rec *last = v->items[--v->count];
  int i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= v->count) break;
    if (c + 1 < v->count && v->items[c + 1]->key < v->items[c]->key) c++;
    if (!(v->items[c]->key < last->key)) break;
    v->items[i] = v->items[c];
    i = c;
  }
  if (v->count > 0) v->items[i] = last;
  return top;
}
/* Pops from its own copy of the container: the caller's count stays. */
static struct rec *pop_copy(struct heap h) { return pop(&h); }
int main(void) {
  struct heap *v = calloc(1, sizeof *v);
  if (!v) return 1;
  for (unsigned i = 0; i < 3; i++) {
    struct rec *e = malloc(sizeof *e);
    if (!e) return 1;
    e->key = i;
    push(v, e);
  }
  struct rec *t = pop_copy(*v);  /* slots 0..1 now hold the old slot 2 and 1 */
  mix(t->key);                   /* t's last use */
  for (int i = 0; i < v->count; i++) mix(v->items[i]->key * 3u + (unsigned)i);
  printf("checksum %lu\n", ck);
  return 0;
}
