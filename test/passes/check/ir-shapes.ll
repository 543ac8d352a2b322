; asap-check on hand-written IR (no debug info, so findings name their
; function instead of a line): a constant branch, a switch, a select.
; RUN: %opt -passes=asap-check -disable-output %s 2>&1 | FileCheck %s --implicit-check-not=warning:
target triple = "x86_64-pc-linux-gnu"

declare noalias ptr @malloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc"
declare void @free(ptr allocptr nocapture) allockind("free") "alloc-family"="malloc"
declare void @use(ptr nocapture) nofree nounwind

; The edge a constant branch never takes carries nothing: no leak there.
define void @constant_branch(i64 %n) {
entry:
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  br i1 false, label %skip, label %release
release:
  call void @free(ptr %p)
  br label %skip
skip:
  ret void
}

; A switch: case 1 frees, case 2 frees twice, the default forgets it.
define void @switched(i32 %k, i64 %n) {
entry:
  %p = call ptr @malloc(i64 %n)
  call void @use(ptr %p)
  switch i32 %k, label %forget [
    i32 1, label %once
    i32 2, label %twice
  ]
once:
  call void @free(ptr %p)
  br label %done
twice:
  call void @free(ptr %p)
  call void @free(ptr %p)
  br label %done
forget:
  br label %done
done:
  ret void
}

; Of two objects merged by a select and freed through it, the other one
; leaks.
define void @select_one(i1 %c) {
entry:
  %a = call ptr @malloc(i64 4)
  %b = call ptr @malloc(i64 8)
  %p = select i1 %c, ptr %a, ptr %b
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK: asap: warning: memory allocated by 'malloc' is never released on some path (in function 'select_one') [asap-leak]
; CHECK-NEXT: asap: note: memory allocated here
; CHECK-NEXT: asap: note: memory allocated here
; CHECK-NEXT: asap: note: fix: release it with 'free' on this path after its last use
; CHECK: asap: warning: memory allocated by 'malloc' is never released on some path (in function 'switched') [asap-leak]
; CHECK: asap: warning: memory allocated by 'malloc' is freed twice: it was already freed at an earlier point (in function 'switched') [asap-double-free]
