; print<asap-summary>: every parameter kind and every return kind, including
; transitive ones (through a callee's summary) and recursive functions
; (fixpoint over the SCC).
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s

@g = global ptr null

declare ptr @malloc(i64)
declare void @free(ptr)
declare ptr @_Znwm(i64)

define ptr @mk(i32 %v) {
  %n = call ptr @malloc(i64 16)
  store i32 %v, ptr %n
  ret ptr %n
}
; CHECK-LABEL: summary mk: returns fresh-owned family=malloc

define ptr @mk_new() {
  %n = call ptr @_Znwm(i64 16)
  ret ptr %n
}
; CHECK-LABEL: summary mk_new: returns fresh-owned family=new

define i32 @reader(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}
; CHECK-LABEL: summary reader: returns no pointer
; CHECK-NEXT:    param 0 %p: borrowed

define void @releaser(ptr %p) {
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: summary releaser: returns no pointer
; CHECK-NEXT:    param 0 %p: consumed

define void @releases_via_callee(ptr %p) {
  call void @releaser(ptr %p)
  ret void
}
; CHECK-LABEL: summary releases_via_callee: returns no pointer
; CHECK-NEXT:    param 0 %p: consumed

define ptr @skip(ptr %s) {
  %q = getelementptr i8, ptr %s, i64 1
  ret ptr %q
}
; CHECK-LABEL: summary skip: returns borrowed-from-param 0
; CHECK-NEXT:    param 0 %s: captured-into-return

define void @link(ptr %node, ptr %next) {
  store ptr %next, ptr %node
  ret void
}
; CHECK-LABEL: summary link: returns no pointer
; CHECK-NEXT:    param 0 %node: borrowed
; CHECK-NEXT:    param 1 %next: captured-into-param 0

define void @publish(ptr %p) {
  store ptr %p, ptr @g
  ret void
}
; CHECK-LABEL: summary publish: returns no pointer
; CHECK-NEXT:    param 0 %p: escapes: stored to global g

define void @publish_via_callee(ptr %p) {
  call void @publish(ptr %p)
  ret void
}
; CHECK-LABEL: summary publish_via_callee: returns no pointer
; CHECK-NEXT:    param 0 %p: escapes: passed to 'publish'

define ptr @leaky() {
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr @g
  ret ptr %p
}
; CHECK-LABEL: summary leaky: returns unknown: the returned object is undecided: stored to global g

define ptr @pick(i1 %c, ptr %a) {
  br i1 %c, label %own, label %borrow
own:
  %n = call ptr @malloc(i64 8)
  ret ptr %n
borrow:
  ret ptr %a
}
; CHECK-LABEL: summary pick: returns unknown: returns different kinds of pointers
; CHECK-NEXT:    param 1 %a: captured-into-return

; Recursive: builds a chain; each node is fresh (the tail is stored into it,
; which is an escape of the tail in this version, not of the node).
define ptr @build(i32 %n) {
entry:
  %stop = icmp eq i32 %n, 0
  br i1 %stop, label %done, label %more
more:
  %m = sub i32 %n, 1
  %tail = call ptr @build(i32 %m)
  %node = call ptr @malloc(i64 16)
  store ptr %tail, ptr %node
  ret ptr %node
done:
  ret ptr null
}
; CHECK-LABEL: summary build: returns fresh-owned family=malloc

; Recursive walk: only loads through its argument.
define i32 @length(ptr %p) {
entry:
  %null = icmp eq ptr %p, null
  br i1 %null, label %zero, label %step
step:
  %next = load ptr, ptr %p
  %r = call i32 @length(ptr %next)
  %r1 = add i32 %r, 1
  ret i32 %r1
zero:
  ret i32 0
}
; CHECK-LABEL: summary length: returns no pointer
; CHECK-NEXT:    param 0 %p: borrowed

; Mutual recursion: one of the two frees its argument, so both consume.
define void @ping(ptr %p, i32 %n) {
  %z = icmp eq i32 %n, 0
  br i1 %z, label %stop, label %go
go:
  %m = sub i32 %n, 1
  call void @pong(ptr %p, i32 %m)
  ret void
stop:
  call void @free(ptr %p)
  ret void
}
define void @pong(ptr %p, i32 %n) {
  call void @ping(ptr %p, i32 %n)
  ret void
}
; CHECK-LABEL: summary ping: returns no pointer
; CHECK-NEXT:    param 0 %p: consumed
; CHECK-LABEL: summary pong: returns no pointer
; CHECK-NEXT:    param 0 %p: consumed

; Loop walk: the phi merges the parameter with pointers loaded from memory;
; it may point into the parameter's object, so it is an alias of it, and
; only loads go through it: borrowed.
define i64 @walk(ptr %l) {
entry:
  br label %loop
loop:
  %p = phi ptr [ %l, %entry ], [ %next, %body ]
  %s = phi i64 [ 0, %entry ], [ %s1, %body ]
  %done = icmp eq ptr %p, null
  br i1 %done, label %exit, label %body
body:
  %v = load i64, ptr %p
  %s1 = add i64 %s, %v
  %nextp = getelementptr i8, ptr %p, i64 8
  %next = load ptr, ptr %nextp
  br label %loop
exit:
  ret i64 %s
}
; CHECK-LABEL: summary walk: returns no pointer
; CHECK-NEXT:    param 0 %l: borrowed

; The same walk publishing what it visits lets the parameter escape.
define void @walk_publish(ptr %l) {
entry:
  br label %loop
loop:
  %p = phi ptr [ %l, %entry ], [ %next, %body ]
  %done = icmp eq ptr %p, null
  br i1 %done, label %exit, label %body
body:
  store ptr %p, ptr @g
  %next = load ptr, ptr %p
  br label %loop
exit:
  ret void
}
; CHECK-LABEL: summary walk_publish: returns no pointer
; CHECK-NEXT:    param 0 %l: escapes: stored to global g
