// A pointer read from a callee's own stack struct is stored into its
// caller's struct (one points-to node: both structs reach cur_get) and read
// by the caller after the callee returned. Found by
// test/fuzz/fragments_stack.py (frag_sb_hand_up, seed 20073 with
// ASAP_FUZZ_FOCUS=stack), reduced by hand.
// Expected: the clang build and the asapc build print the same checksum.
// asapc of 31dfae3 released `o` at the end of fill_up (its last reader
// there): StackBorrows allowed a lent pointer to be stored anywhere in the
// same node. Fixed in 9c35fc7: only into an alloca of the storing function.
// REQUIRES: valgrind
// RUN: %clang -O1 -w %s -o %t.ref && %t.ref > %t.ref.out
// RUN: %asapc build -O1 %s -o %t.o1 && valgrind -q --error-exitcode=1 --leak-check=no %t.o1 > %t.o1.out
// RUN: diff %t.ref.out %t.o1.out
// RUN: %asapc build -O0 %s -o %t.o0 && valgrind -q --error-exitcode=1 --leak-check=no %t.o0 > %t.o0.out
// RUN: diff %t.ref.out %t.o0.out
#include <stdio.h>
#include <stdlib.h>
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
struct cur { const unsigned *p; unsigned pos, n; };
static unsigned cur_get(const struct cur *c) { return c->p[c->pos % c->n] * 3u + c->pos; }
static void fill_up(struct cur *out, unsigned k) {
  unsigned *o = malloc(5 * sizeof *o);
  for (unsigned i = 0; i < 5u; i++) o[i] = i * k + 5u;
  struct cur mine = {o, 0u, 5u};
  mix(cur_get(&mine));
  out->p = mine.p; out->n = 5u; out->pos = 0u;  /* lent pointer stored into another frame's struct */
}
int main(void) {
  struct cur c = {NULL, 0u, 0u};
  fill_up(&c, 9u);
  unsigned *t = malloc(5 * sizeof *t);           /* reuses o's block */
  for (unsigned i = 0; i < 5u; i++) t[i] = 0xdead0u + i;
  mix(t[4]);
  mix(cur_get(&c));                              /* reads o after its release */
  printf("checksum %lu\n", ck);
  return 0;
}
