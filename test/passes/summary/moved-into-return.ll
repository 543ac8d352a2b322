; Peano-style prepend: prepend(n, b) returns b itself when n == 0, else a
; fresh cell whose owning field holds prepend(n - 1, b). Its summary moves b
; into the result (moved-into-return): the caller's object joins the
; result's group, must be dead after the call, and is released with the
; result by the deep drop. Inside prepend the parameter is foreign, so the
; recursive call's result is undecided there and prepend releases nothing.
; A parameter moved into an object that is not returned escapes.
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SUM
; RUN: %opt -passes='print<asap-shapes>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SHAPES
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=LU
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

declare ptr @malloc(i64)

define internal ptr @cons(ptr %tail) {
  %c = call ptr @malloc(i64 16)
  store ptr %tail, ptr %c
  ret ptr %c
}

define internal ptr @prepend(i64 %n, ptr %b) {
entry:
  %z = icmp eq i64 %n, 0
  br i1 %z, label %out, label %rec
rec:
  %m = sub i64 %n, 1
  %r = call ptr @prepend(i64 %m, ptr %b)
  %c = call ptr @cons(ptr %r)
  br label %out
out:
  %res = phi ptr [ %b, %entry ], [ %c, %rec ]
  ret ptr %res
}

define internal void @not_returned(ptr %b, i1 %k) {
  %f = call ptr @malloc(i64 16)
  %q = select i1 %k, ptr %b, ptr %f
  %v = load ptr, ptr %q
  ret void
}

define i64 @moves() {
  %base = call ptr @cons(ptr null)
  %l = call ptr @prepend(i64 3, ptr %base)
  %t = load ptr, ptr %l
  %isnull = icmp eq ptr %t, null
  %v = zext i1 %isnull to i64
  ret i64 %v
}

define i64 @used_after() {
  %base = call ptr @cons(ptr null)
  %l = call ptr @prepend(i64 3, ptr %base)
  %x = load ptr, ptr %base
  %isnull = icmp eq ptr %x, null
  %v = zext i1 %isnull to i64
  ret i64 %v
}

define void @caller_of_not_returned() {
  %o = call ptr @cons(ptr null)
  call void @not_returned(ptr %o, i1 true)
  ret void
}

; SUM-LABEL: summary prepend: returns fresh-owned family=malloc
; SUM-NEXT:    param 1 %b: moved-into-return
; SUM-LABEL: summary not_returned: returns no pointer
; SUM-NEXT:    param 0 %b: escapes: moved into an object that is not returned

; SHAPES: node {{[0-9]+}}: {{.*}}cons/malloc
; SHAPES-NEXT: field +0 -> node {{[0-9]+}}: owning

; LU-LABEL: object %r in prepend (fresh from prepend): undecided: may be an argument that is not owned here
; LU-LABEL: object %base in moves (fresh from cons): owned
; LU-NEXT:    moves into %l
; LU-LABEL: object %l in moves (fresh from prepend): owned
; LU-NEXT:    aliases: %t
; LU-NEXT:    drop after %isnull
; LU-LABEL: object %base in used_after (fresh from cons): undecided: still used after being moved into %l

; CHECK-LABEL: define internal ptr @prepend(
; CHECK-NOT:     call void @__asap.drop
; CHECK-NOT:     call void @free
; CHECK:         ret ptr %res
; The deep drop reads the owning field, which not_returned never assigns:
; asap-free nulls it right after the allocation.
; CHECK-LABEL: define internal void @not_returned(
; CHECK:         %f = call ptr @malloc(i64 16)
; CHECK-NEXT:    %asap.allocated = icmp ne ptr %f, null
; CHECK-NEXT:    br i1 %asap.allocated, label %[[INIT:.*]], label
; CHECK:       [[INIT]]:
; CHECK-NEXT:    %[[FIELD:.*]] = getelementptr inbounds i8, ptr %f, i64 0
; CHECK-NEXT:    store ptr null, ptr %[[FIELD]]
; CHECK:         call void @__asap.drop.{{[0-9]+}}(ptr %f)
; CHECK-LABEL: define i64 @moves(
; CHECK:         %l = call ptr @prepend(i64 3, ptr %base)
; CHECK-NEXT:    %t = load ptr, ptr %l
; CHECK-NEXT:    %isnull = icmp eq ptr %t, null
; CHECK-NEXT:    call void @__asap.drop.{{[0-9]+}}(ptr %l)
; CHECK-LABEL: define i64 @used_after(
; CHECK-NOT:     call void @__asap.drop
; CHECK:         ret i64 %v
