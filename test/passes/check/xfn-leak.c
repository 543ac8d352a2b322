// Across functions: a call to a helper whose summary says it returns a fresh
// object is an allocation site of the caller. Dropping its result is a leak,
// with a note at the call naming the helper and its allocation, and the fix
// in words (the helper's object may own more memory than a free releases).
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// Without the summaries the helpers' results are opaque: silence.
// RUN: %opt -passes='asap-prepare-check,asap-check' -asap-summaries=false \
// RUN:   -disable-output %t.ll 2>&1 | count 0
#include <stdlib.h>
#include <string.h>

struct buf {
  char *data;
  int len;
};

struct buf *make_buf(int n) {
  struct buf *b = malloc(sizeof *b);
  if (b) {
    b->data = malloc(n);
    b->len = n;
  }
  return b;
}

// Two levels: the allocation note names the innermost allocation and the
// helper in between.
struct buf *make_default(void) { return make_buf(64); }

char *copy_name(const char *s) { return strdup(s); }

int length(const struct buf *b) { return b->len; }

int dropped(int n) {
  struct buf *b = make_buf(n);
  if (!b)
    return -1;
  return length(b);
  // CHECK: xfn-leak.c:[[@LINE-1]]:10: warning: memory allocated for 'b' is never released on the path through line [[@LINE-1]] [asap-leak]
  // CHECK-NEXT: xfn-leak.c:[[@LINE-5]]:19: note: 'b' allocated in make_buf() at xfn-leak.c:20 (called here)
  // CHECK-NEXT: xfn-leak.c:20:19: note: make_buf() allocates it here
  // CHECK-NEXT: note: fix: release 'b' on this path after its last use, with the release that matches make_buf() ('free(b);' if it owns no other memory)
}

int through_two(void) {
  struct buf *d = make_default();
  return d ? length(d) : 0;
  // CHECK: xfn-leak.c:[[@LINE-1]]:14: warning: memory allocated for 'd' is never released
  // CHECK-NEXT: xfn-leak.c:[[@LINE-3]]:19: note: 'd' allocated in make_buf() at xfn-leak.c:20 via make_default() (called here)
  // CHECK-NEXT: xfn-leak.c:20:19: note: make_buf() allocates it here
}

size_t name_length(const char *s) {
  char *name = copy_name(s);
  if (!name)
    return 0;
  size_t n = strlen(name);
  // CHECK: xfn-leak.c:[[@LINE-1]]:14: warning: memory allocated for 'name' is never released
  // CHECK-NEXT: note: 'name' allocated in copy_name() at xfn-leak.c:32 (called here)
  // CHECK-NEXT: xfn-leak.c:32:41: note: copy_name() allocates it here
  // CHECK-NEXT: note: fix: release 'name' {{.*}} ('free(name);' if it owns no other memory)
  return n;
}
