// A function that only ever returns null allocates nothing, whatever its
// return type: its call sites are not allocation sites (sqlite3OomFault,
// whose callers write `return sqlite3OomFault(db);` or ignore the result).
// A helper that returns null on one path and an allocation on another stays
// an allocator, and dropping its result stays a leak.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>

struct db {
  int failed;
};

__attribute__((noinline)) void *oom_fault(struct db *db) {
  db->failed = 1;
  return 0;
}

__attribute__((noinline)) void *oom_twice(struct db *db) {
  if (db->failed)
    return 0;
  return oom_fault(db);
}

__attribute__((noinline)) void *maybe_alloc(struct db *db) {
  if (db->failed)
    return 0;
  return malloc(16);
}

int ignores_null_helpers(struct db *d) {
  oom_fault(d);
  oom_twice(d);
  return d->failed;
}

void *returns_null_helper(struct db *d) { return oom_fault(d); }

int drops_allocation(struct db *d) {
  maybe_alloc(d);
  return d->failed;
}
// CHECK: xfn-null-only.c:[[@LINE-3]]:{{[0-9]+}}: warning: memory allocated by 'maybe_alloc' is never released
