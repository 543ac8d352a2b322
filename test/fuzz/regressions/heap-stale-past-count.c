// A stack pop `return v->items[--v->count]` takes its element out of slot
// count, but the slot keeps a stale copy; a read of that slot after the
// pop (`x = v->items[v->count]`, in range of the buffer, so defined C) is
// a second pointer to the popped element; so is a read through the buffer
// and the count kept from before the pop (`b[n - 1]`, the second half).
// asapc releases the popped element after its own last use, and x then
// reads freed memory. Written by hand while writing
// test/fuzz/fragments_heaps.py; its frag_hz_alias generates both shapes
// (seeds 40092, 40121, 40142, 40167, 40192: past the count; 40013, 40019:
// through the old buffer; with ASAP_FUZZ_FOCUS=heaps). reduce.py on seed
// 40019 only reached a program with uninitialised reads.
// Expected: the clang build and the asapc build print the same checksum.
// asapc of 8bf6866: memcheck reports invalid reads on the line of
// `mix(x[0])` of a block freed after `mix(strlen(e) + e[0])` (and the same
// for y and f), at -O1 and -O0:
// SlotTakes only forbade element pointers that are live *across* a take;
// x is loaded after the take, from a slot past the count, and a slot read
// outside a mover was not checked to hold an element of the vector. Since
// then every function that reads the slots of a vector with takes must
// pass SlotMoves (checkReaders), and main's read past the count gives the
// takes up.
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
struct vec { char **items; int count, cap; };
static void push(struct vec *v, char *e) {
  if (v->count == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 4;
    char **b = realloc(v->items, (size_t)v->cap * sizeof *b);
    if (!b) exit(1);
    v->items = b;
  }
  v->items[v->count++] = e;
}
/* Stack pop: the caller owns the result. */
static char *pop(struct vec *v) {
  if (v->count == 0) return NULL;
  return v->items[--v->count];
}
/* Reuses freed blocks of the strings' size. */
static unsigned churn(void) {
  unsigned s = 0;
  for (int i = 0; i < 4; i++) { char *w = strdup("zzzzzz"); s += w[i]; }
  return s;
}
int main(void) {
  struct vec *v = calloc(1, sizeof *v);
  if (!v) return 1;
  for (unsigned i = 0; i < 3; i++) {
    char *s = strdup("gamma");
    if (!s) return 1;
    s[0] = (char)('a' + i);
    push(v, s);
  }
  char *e = pop(v);
  mix(strlen(e) + (unsigned char)e[0]);  /* e's last use: released here */
  mix(churn());
  char *x = v->items[v->count];          /* the popped element again */
  mix((unsigned char)x[0]);
  mix(strlen(x));
  /* The buffer and the count kept from before a pop. */
  char **b = v->items;
  int n = v->count;
  char *f = pop(v);
  mix(strlen(f) + (unsigned char)f[1]);  /* f's last use: released here */
  mix(churn());
  char *y = b[n - 1];                    /* the popped element again */
  mix((unsigned char)y[0] + strlen(y));
  printf("checksum %lu\n", ck);
  return 0;
}
