; Two allocations merged by a phi: both move into the phi, which is released
; once, after its last use. Neither input is released on its own.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT

declare ptr @malloc(i64)
declare i64 @strlen(ptr)

define i64 @f(i1 %c) {
entry:
  br i1 %c, label %then, label %else
then:
  %a = call ptr @malloc(i64 10)
  br label %join
else:
  %b = call ptr @malloc(i64 20)
  br label %join
join:
  %p = phi ptr [ %a, %then ], [ %b, %else ]
  %n = call i64 @strlen(ptr %p)
  %m = add i64 %n, 1
  ret i64 %m
}

; CHECK-LABEL: define i64 @f
; CHECK-NOT:   call void @free(ptr %a)
; CHECK-NOT:   call void @free(ptr %b)
; CHECK:       %n = call i64 @strlen(ptr %p)
; CHECK-NEXT:  call void @free(ptr %p)
; CHECK-NEXT:  %m = add i64 %n, 1
; CHECK-NOT:   @free

; PRINT:      object %a in f: owned
; PRINT-NEXT:   moves into %p
; PRINT-NEXT: object %b in f: owned
; PRINT-NEXT:   moves into %p
; PRINT-NEXT: object %p in f (phi): owned
; PRINT-NEXT:   drop after %n

; The phi's input is still used after the move: two owners would hold the
; same object, so the whole group is left alone.
define void @used_after_move(i1 %c) {
entry:
  %a = call ptr @malloc(i64 10)
  br i1 %c, label %then, label %join
then:
  %b = call ptr @malloc(i64 20)
  br label %join
join:
  %p = phi ptr [ %a, %entry ], [ %b, %then ]
  %n1 = call i64 @strlen(ptr %p)
  %n2 = call i64 @strlen(ptr %a)
  ret void
}

; CHECK-LABEL: define void @used_after_move
; CHECK-NOT:   @free
; CHECK:       ret void

; PRINT-LABEL: object %a in used_after_move: undecided: still used after being moved into %p
; PRINT-NEXT:    moves into %p
; PRINT-NEXT:  object %b in used_after_move: undecided: still used after being moved into %p
