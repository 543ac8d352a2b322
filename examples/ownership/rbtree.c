// Ownership benchmark (issue 3): a persistent red-black tree with path
// copying (Okasaki's insertion).
//
// insert() never mutates a node: it copies the path from the root to the new
// leaf and shares every untouched subtree with the previous version. Older
// versions become garbage as soon as nothing refers to their copied paths,
// while their shared subtrees stay alive in the newer version. A few
// snapshots are kept in an array to show that old versions are unchanged.
// Allocation only.
//
// usage: rbtree [N]   (default 20000 insertions)
#include <stdio.h>
#include <stdlib.h>

enum Color { Red, Black };

typedef struct Tree {
  enum Color C;
  struct Tree *L, *R;
  int Key;
} Tree;

static Tree *node(enum Color C, Tree *L, int Key, Tree *R) {
  Tree *t = malloc(sizeof(Tree));
  if (!t) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  t->C = C;
  t->L = L;
  t->R = R;
  t->Key = Key;
  return t;
}

static int is_red(const Tree *T) { return T && T->C == Red; }

// Okasaki's balance for a black node with children A and D around key X.
static Tree *balance(enum Color C, Tree *L, int Key, Tree *R) {
  if (C == Black) {
    if (is_red(L) && is_red(L->L))
      return node(Red, node(Black, L->L->L, L->L->Key, L->L->R), L->Key,
                  node(Black, L->R, Key, R));
    if (is_red(L) && is_red(L->R))
      return node(Red, node(Black, L->L, L->Key, L->R->L), L->R->Key,
                  node(Black, L->R->R, Key, R));
    if (is_red(R) && is_red(R->L))
      return node(Red, node(Black, L, Key, R->L->L), R->L->Key,
                  node(Black, R->L->R, R->Key, R->R));
    if (is_red(R) && is_red(R->R))
      return node(Red, node(Black, L, Key, R->L), R->Key,
                  node(Black, R->R->L, R->R->Key, R->R->R));
  }
  return node(C, L, Key, R);
}

static Tree *ins(Tree *T, int Key) {
  if (!T)
    return node(Red, NULL, Key, NULL);
  if (Key < T->Key)
    return balance(T->C, ins(T->L, Key), T->Key, T->R);
  if (Key > T->Key)
    return balance(T->C, T->L, T->Key, ins(T->R, Key));
  return T;
}

static Tree *insert(Tree *T, int Key) {
  Tree *r = ins(T, Key);
  if (r->C == Red)
    return node(Black, r->L, r->Key, r->R);
  return r;
}

static int member(const Tree *T, int Key) {
  while (T) {
    if (Key == T->Key)
      return 1;
    T = Key < T->Key ? T->L : T->R;
  }
  return 0;
}

static long size(const Tree *T) {
  return T ? 1 + size(T->L) + size(T->R) : 0;
}

static int black_height(const Tree *T) {
  int h = 0;
  for (; T; T = T->L)
    h += T->C == Black;
  return h;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 20000;
  if (n < 1 || n > 10000000) {
    fputs("rbtree: N must be in [1, 10000000]\n", stderr);
    return 2;
  }
  enum { Snapshots = 4 };
  Tree *versions[Snapshots] = {NULL};
  Tree *t = NULL;
  int step = n / Snapshots ? n / Snapshots : 1;
  unsigned x = 12345;
  for (int i = 1; i <= n; ++i) {
    x = x * 1103515245u + 12345u;
    t = insert(t, (int)((x >> 4) % (unsigned)(4 * n)));
    if (i % step == 0 && i / step <= Snapshots)
      versions[i / step - 1] = t;
  }
  int hits = 0;
  for (int k = 0; k < 4 * n; k += 7)
    hits += member(t, k);
  printf("final: %ld keys, black height %d, %d of %d probes hit\n", size(t),
         black_height(t), hits, (4 * n + 6) / 7);
  for (int s = 0; s < Snapshots; ++s)
    if (versions[s])
      printf("snapshot %d: %ld keys\n", s + 1, size(versions[s]));
  return 0;
}
