// A slot vector whose buffer field (and capacity) is zeroed by a memset
// that leaves the counter: the count is 1 with no buffer. The next push
// reallocates from NULL and writes slot 1 only; slot 0 of the new buffer
// is never written and the program never reads it. Found by
// test/fuzz/fragments_slots.py (frag_sl_forget, seeds 30020, 30025, 30085
// and 30138 with ASAP_FUZZ_FOCUS=slots), reduced by hand.
// Expected: the clang build and the asapc build print the same checksum.
// asapc of 0e4fdb3 accepted every zero memset into the container
// (SlotVectors checks only that the byte is 0, not that the counter is
// zeroed with the buffer; a memset of the 8-byte field alone becomes a
// store and is rejected), so the deep drop of `v` walks slots [0, 2) and
// releases the garbage in slot 0: memcheck reports an uninitialised value
// in __asap.drop, natively libasaprt aborts ("free(): invalid pointer or
// double free"). Fixed: a zero memset that reaches the buffer field must
// cover the counter, and nothing but stores into the same object may come
// between a null buffer and its zero counter.
// REQUIRES: valgrind
// RUN: %clang -O1 -w %s -o %t.ref && %t.ref > %t.ref.out
// RUN: %asapc build -O1 %s -o %t.o1 && valgrind -q --error-exitcode=1 --leak-check=no %t.o1 > %t.o1.out
// RUN: diff %t.ref.out %t.o1.out
// RUN: %asapc build -O0 %s -o %t.o0 && valgrind -q --error-exitcode=1 --leak-check=no %t.o0 > %t.o0.out
// RUN: diff %t.ref.out %t.o0.out
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct { unsigned count; char **items; unsigned cap; } V;
static V *v_new(void) {
  V *v = malloc(sizeof *v);
  if (!v) exit(1);
  v->items = NULL; v->count = 0; v->cap = 0;
  return v;
}
static void v_push(V *v, char *s) { /* direct idiom: grows by one */
  v->items = realloc(v->items, (v->count + 1) * sizeof *v->items);
  if (!v->items) exit(1);
  v->items[v->count++] = s;
}
/* Forgets the buffer and the capacity, keeps the count. */
static void forget(V *v) { memset(&v->items, 0, sizeof *v - __builtin_offsetof(V, items)); }
int main(void) {
  unsigned long ck = 1;
  for (int rep = 0; rep < 3; rep++) {
    V *v = v_new();
    v_push(v, strdup("one"));
    forget(v);                     /* count 1, items NULL */
    char *two = strdup("two");
    char *t1 = strdup("0123456789"), *t2 = strdup("abcdefghij");
    ck += strlen(t1) + strlen(t2); /* released: free cells for the realloc */
    v_push(v, two);                /* realloc(NULL, 16): slot 0 unwritten */
    ck = ck * 31 + (unsigned char)v->items[1][0] + v->count;
  }
  printf("checksum %lu\n", ck);
  return 0;
}
