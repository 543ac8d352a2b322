; An owner phi that receives undef (a variable assigned on one path only)
; gets null there instead, so its release is free(NULL) on that path, never
; a free of garbage.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

declare ptr @malloc(i64)
declare void @borrow(ptr nocapture) nofree nounwind

define void @f(i1 %c) {
entry:
  br i1 %c, label %then, label %join
then:
  %a = call ptr @malloc(i64 8)
  br label %join
join:
  %p = phi ptr [ %a, %then ], [ undef, %entry ]
  call void @borrow(ptr %p)
  ret void
}

; CHECK:      %p = phi ptr [ %a, %then ], [ null, %entry ]
; CHECK-NEXT: call void @borrow(ptr %p)
; CHECK-NEXT: call void @free(ptr %p)
