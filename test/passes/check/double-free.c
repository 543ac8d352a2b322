// A second release of an object that may already be released, with the
// earlier release and the allocation as notes.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// An error branch frees and falls through to the common free.
int branch_then_common(const char *s) {
  char *copy = strdup(s);
  if (!copy)
    return -1;
  if (strlen(copy) > 8) {
    puts("too long");
    free(copy);
  }
  free(copy);
  return 0;
}

// Twice in a row, through a cast of the same pointer.
void straight(int n) {
  long *v = malloc(n * sizeof(long));
  for (int i = 0; i < n; i++)
    v[i] = i;
  printf("%ld\n", v[n - 1]);
  free(v);
  free((void *)v);
}

// Freed in the loop body but allocated before the loop: the second
// iteration frees it again (and when the loop does not run, it leaks).
void in_loop(int n) {
  char *msg = malloc(16);
  snprintf(msg, 16, "%d", n);
  puts(msg);
  for (int i = 0; i < n; i++) {
    puts("cleaning up");
    free(msg);
  }
}

// CHECK: double-free.c:21:3: warning: memory allocated for 'copy' is freed twice: it was already freed at line 19 [asap-double-free]
// CHECK-NEXT: double-free.c:19:5: note: 'copy' was freed here
// CHECK-NEXT: double-free.c:14:16: note: 'copy' allocated here
// CHECK: double-free.c:32:3: warning: memory allocated for 'v' is freed twice: it was already freed at line 31 [asap-double-free]
// CHECK-NEXT: double-free.c:31:3: note: 'v' was freed here
// CHECK-NEXT: double-free.c:27:13: note: 'v' allocated here
// CHECK: double-free.c:43:5: warning: memory allocated for 'msg' is freed twice: it was already freed at line 43 in an earlier iteration [asap-double-free]
// CHECK-NEXT: double-free.c:43:5: note: 'msg' was freed here
// CHECK-NEXT: double-free.c:38:15: note: 'msg' allocated here
// CHECK: double-free.c:45:1: warning: memory allocated for 'msg' is never released on the path through line 41 [asap-leak]
// CHECK-NEXT: double-free.c:38:15: note: 'msg' allocated here
// CHECK-NEXT: double-free.c:44: note: fix: insert 'free(msg);' after line 44
