// A helper that only reads the array gets nocapture/nofree from
// function-attrs (part of asap-prepare), so passing the array to it is a
// borrow and the array is released after the call. The interprocedural
// summary (on by default at module level) proves the same without the
// attributes. With neither, the call is an escape and nothing is released.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-free' -S %t.ll | FileCheck %s
// RUN: %opt -asap-summaries=false -passes='asap-prepare,asap-free' -S %t.ll | FileCheck %s
// RUN: %opt -passes='function(sroa),asap-free' -S %t.ll | FileCheck %s
// RUN: %opt -asap-summaries=false -passes='function(sroa),asap-free' -S %t.ll | FileCheck %s --check-prefix=NOATTRS
#include <stdlib.h>

__attribute__((noinline)) static long sum(const long *a, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

long total(int n) {
  long *a = malloc(n * sizeof(long));
  for (int i = 0; i < n; i++)
    a[i] = i;
  long s = sum(a, n);
  return s;
}

// CHECK-LABEL: define {{.*}}i64 @total(
// CHECK:       call {{.*}}i64 @sum(ptr {{.*}}%[[A:[a-z0-9.]+]],
// CHECK-NEXT:  call void @free(ptr %[[A]]), !dbg ![[LOC:[0-9]+]]
// CHECK:       ![[LOC]] = !DILocation(line: 24,

// NOATTRS-LABEL: define {{.*}}i64 @total(
// NOATTRS-NOT:   call void @free
// NOATTRS:       ret i64
