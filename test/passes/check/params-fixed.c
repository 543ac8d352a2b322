// The programs of params.c fixed: asap-check is silent.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 | count 0
// The same without instcombine/simplifycfg (asap-check on plain SSA form):
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  int value;
  struct node *next;
};

void free_list(struct node *head) {
  struct node *n = head;
  while (n) {
    struct node *next = n->next;
    free(n);
    n = next;
  }
}

int consume(char *msg) {
  int len = (int)strlen(msg) + msg[0];
  free(msg);
  return len;
}

void release_once(char *p, int fail) {
  if (fail) {
    free(p);
    return;
  }
  puts(p);
  free(p);
}
