// A use (load, store, call argument) of an object that may already be
// released: reported at the first such use on each path.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Freed before the log line that reads it.
int log_after_free(int code) {
  char *msg = malloc(64);
  if (!msg)
    return -1;
  snprintf(msg, 64, "code %d", code);
  free(msg);
  if (code)
    printf("error: %s\n", msg);
  return 0;
}

// realloc released the old block when it succeeded; reading it through the
// old pointer is a use after free (the failure path keeps it, and frees it).
int stale_after_realloc(size_t n) {
  char *p = malloc(4);
  if (!p)
    return -1;
  strcpy(p, "abc");
  char *q = realloc(p, n);
  if (!q) {
    free(p);
    return -1;
  }
  puts(p);
  free(q);
  return 0;
}

// Through a derived pointer into the object.
char second_char(const char *s) {
  char *copy = strdup(s);
  char *tail = copy + 1;
  free(copy);
  return *tail;
}

// CHECK: use-after-free.c:20:5: warning: memory allocated for 'msg' is used after it was freed at line 18 [asap-use-after-free]
// CHECK-NEXT: use-after-free.c:18:3: note: 'msg' was freed here
// CHECK-NEXT: use-after-free.c:14:15: note: 'msg' allocated here
// CHECK: use-after-free.c:36:3: warning: memory allocated for 'p' is used after it was released by 'realloc' at line 31 [asap-use-after-free]
// CHECK-NEXT: use-after-free.c:31:13: note: 'p' was released by 'realloc' here
// CHECK-NEXT: use-after-free.c:27:13: note: 'p' allocated here
// CHECK: use-after-free.c:46:10: warning: memory allocated for 'copy' is used after it was freed at line 45 [asap-use-after-free]
// CHECK-NEXT: use-after-free.c:45:3: note: 'copy' was freed here
// CHECK-NEXT: use-after-free.c:43:16: note: 'copy' allocated here
