// Recursive and mutually recursive helpers returning a cell of their
// argument (last cell, tree minimum, even/odd steps): the structure must
// outlive the result.
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
struct node { unsigned val; struct node *next; };
struct tree { unsigned key; struct tree *left, *right; };
static struct node *build_list(unsigned n, unsigned seed) {
  struct node *head = NULL;
  for (unsigned i = 0; i < n; i++) {
    struct node *c = malloc(sizeof *c);
    c->val = seed + i * 3u; c->next = head; head = c;
  }
  return head;
}
static struct tree *build_tree(unsigned depth, unsigned key) {
  struct tree *t = malloc(sizeof *t);
  t->key = key;
  t->left = depth ? build_tree(depth - 1, key * 2u) : NULL;
  t->right = depth ? build_tree(depth - 1, key * 2u + 1u) : NULL;
  return t;
}
static struct node *last(struct node *l) { if (!l->next) return l; return last(l->next); }
static struct tree *tmin(struct tree *t) { return t->left ? tmin(t->left) : t; }
static struct node *odd_a(struct node *l, unsigned k);
static struct node *even_a(struct node *l, unsigned k) { if (!k || !l->next) return l; return odd_a(l->next, k - 1); }
static struct node *odd_a(struct node *l, unsigned k) { if (!k || !l->next) return l; return even_a(l->next, k - 1); }
static unsigned long ck = 1;
static void mix(unsigned long v) { ck = ck * 1000003UL ^ v; }
int main(int argc, char **argv) {
  struct node *l = build_list(7 + argc, 3);
  struct node *e = last(l);
  mix(l->val);
  struct node *j = build_list(3, 9); mix(j->val + j->next->val);
  mix(e->val);
  struct tree *t = build_tree(3 + argc, 1);
  struct tree *m = tmin(t);
  mix(t->key);
  struct tree *jt = build_tree(2, 5); mix(jt->key + jt->left->key);
  mix(m->key);
  struct node *l2 = build_list(9 + argc, 4);
  struct node *e2 = even_a(l2, 5);
  mix(l2->val);
  struct node *j2 = build_list(3, 9); mix(j2->val + j2->next->val);
  mix(e2->val);
  printf("checksum %lu\n", ck);
  return 0;
}
