; NEGATIVE: objects the program releases itself (free, delete) are left
; alone, even on the paths where the program forgets to: never a second free.
; The printer shows those paths as leaks (check mode's fix-its). realloc
; consumes its argument and returns a new owner; if the old pointer is still
; used after it (the failure path), the old object is left alone.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT

declare ptr @malloc(i64)
declare ptr @realloc(ptr, i64)
declare void @free(ptr)
declare void @borrow(ptr nocapture) nofree nounwind

define void @freed(i1 %c) {
entry:
  %p = call ptr @malloc(i64 8)
  br i1 %c, label %then, label %exit
then:
  call void @free(ptr %p)
  br label %exit
exit:
  ret void
}

define void @reallocated() {
  %p = call ptr @malloc(i64 8)
  %q = call ptr @realloc(ptr %p, i64 16)
  call void @borrow(ptr %q)
  ret void
}

define void @realloc_failure_path() {
entry:
  %p = call ptr @malloc(i64 8)
  %q = call ptr @realloc(ptr %p, i64 16)
  %failed = icmp eq ptr %q, null
  br i1 %failed, label %fail, label %ok
fail:
  call void @borrow(ptr %p)
  ret void
ok:
  call void @borrow(ptr %q)
  ret void
}

; CHECK-LABEL: define void @freed
; CHECK-COUNT-1: call void @free(
; CHECK-NOT:     call void @free(
; CHECK-LABEL: define void @reallocated
; CHECK:       call void @borrow(ptr %q)
; CHECK-NEXT:  call void @free(ptr %q)
; CHECK-NOT:   call void @free(ptr %p)
; CHECK-LABEL: define void @realloc_failure_path
; CHECK-NOT:   call void @free(ptr %p)
; CHECK:       ok:
; CHECK-NEXT:  call void @borrow(ptr %q)
; CHECK-NEXT:  call void @free(ptr %q)
; CHECK-NOT:   call void @free(ptr %p)

; PRINT:      object %p in freed: freed by program: released by the program
; PRINT-NEXT:   leak on edge %entry -> %exit
; PRINT:      object %p in reallocated: owned
; PRINT-NEXT:   reallocated by %q
; PRINT-NOT:    drop
; PRINT:      object %q in reallocated: owned
; PRINT-NEXT:   drop after call @borrow
; PRINT:      object %p in realloc_failure_path: undecided: still used after realloc
; PRINT:      object %q in realloc_failure_path: owned
