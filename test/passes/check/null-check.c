// On the edge where the allocation is known to be null there is no object,
// so `if (!p) return;` is not a leak; the other early return is.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int null_checked(const char *s) {
  char *p = malloc(strlen(s) + 1);
  if (!p)
    return -1;
  strcpy(p, s);
  puts(p);
  free(p);
  return 0;
}

int null_checked_positive_form(const char *s) {
  char *p = malloc(strlen(s) + 1);
  if (p != NULL) {
    strcpy(p, s);
    puts(p);
    free(p);
  }
  return 0;
}

int two_exits(const char *s) {
  char *p = malloc(strlen(s) + 1);
  if (p == NULL)
    return -1;
  strcpy(p, s);
  if (p[0] == 'x') return -2;
  puts(p);
  free(p);
  return 0;
}

// CHECK: null-check.c:37:7: warning: memory allocated for 'p' is never released on the path through line 37 [asap-leak]
// CHECK-NEXT: null-check.c:33:13: note: 'p' allocated here
// CHECK-NEXT: null-check.c:37:7: note: fix: insert 'free(p);' in the branch taken at line 37, before it leaves
