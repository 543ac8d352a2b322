// Releasing memory that is not the start of a heap object: a stack array,
// a global, a string literal, a pointer into the middle of a heap object.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char DefaultName[] = "anonymous";

// Small-buffer optimisation freed unconditionally: on the short path the
// pointer is the stack array.
size_t reverse(const char *Text) {
  char local[16];
  size_t len = strlen(Text);
  char *buf = local;
  if (len >= sizeof(local))
    buf = malloc(len + 1);
  for (size_t i = 0; i < len; ++i)
    buf[i] = Text[len - 1 - i];
  buf[len] = '\0';
  puts(buf);
  free(buf);
  return len;
}

void global_default(const char *Name) {
  char *name = Name ? strdup(Name) : DefaultName;
  puts(name);
  free(name);
}

void literal(int verbose) {
  char *msg = verbose ? strdup("verbose") : "quiet";
  puts(msg);
  free(msg);
}

struct Record {
  int Id;
  char Payload[12];
};

void interior(int id) {
  struct Record *r = malloc(sizeof(struct Record));
  r->Id = id;
  snprintf(r->Payload, sizeof(r->Payload), "#%d", id);
  char *payload = r->Payload;
  puts(payload);
  free(payload);
}

// CHECK: non-heap.c:26:3: warning: 'free' called on stack memory 'local'; only heap memory can be released [asap-non-heap-free]
// CHECK: non-heap.c:33:3: warning: 'free' called on global 'DefaultName'; only heap memory can be released [asap-non-heap-free]
// CHECK: non-heap.c:39:3: warning: 'free' called on a string literal; only heap memory can be released [asap-non-heap-free]
// CHECK: non-heap.c:53:3: warning: 'free' called on a pointer 4 bytes from the start of the memory allocated for 'r'; only the start of a heap object can be released [asap-non-heap-free]
// CHECK-NEXT: non-heap.c:48:22: note: 'r' allocated here
