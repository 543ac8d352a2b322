; NEGATIVE: an object returned to the caller is moved, not released; on the
; path where it is not returned it is released. An interior pointer returned
; makes the object undecided.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT

declare ptr @malloc(i64)
declare void @borrow(ptr nocapture) nofree nounwind

define ptr @make() {
  %p = call ptr @malloc(i64 8)
  call void @borrow(ptr %p)
  ret ptr %p
}

define ptr @maybe(i1 %c) {
entry:
  %p = call ptr @malloc(i64 8)
  br i1 %c, label %keep, label %drop
keep:
  ret ptr %p
drop:
  ret ptr null
}

define ptr @interior() {
  %p = call ptr @malloc(i64 8)
  %q = getelementptr i8, ptr %p, i64 4
  ret ptr %q
}

; CHECK-LABEL: define ptr @make
; CHECK-NOT:   @free
; CHECK:       ret ptr %p
; CHECK-LABEL: define ptr @maybe
; CHECK:       keep:
; CHECK-NEXT:  ret ptr %p
; CHECK:       drop:
; CHECK-NEXT:  call void @free(ptr %p)
; CHECK-NEXT:  ret ptr null
; CHECK-LABEL: define ptr @interior
; CHECK-NOT:   call void @free

; PRINT:      object %p in make: owned
; PRINT-NEXT:   moves to caller
; PRINT-NOT:    drop
; PRINT:      object %p in maybe: owned
; PRINT-NEXT:   moves to caller
; PRINT-NEXT:   drop on edge %entry -> %drop
; PRINT:      object %p in interior: undecided: an interior pointer is returned
