; A pointer that walks from an owned object into memory it points to (a phi
; of the owner and loaded pointers) may still point into the object: the
; object stays alive until the walk's last use and is released after it.
; Storing the walking pointer is an escape of the object.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

@g = global ptr null
declare ptr @malloc(i64)

define i64 @walk() {
entry:
  %o = call ptr @malloc(i64 16)
  store ptr null, ptr %o
  br label %loop
loop:
  %p = phi ptr [ %o, %entry ], [ %next, %body ]
  %done = icmp eq ptr %p, null
  br i1 %done, label %exit, label %body
body:
  %next = load ptr, ptr %p
  br label %loop
exit:
  %r = add i64 0, 1
  ret i64 %r
}

; CHECK-LABEL: define i64 @walk
; CHECK:       exit:
; CHECK-NEXT:  call void @{{free|__asap.drop.[0-9]+}}(ptr %o)
; CHECK-NEXT:  %r = add i64 0, 1

define void @walk_publish() {
entry:
  %o = call ptr @malloc(i64 16)
  store ptr null, ptr %o
  br label %loop
loop:
  %p = phi ptr [ %o, %entry ], [ %next, %body ]
  %done = icmp eq ptr %p, null
  br i1 %done, label %exit, label %body
body:
  store ptr %p, ptr @g
  %next = load ptr, ptr %p
  br label %loop
exit:
  ret void
}

; CHECK-LABEL: define void @walk_publish
; CHECK-NOT:   call void @free
; CHECK:       ret void
