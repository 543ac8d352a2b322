// Ownership benchmark (issue 3): a long list built in a helper and dropped
// in main.
//
// build_list() returns a freshly allocated singly linked list of N cells;
// main sums it and then drops it. The whole list dies at once, so its drop
// must walk it iteratively: a recursive drop of 10^7 cells would overflow the
// C stack. Allocation only.
//
// usage: list-drop [N]   (default 10000000; the e2e test uses a small N)
#include <stdio.h>
#include <stdlib.h>

#ifndef LIST_LENGTH
#define LIST_LENGTH 10000000
#endif

typedef struct Cell {
  long Value;
  struct Cell *Next;
} Cell;

static Cell *build_list(long N) {
  Cell *head = NULL;
  for (long i = N; i > 0; --i) {
    Cell *c = malloc(sizeof(Cell));
    if (!c) {
      fputs("out of memory\n", stderr);
      exit(1);
    }
    c->Value = i;
    c->Next = head;
    head = c;
  }
  return head;
}

static long sum(const Cell *L) {
  long s = 0;
  for (; L; L = L->Next)
    s += L->Value % 1000;
  return s;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : LIST_LENGTH;
  if (n < 0 || n > 100000000) {
    fputs("list-drop: N must be in [0, 100000000]\n", stderr);
    return 2;
  }
  Cell *list = build_list(n);
  printf("%ld cells, sum of values mod 1000: %ld\n", n, sum(list));
  return 0;
}
