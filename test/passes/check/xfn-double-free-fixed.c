// xfn-double-free.c fixed, plus helpers that release their parameter on
// some paths only or let it escape first: a later release in the caller may
// be right, so asap-check stays silent (no report from imprecision).
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdlib.h>

struct node {
  char *label;
  struct node *next;
};

struct node *Cache;

void destroy(struct node *n) {
  free(n->label);
  free(n);
}

void dispose(struct node *n) {
  if (!n)
    return;
  destroy(n);
}

// Releases only when asked to.
void maybe_release(struct node *n, int now) {
  if (now)
    free(n);
}

// Keeps it somewhere, then releases the old one.
void cache(struct node *n) {
  struct node *old = Cache;
  Cache = n;
  free(old);
}

struct node *make_node(void) {
  struct node *n = malloc(sizeof *n);
  if (n) {
    n->label = NULL;
    n->next = NULL;
  }
  return n;
}

void helper_only(void) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return;
  n->label = malloc(8);
  destroy(n);
}

void helper_once(void) {
  struct node *n = make_node();
  dispose(n);
}

char *label_before(void) {
  struct node *n = make_node();
  if (!n)
    return NULL;
  char *label = n->label;
  n->label = NULL;
  destroy(n);
  return label;
}

void some_paths(int now) {
  struct node *n = make_node();
  if (!n)
    return;
  maybe_release(n, now);
  if (!now)
    free(n);
}

void escaped(void) {
  struct node *n = make_node();
  cache(n);
}
