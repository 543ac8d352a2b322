; A constructor that stores its parameters into the new object's fields
; takes ownership of them (summary: moved-into-field) when every caller moves
; owned objects (or null) in: the fields are owning, the callers do not
; release what they passed, and the whole tree is released by one deep drop.
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SUMMARY
; RUN: %opt -passes='print<asap-shapes>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SHAPES
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

declare ptr @malloc(i64)
declare void @use(ptr nocapture readonly) nofree nounwind

define internal ptr @node(ptr %l, ptr %r) {
  %n = call ptr @malloc(i64 16)
  store ptr %l, ptr %n
  %rf = getelementptr i8, ptr %n, i64 8
  store ptr %r, ptr %rf
  ret ptr %n
}

define void @main() {
  %a = call ptr @node(ptr null, ptr null)
  %b = call ptr @node(ptr null, ptr null)
  %t = call ptr @node(ptr %a, ptr %b)
  call void @use(ptr %t)
  ret void
}

; SUMMARY:      summary node: returns fresh-owned family=malloc
; SUMMARY-NEXT:   param 0 %l: moved-into-field
; SUMMARY-NEXT:   param 1 %r: moved-into-field

; SHAPES:      node {{[0-9]+}}: node/malloc
; SHAPES-NEXT:   field +0 -> node {{[0-9]+}}: owning
; SHAPES-NEXT:   field +8 -> node {{[0-9]+}}: owning

; CHECK-LABEL: define void @main
; CHECK:       %t = call ptr @node(ptr %a, ptr %b)
; CHECK-NEXT:  call void @use(ptr %t)
; CHECK-NEXT:  call void @__asap.drop.{{[0-9]+}}(ptr %t)
; CHECK-NEXT:  ret void
; CHECK-NOT:   call void @free(ptr %a)

; Using a child after handing it to the constructor would make two owners:
; then the parameter is not moved in and nothing is released.
define internal ptr @node2(ptr %l) {
  %n = call ptr @malloc(i64 8)
  store ptr %l, ptr %n
  ret ptr %n
}
define void @after_move() {
  %a = call ptr @node2(ptr null)
  %t = call ptr @node2(ptr %a)
  call void @use(ptr %a)
  call void @use(ptr %t)
  ret void
}
; CHECK-LABEL: define void @after_move
; CHECK-NOT:   __asap.drop
; CHECK:       ret void
