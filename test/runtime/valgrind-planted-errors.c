// memcheck sees use-after-free, double free and leaks of objects in
// libasaprt's heap: malloc'd ones (valgrind replaces malloc in the
// executable) and collector-owned ones (our client requests).
// REQUIRES: valgrind
// RUN: %clang -O0 -gdwarf-4 -I%srcroot/runtime/include %s %rtlib/libasaprt.a -o %t
// RUN: %valgrind %t 2>&1 | FileCheck --check-prefix=CLEAN %s
// RUN: not %valgrind %t malloc-uaf 2>&1 | FileCheck --check-prefix=UAF %s
// RUN: not %valgrind %t gc-uaf 2>&1 | FileCheck --check-prefix=GCUAF %s
// RUN: not %valgrind %t gc-double-free 2>&1 | FileCheck --check-prefix=GCDOUBLE %s
// RUN: not %valgrind %t leak 2>&1 | FileCheck --check-prefix=LEAK %s
// CLEAN: done
// CLEAN-NOT: Invalid
// UAF: Invalid read of size 4
// GCUAF: Invalid read of size 8
// GCDOUBLE: Invalid free()
// LEAK: 33 bytes in 1 blocks are definitely lost
#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Node {
  struct Node *next;
  long value;
};

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  int *ints = malloc(10 * sizeof(int));
  for (int i = 0; i < 10; i++)
    ints[i] = i;
  free(ints);
  if (!strcmp(mode, "malloc-uaf"))
    printf("%d\n", ints[3]); // UAF: main ({{.*}}valgrind-planted-errors.c:[[@LINE]])
  GC_INIT();
  struct Node *n = GC_MALLOC(sizeof *n);
  n->value = 42;
  for (int i = 0; i < 1000; i++) { // garbage left for the collector
    struct Node *g = GC_MALLOC(sizeof *g);
    g->next = n;
  }
  GC_FREE(n);
  if (!strcmp(mode, "gc-uaf"))
    printf("%ld\n", n->value); // GCUAF: main ({{.*}}valgrind-planted-errors.c:[[@LINE]])
  if (!strcmp(mode, "gc-double-free"))
    GC_FREE(n); // GCDOUBLE: main ({{.*}}valgrind-planted-errors.c:[[@LINE]])
  if (!strcmp(mode, "leak"))
    ((char *)malloc(33))[0] = 1;
  puts("done");
  return 0;
}
