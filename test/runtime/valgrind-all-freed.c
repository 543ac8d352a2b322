// A program that frees its malloc'd objects and leaves only unreachable
// collector-owned objects at exit: memcheck reports no leak at all (the
// exit hook's last collection frees the garbage), and libc's own blocks
// (stdio buffer, locale) are released through the replaced free.
// REQUIRES: valgrind
// RUN: %clang -O1 -gdwarf-4 -I%srcroot/runtime/include %s %rtlib/libasaprt.a -o %t
// RUN: valgrind --leak-check=full --error-exitcode=1 %t 2>&1 | FileCheck %s
// CHECK: sum 499500
// CHECK: All heap blocks were freed -- no leaks are possible
// CHECK: ERROR SUMMARY: 0 errors
#include <gc.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Node {
  struct Node *next;
  long value;
};

static long sum_list(int n) {
  struct Node *head = NULL;
  for (int i = 0; i < n; i++) {
    struct Node *node = GC_MALLOC(sizeof *node);
    node->value = i;
    node->next = head;
    head = node;
  }
  long sum = 0;
  for (struct Node *p = head; p; p = p->next)
    sum += p->value;
  return sum;
}

int main(void) {
  setlocale(LC_ALL, "C");
  GC_INIT();
  char *text = strdup("statically managed");
  long sum = sum_list(1000);
  printf("sum %ld (%s)\n", sum, text);
  free(text);
  return 0;
}
