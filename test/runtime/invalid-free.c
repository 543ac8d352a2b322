// Natively, an invalid or double free is one line on stderr and an abort.
// RUN: %clang -O0 %s %rtlib/libasaprt.a -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s
// CHECK: asap: free(): invalid pointer or double free
#include <stdlib.h>

int main(void) {
  char *p = malloc(24);
  free(p);
  free(p);
  return 0;
}
