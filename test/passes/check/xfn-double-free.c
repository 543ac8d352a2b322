// Across functions: a call to a function that releases a parameter on every
// path that returns (its summary says consumed, and its release states agree)
// releases the argument. Releasing it again in the caller is a double free,
// with the path: where the helper was called and the release inside it.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct node {
  char *label;
  struct node *next;
};

void destroy(struct node *n) {
  free(n->label);
  free(n);
}

// A null-tested parameter is released on every other path.
void dispose(struct node *n) {
  if (!n)
    return;
  destroy(n);
}

struct node *make_node(void) {
  struct node *n = malloc(sizeof *n);
  if (n) {
    n->label = NULL;
    n->next = NULL;
  }
  return n;
}

void helper_then_free(void) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return;
  n->label = malloc(8);
  destroy(n);
  free(n);
  // CHECK: xfn-double-free.c:[[@LINE-1]]:3: warning: memory allocated for 'n' is freed twice: it was already released by 'destroy()' at line [[@LINE-2]] [asap-double-free]
  // CHECK-NEXT: xfn-double-free.c:[[@LINE-3]]:3: note: 'n' released by destroy() at xfn-double-free.c:17 (called here)
  // CHECK-NEXT: xfn-double-free.c:17:3: note: destroy() releases it here
  // CHECK-NEXT: xfn-double-free.c:37:20: note: 'n' allocated here
}

void helper_twice(void) {
  struct node *n = make_node();
  dispose(n);
  dispose(n);
  // CHECK: xfn-double-free.c:[[@LINE-1]]:3: warning: memory allocated for 'n' is freed twice: it was already released by 'dispose()' at line [[@LINE-2]] [asap-double-free]
  // CHECK-NEXT: xfn-double-free.c:17:3: note: destroy() releases it here again
  // CHECK-NEXT: xfn-double-free.c:[[@LINE-4]]:3: note: 'n' released by destroy() at xfn-double-free.c:17 via dispose() (called here)
  // CHECK-NEXT: xfn-double-free.c:17:3: note: destroy() releases it here
  // CHECK-NEXT: xfn-double-free.c:50:20: note: 'n' allocated in make_node() at xfn-double-free.c:28 (called here)
  // CHECK-NEXT: xfn-double-free.c:28:20: note: make_node() allocates it here
}

// Used after the helper released it.
char *label_after(void) {
  struct node *n = make_node();
  if (!n)
    return NULL;
  destroy(n);
  return n->label;
  // CHECK: xfn-double-free.c:[[@LINE-1]]:13: warning: memory allocated for 'n' is used after it was released by 'destroy()' at line [[@LINE-2]] [asap-use-after-free]
  // CHECK-NEXT: note: 'n' released by destroy() at xfn-double-free.c:17 (called here)
  // CHECK-NEXT: note: destroy() releases it here
  // CHECK-NEXT: note: 'n' allocated in make_node() at xfn-double-free.c:28 (called here)
  // CHECK-NEXT: note: make_node() allocates it here
}
