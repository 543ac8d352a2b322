; A helper that returns NULL when malloc fails (or on any early exit)
; returns phi [null, %fail], [p, %ok]: that phi is the owner moved to the
; caller (fresh-owned), not an interior pointer. The helper releases p on
; the early-exit edge (free(NULL) after a failed malloc, the object itself
; after any other test); the caller releases the result at its last use.
; A phi merging p with an interior pointer of p stays an interior pointer.
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SUM
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

declare ptr @malloc(i64)

define ptr @mk(i32 %v) {
entry:
  %p = call ptr @malloc(i64 16)
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %out, label %ok
ok:
  store i32 %v, ptr %p
  br label %out
out:
  %r = phi ptr [ null, %entry ], [ %p, %ok ]
  ret ptr %r
}

define ptr @mk_unless(i32 %v, i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  store i32 %v, ptr %p
  %r = select i1 %c, ptr null, ptr %p
  ret ptr %r
}

define ptr @mk_interior(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  br i1 %c, label %out, label %ok
ok:
  %q = getelementptr i8, ptr %p, i64 8
  br label %out
out:
  %r = phi ptr [ %p, %entry ], [ %q, %ok ]
  ret ptr %r
}

define i32 @user() {
  %a = call ptr @mk(i32 1)
  %v = load i32, ptr %a
  %b = call ptr @mk_unless(i32 2, i1 false)
  %w = load i32, ptr %b
  %s = add i32 %v, %w
  ret i32 %s
}

; SUM: summary mk: returns fresh-owned family=malloc
; SUM: summary mk_unless: returns fresh-owned family=malloc
; SUM: summary mk_interior: returns unknown: returns an interior pointer

; CHECK-LABEL: define ptr @mk(
; CHECK:       entry:
; CHECK:         br i1 %isnull, label %[[DROP:.*]], label %ok
; CHECK:       [[DROP]]:
; CHECK-NEXT:    call void @free(ptr %p)
; CHECK:       out:
; CHECK-NEXT:    %r = phi ptr
; CHECK-NOT:     call void @free
; CHECK:         ret ptr %r
; CHECK-LABEL: define ptr @mk_unless(
; CHECK:         %r = select i1 %c, ptr null, ptr %p
; CHECK-NEXT:    %[[UNCHOSEN:.*]] = select i1 %c, ptr %p, ptr null
; CHECK-NEXT:    call void @free(ptr %[[UNCHOSEN]])
; CHECK-NEXT:    ret ptr %r
; CHECK-LABEL: define ptr @mk_interior(
; CHECK-NOT:     call void @free
; CHECK-LABEL: define i32 @user(
; CHECK:         %v = load i32, ptr %a
; CHECK-NEXT:    call void @free(ptr %a)
; CHECK:         %w = load i32, ptr %b
; CHECK-NEXT:    call void @free(ptr %b)
