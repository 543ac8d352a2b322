/* gcbench.c - a GCBench-style binary-trees benchmark (after Boehm's
 * GCBench: a long-lived tree and array, then many short-lived trees built
 * top-down and bottom-up), written against <gc.h>. Built three ways by
 * run.sh: with libasaprt, with the Boehm collector (-lgc), and with
 * -DMANUAL_FREE on glibc malloc, where every temporary tree is freed by
 * hand. Prints a checksum so the three builds can be compared. */
#include <stdio.h>
#include <stdlib.h>

#ifdef MANUAL_FREE
#define ALLOC_NODE() ((Node *)calloc(1, sizeof(Node)))
#define ALLOC_ATOMIC(n) malloc(n)
#define INIT() ((void)0)
#else
#include <gc.h>
#define ALLOC_NODE() ((Node *)GC_MALLOC(sizeof(Node)))
#define ALLOC_ATOMIC(n) GC_MALLOC_ATOMIC(n)
#define INIT() GC_INIT()
#endif

enum {
  kStretchTreeDepth = 18,
  kLongLivedTreeDepth = 16,
  kArraySize = 500000,
  kMinTreeDepth = 4,
  kMaxTreeDepth = 16
};

typedef struct Node {
  struct Node *left, *right;
  int i, j;
} Node;

static void drop(Node *n) {
#ifdef MANUAL_FREE
  /* Trees are at most kStretchTreeDepth deep: recursion is fine here. */
  if (!n)
    return;
  drop(n->left);
  drop(n->right);
  free(n);
#else
  (void)n;
#endif
}

static int tree_size(int depth) { return (1 << (depth + 1)) - 1; }
static int num_iters(int depth) {
  return 2 * tree_size(kStretchTreeDepth) / tree_size(depth);
}

static void populate(int depth, Node *n) {
  if (depth <= 0)
    return;
  n->left = ALLOC_NODE();
  n->right = ALLOC_NODE();
  populate(depth - 1, n->left);
  populate(depth - 1, n->right);
}

static Node *make_tree(int depth) {
  Node *n = ALLOC_NODE();
  if (depth > 0) {
    n->left = make_tree(depth - 1);
    n->right = make_tree(depth - 1);
  }
  return n;
}

static long check(const Node *n) {
  return n ? 1 + check(n->left) + check(n->right) : 0;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 1;
  INIT();
  long checksum = 0;
  for (int round = 0; round < rounds; ++round) {
    Node *stretch = make_tree(kStretchTreeDepth);
    checksum += check(stretch);
    drop(stretch);

    Node *long_lived = ALLOC_NODE();
    populate(kLongLivedTreeDepth, long_lived);
    double *array = ALLOC_ATOMIC(sizeof(double) * kArraySize);
    for (int i = 0; i < kArraySize / 2; ++i)
      array[i] = 1.0 / i;

    for (int depth = kMinTreeDepth; depth <= kMaxTreeDepth; depth += 2) {
      int iters = num_iters(depth);
      for (int i = 0; i < iters; ++i) {
        Node *top_down = ALLOC_NODE();
        populate(depth, top_down);
        checksum += check(top_down);
        drop(top_down);
        Node *bottom_up = make_tree(depth);
        checksum += check(bottom_up);
        drop(bottom_up);
      }
    }
    checksum += check(long_lived);
    if (array[1000] != 1.0 / 1000)
      return 1;
    drop(long_lived);
#ifdef MANUAL_FREE
    free(array);
#endif
  }
  printf("checksum %ld\n", checksum);
  return 0;
}
