; An object used on one branch only dies on the other branch's edge. When
; that edge is critical it is split; an unused allocation dies right after
; its definition; on the null branch of a malloc check the release is
; free(NULL), a no-op.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

declare ptr @malloc(i64)
declare void @borrow(ptr nocapture) nofree nounwind

define void @critical(i1 %c) {
entry:
  %p = call ptr @malloc(i64 8)
  br i1 %c, label %use, label %exit
use:
  call void @borrow(ptr %p)
  br label %exit
exit:
  ret void
}

; CHECK-LABEL: define void @critical
; CHECK:       br i1 %c, label %use, label %entry.asap.drop
; CHECK:       entry.asap.drop:
; CHECK-NEXT:  call void @free(ptr %p)
; CHECK-NEXT:  br label %exit
; CHECK:       use:
; CHECK-NEXT:  call void @borrow(ptr %p)
; CHECK-NEXT:  call void @free(ptr %p)
; CHECK-NEXT:  br label %exit

define void @unused() {
  %p = call ptr @malloc(i64 8)
  call void @borrow(ptr null)
  ret void
}

; CHECK-LABEL: define void @unused
; CHECK:       %p = call ptr @malloc(i64 8)
; CHECK-NEXT:  call void @free(ptr %p)

define i32 @null_check() {
entry:
  %p = call ptr @malloc(i64 8)
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %fail, label %ok
fail:
  ret i32 1
ok:
  call void @borrow(ptr %p)
  ret i32 0
}

; CHECK-LABEL: define i32 @null_check
; CHECK:       fail:
; CHECK-NEXT:  call void @free(ptr %p)
; CHECK-NEXT:  ret i32 1
; CHECK:       ok:
; CHECK-NEXT:  call void @borrow(ptr %p)
; CHECK-NEXT:  call void @free(ptr %p)
