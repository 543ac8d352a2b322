// Objects the caller owns (pointer parameters) never leak here, but this
// function can release them and then use or release them again. The list
// walk reads n->next after free(n): the phi n holds the parameter on the
// first iteration, which is enough to see it.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  int value;
  struct node *next;
};

void free_list(struct node *head) {
  for (struct node *n = head; n; n = n->next)
    free(n);
}

int consume(char *msg) {
  int len = (int)strlen(msg);
  free(msg);
  return len + msg[0];
}

void release_twice(char *p, int fail) {
  if (fail)
    free(p);
  free(p);
}

// CHECK: params.c:20:41: warning: memory pointed to by parameter 'head' is used after it was freed at line 21 [asap-use-after-free]
// CHECK-NEXT: params.c:21:5: note: 'head' was freed here
// CHECK-NEXT: params.c:19: note: 'head' is a parameter; its memory belongs to the caller
// CHECK: params.c:27:16: warning: memory pointed to by parameter 'msg' is used after it was freed at line 26 [asap-use-after-free]
// CHECK-NEXT: params.c:26:3: note: 'msg' was freed here
// CHECK-NEXT: params.c:24: note: 'msg' is a parameter; its memory belongs to the caller
// CHECK: params.c:33:3: warning: memory pointed to by parameter 'p' is freed twice: it was already freed at line 32 [asap-double-free]
// CHECK-NEXT: params.c:32:5: note: 'p' was freed here
// CHECK-NEXT: params.c:30: note: 'p' is a parameter; its memory belongs to the caller
