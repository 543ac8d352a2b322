// A take whose container already has a second pointer, made *before* the
// load by a helper that returns its argument (`y = same(t)`, a
// moved-into-return parameter): the child is moved into another node, the
// field nulled, and the later read through y sees NULL instead of the
// child (into a constructor, or into a consuming call: the second half).
// Found by test/fuzz/fragments_takes.py (frag_take_reread, seeds 7034 and
// 7216 with ASAP_FUZZ_FOCUS=takes), reduced by hand.
// Expected: the clang build and the asapc build print the same checksum.
// asapc of 2c82575 printed another checksum at -O1 and -O0, with no
// memcheck error: findTakeContainer (analysis/FieldTakes.cpp) only looked at
// GEPs and casts of the container, so `same(t)` before the load, whose
// result y is the same object, was not seen; asap-free stored NULL into
// t->r after `c = t->r`, and sum(y) read y->r == NULL. Fixed: phis, selects
// and call results derived from the container count as its aliases, with
// unknown offsets.
// REQUIRES: valgrind
// RUN: %clang -O1 -w %s -o %t.ref && %t.ref > %t.ref.out
// RUN: %asapc build -O1 %s -o %t.o1 && valgrind -q --error-exitcode=1 --leak-check=no %t.o1 > %t.o1.out
// RUN: diff %t.ref.out %t.o1.out
// RUN: %asapc build -O0 %s -o %t.o0 && valgrind -q --error-exitcode=1 --leak-check=no %t.o0 > %t.o0.out
// RUN: diff %t.ref.out %t.o0.out
#include <stdio.h>
#include <stdlib.h>
struct ex { unsigned val; struct ex *l, *r; };
static struct ex *mk(unsigned val, struct ex *l, struct ex *r) {
  struct ex *e = malloc(sizeof *e);
  e->val = val; e->l = l; e->r = r;
  return e;
}
static unsigned sum(const struct ex *e) {
  if (!e) return 5u;
  return e->val + 31u * sum(e->l) + 17u * sum(e->r);
}
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
/* Returns its argument: y below is a second pointer to t. */
static struct ex *same(struct ex *e) { mix(e->val); return e; }
/* Consumes e (moved-into-return): rebuilds it with its children swapped. */
static struct ex *flip(struct ex *e) {
  if (!e->l) return e;
  return mk(e->val + 1u, flip(e->r), flip(e->l));
}
int main(void) {
  struct ex *t = mk(1u, mk(2u, NULL, NULL), mk(3u, NULL, NULL));
  struct ex *y = same(t);
  struct ex *c = t->r;             /* wrongly a take: t->r is nulled here */
  struct ex *m = mk(4u, c, NULL);  /* c moved into m */
  mix(sum(m));
  mix(sum(y));                     /* reads y->r, which is t->r: must be c */
  /* The same with the child moved into a consuming call (seed 7216). */
  struct ex *u = mk(5u, mk(6u, NULL, NULL), mk(7u, mk(8u, NULL, NULL), mk(9u, NULL, NULL)));
  struct ex *v = same(u);
  struct ex *d = u->r;             /* wrongly a take: u->r is nulled here */
  struct ex *f = flip(d);          /* d moved into flip */
  mix(sum(f));
  mix(v->r ? sum(v->r) : 3u);      /* v->r is u->r: must be d, not NULL */
  printf("checksum %lu\n", ck);
  return 0;
}
