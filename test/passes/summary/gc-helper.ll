; A helper returning a GC_malloc'd object is fresh-owned like a malloc one:
; the caller releases the result at its last use (GC_free under the Boehm
; collector, __asap_release under libasaprt). A helper that stores the
; object in a global before returning it is not: the object stays with the
; collector and the caller releases nothing.
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SUM
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -passes=asap-free -asap-runtime -S %s | FileCheck %s --check-prefix=RT

@last = global ptr null

declare ptr @GC_malloc(i64)

define ptr @cell(i64 %v) {
  %p = call ptr @GC_malloc(i64 16)
  store i64 %v, ptr %p
  ret ptr %p
}

define ptr @remembered(i64 %v) {
  %p = call ptr @GC_malloc(i64 16)
  store i64 %v, ptr %p
  store ptr %p, ptr @last
  ret ptr %p
}

define i64 @use() {
  %c = call ptr @cell(i64 7)
  %n = load i64, ptr %c
  %r = call ptr @remembered(i64 8)
  %m = load i64, ptr %r
  %s = add i64 %n, %m
  ret i64 %s
}

; SUM: summary cell: returns fresh-owned family=gc
; SUM: summary remembered: returns unknown

; CHECK-LABEL: define i64 @use(
; CHECK: %n = load i64, ptr %c
; CHECK-NEXT: call void @GC_free(ptr %c)
; CHECK-NOT: call void @GC_free(ptr %r)
; CHECK: ret i64 %s
; RT-LABEL: define i64 @use(
; RT: %n = load i64, ptr %c
; RT-NEXT: call void @__asap_release(ptr %c)
; RT-NOT: __asap_release(ptr %r)
; RT: ret i64 %s
