; An object allocated in a loop body and not carried around the back edge is
; released in the same iteration, after its last use (not after the loop).
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

declare ptr @malloc(i64)
declare void @borrow(ptr nocapture) nofree nounwind

define void @f(i32 %n) {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %buf = call ptr @malloc(i64 16)
  %slot = getelementptr i8, ptr %buf, i64 4
  store i8 1, ptr %slot
  call void @borrow(ptr %buf)
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop

exit:
  ret void
}

; CHECK-LABEL: loop:
; CHECK:       %buf = call ptr @malloc(i64 16)
; CHECK:       call void @borrow(ptr %buf)
; CHECK-NEXT:  call void @free(ptr %buf)
; CHECK-NEXT:  %i.next = add i32 %i, 1
; CHECK-LABEL: exit:
; CHECK-NOT:   @free
; CHECK:       ret void
