; asap-check only reports: the IR after it is identical to the IR before it,
; even when it finds a leak that asap-free would fix.
; RUN: %opt -passes=verify -S %s -o %t.before
; RUN: %opt -passes=asap-check -S %s -o %t.after 2> %t.diag || true
; RUN: diff %t.before %t.after
; RUN: %opt -passes=asap-free -S %s | FileCheck %s --check-prefix=FREE

declare ptr @malloc(i64)
declare void @borrow(ptr nocapture) nofree nounwind

define void @leaks() {
  %p = call ptr @malloc(i64 8)
  call void @borrow(ptr %p)
  ret void
}

; FREE: call void @free(ptr %p)
