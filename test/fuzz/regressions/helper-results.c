// Helpers whose result points into an argument: a cell of a list (loop and
// one load), one of two arguments, the argument or a copy, a callee storing
// its argument into another argument, a struct returned by value, a pointer
// advanced through its address.
// Hand-written from the fuzz generator's hazards; passes today (asap keeps
// these objects alive or releases them after their true last use). The
// asapc build must print what the clang build prints, with no memcheck
// error (leaks allowed: undecided objects may stay alive).
// REQUIRES: valgrind
// RUN: %clang -O1 -w %s -o %t.ref && %t.ref > %t.ref.out
// RUN: %asapc build -O1 %s -o %t.o1 && valgrind -q --error-exitcode=1 --leak-check=no %t.o1 > %t.o1.out
// RUN: diff %t.ref.out %t.o1.out
// RUN: %asapc build -O0 %s -o %t.o0 && valgrind -q --error-exitcode=1 --leak-check=no %t.o0 > %t.o0.out
// RUN: diff %t.ref.out %t.o0.out
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { unsigned val; struct node *next; };
static struct node *build_list(unsigned n, unsigned seed) {
  struct node *head = NULL;
  for (unsigned i = 0; i < n; i++) {
    struct node *c = malloc(sizeof *c);
    c->val = seed + i * 3u; c->next = head; head = c;
  }
  return head;
}
static unsigned walk_list(const struct node *l) {
  unsigned s = 0;
  for (; l; l = l->next) s = s * 5u + l->val;
  return s;
}
static struct node *nth(struct node *l, unsigned k) {
  while (k-- && l) l = l->next;
  return l;
}
static struct node *second(struct node *l) { return l->next; }
static unsigned *pick(unsigned *a, unsigned *b, unsigned c) { return c ? a : b; }
static unsigned *maybe_copy(unsigned *p, unsigned n, unsigned c) {
  if (c) return p;
  unsigned *q = malloc(n * sizeof *q);
  for (unsigned i = 0; i < n; i++) q[i] = p[i] + 1;
  return q;
}
struct holder { unsigned *p; unsigned n; };
static void attach(struct holder *h, unsigned *p) { h->p = p; }
static struct holder mk_holder(unsigned n) {
  struct holder h; h.n = n; h.p = malloc(n * sizeof *h.p);
  for (unsigned i = 0; i < n; i++) h.p[i] = i * 3;
  return h;
}
static void advance(unsigned **pp) { *pp += 1; }
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
int main(int argc, char **argv) {
  unsigned c = (unsigned)argc;
  struct node *l = build_list(10, 4);
  struct node *t = nth(l, 3);
  mix(l->val);
  struct node *junk = build_list(5, 1);
  mix(walk_list(junk));
  mix(walk_list(t));
  struct node *l2 = build_list(6, 2);
  struct node *s2 = second(l2);
  mix(l2->val);
  struct node *junk2 = build_list(5, 1);
  mix(walk_list(junk2));
  mix(walk_list(s2));
  unsigned *a = malloc(8 * sizeof *a), *b = malloc(8 * sizeof *b);
  for (unsigned i = 0; i < 8; i++) { a[i] = i; b[i] = 2 * i; }
  unsigned *p = pick(a, b, c & 1);
  mix(a[0] + b[0]);
  unsigned *junk3 = malloc(8 * sizeof *junk3); junk3[0] = 1; mix(junk3[0]);
  unsigned *junk4 = malloc(8 * sizeof *junk4); junk4[0] = 1; mix(junk4[0]);
  mix(p[5]);
  unsigned *m = malloc(8 * sizeof *m);
  for (unsigned i = 0; i < 8; i++) m[i] = i + 50;
  unsigned *mc = maybe_copy(m, 8, c & 1);
  mix(mc[3]);
  mix(m[4]);
  struct holder *h = malloc(sizeof *h);
  attach(h, malloc(4 * sizeof(unsigned)));
  h->p[0] = 5; mix(h->p[0]);
  unsigned *kept = malloc(4 * sizeof *kept); kept[2] = 9;
  struct holder *h2 = malloc(sizeof *h2);
  attach(h2, kept);
  mix(h2->p[2]);
  unsigned *junk5 = malloc(16); junk5[0] = 3; mix(junk5[0]);
  mix(kept[2]);
  struct holder hv = mk_holder(5);
  unsigned *junk6 = malloc(20); junk6[0] = 3; mix(junk6[0]);
  mix(hv.p[4]);
  unsigned *w = malloc(6 * sizeof *w);
  for (unsigned i = 0; i < 6; i++) w[i] = i * 11;
  advance(&w); advance(&w);
  unsigned *junk7 = malloc(24); junk7[0] = 3; mix(junk7[0]);
  mix(w[0] + w[-2]);
  printf("checksum %lu\n", ck);
  return 0;
}
