// Ownership benchmark (issue 3): GCBench-style binary trees.
//
// After Boehm's GCBench: many short-lived trees built top-down (allocate the
// node, then populate its children through the pointer) and bottom-up (build
// the children, then the node that owns them), while one long-lived tree and
// a long-lived array stay alive across the whole run. Objects cross function
// boundaries (returned from make_tree, filled in by populate) and live in
// data structures (each node owns its two children). Allocation only.
//
// usage: gcbench [MAX_DEPTH]   (default 14; the e2e test uses a small one)
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
  struct Node *Left, *Right;
  int I, J;
} Node;

static Node *new_node(Node *L, Node *R) {
  Node *n = malloc(sizeof(Node));
  if (!n) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  n->Left = L;
  n->Right = R;
  n->I = 0;
  n->J = 0;
  return n;
}

static int tree_size(int Depth) { return (1 << (Depth + 1)) - 1; }

// Top-down: the parent exists before its children.
static void populate(int Depth, Node *This) {
  if (Depth <= 0)
    return;
  This->Left = new_node(NULL, NULL);
  This->Right = new_node(NULL, NULL);
  populate(Depth - 1, This->Left);
  populate(Depth - 1, This->Right);
}

// Bottom-up: children are built first and moved into their parent.
static Node *make_tree(int Depth) {
  if (Depth <= 0)
    return new_node(NULL, NULL);
  Node *l = make_tree(Depth - 1);
  Node *r = make_tree(Depth - 1);
  return new_node(l, r);
}

static long count_nodes(const Node *N) {
  long c = 0;
  while (N) {
    c += 1 + count_nodes(N->Right);
    N = N->Left;
  }
  return c;
}

static void time_construction(int Depth, int MaxDepth, int MinDepth) {
  int iterations = 2 * tree_size(MaxDepth) / tree_size(Depth);
  long top_down = 0, bottom_up = 0;
  for (int i = 0; i < iterations; ++i) {
    Node *t = new_node(NULL, NULL);
    populate(Depth, t);
    top_down += count_nodes(t);
  }
  for (int i = 0; i < iterations; ++i) {
    Node *t = make_tree(Depth);
    bottom_up += count_nodes(t);
  }
  printf("depth %2d: %5d trees top-down (%ld nodes), bottom-up (%ld nodes)\n",
         Depth, iterations, top_down, bottom_up);
  (void)MinDepth;
}

int main(int argc, char **argv) {
  int max_depth = argc > 1 ? atoi(argv[1]) : 14;
  if (max_depth < 4 || max_depth > 20) {
    fputs("gcbench: MAX_DEPTH must be in [4, 20]\n", stderr);
    return 2;
  }
  int min_depth = 4;
  int long_lived_depth = max_depth - 2;
  int array_size = 1 << (max_depth + 1);

  // A tree that dies only at exit.
  Node *temp = make_tree(max_depth);
  printf("stretch tree of depth %d: %ld nodes\n", max_depth,
         count_nodes(temp));

  Node *long_lived = new_node(NULL, NULL);
  populate(long_lived_depth, long_lived);
  double *array = malloc(sizeof(double) * (size_t)array_size);
  if (!array)
    return 1;
  for (int i = 0; i < array_size / 2; ++i)
    array[i] = 1.0 / (i + 1);

  for (int d = min_depth; d <= max_depth; d += 2)
    time_construction(d, max_depth, min_depth);

  double sum = 0;
  for (int i = 0; i < array_size / 2; ++i)
    sum += array[i];
  printf("long-lived tree: %ld nodes; array sum %.6f\n",
         count_nodes(long_lived), sum);
  return 0;
}
