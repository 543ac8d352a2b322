; An object allocated before a loop and used inside it dies on the loop's
; exit edge; an object carried to the next iteration through a phi (the
; "previous element" pattern) is released by that phi's owner after its last
; use, and the newest one is released when the loop exits.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT

declare ptr @malloc(i64)
declare void @borrow(ptr nocapture) nofree nounwind

define void @before_loop(i32 %n) {
entry:
  %buf = call ptr @malloc(i64 16)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  call void @borrow(ptr %buf)
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  call void @borrow(ptr null)
  ret void
}

; CHECK-LABEL: define void @before_loop
; CHECK:       loop:
; CHECK-NOT:   @free
; CHECK:       exit:
; CHECK-NEXT:  call void @free(ptr %buf)
; CHECK-NEXT:  call void @borrow(ptr null)

define void @previous(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %cur, %loop ]
  %cur = call ptr @malloc(i64 8)
  call void @borrow(ptr %prev)
  call void @borrow(ptr %cur)
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; CHECK-LABEL: define void @previous
; CHECK:       call void @borrow(ptr %prev)
; CHECK-NEXT:  call void @free(ptr %prev)
; CHECK-NEXT:  call void @borrow(ptr %cur)
; CHECK-NOT:   call void @free(ptr %cur)
; CHECK:       exit:
; CHECK-NEXT:  call void @free(ptr %cur)
; CHECK-NEXT:  ret void

; PRINT-LABEL: object %buf in before_loop: owned
; PRINT-NEXT:    drop on edge %loop -> %exit
; PRINT-LABEL: object %cur in previous: owned
; PRINT-NEXT:    moves into %prev
; PRINT-NEXT:    drop on edge %loop -> %exit
; PRINT-NEXT:  object %prev in previous (phi): owned
; PRINT-NEXT:    drop after call @borrow
