; An allocator wrapper (xmalloc: malloc, exit on null, return it) is an
; allocation site at each of its calls: a cell allocated through it does not
; share a points-to node with an unrelated object that escapes through
; another call of the same wrapper, so the cell's field stays owning and
; the cell is released with its child. A function that also keeps the
; pointer (stores it to a global) is no wrapper: its objects share one node,
; which escapes, and nothing it allocates gets owning fields.
; RUN: %opt -passes='print<asap-shapes>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SHAPES
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

@keep = global ptr null
@last = global ptr null

declare ptr @malloc(i64)
declare void @exit(i32)

define internal ptr @xmalloc(i64 %n) {
entry:
  %p = call ptr @malloc(i64 %n)
  %isnull = icmp eq ptr %p, null
  br i1 %isnull, label %fail, label %ok
fail:
  call void @exit(i32 1)
  unreachable
ok:
  ret ptr %p
}

define internal ptr @remembering_malloc(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  store ptr %p, ptr @last
  ret ptr %p
}

define i64 @main() {
  %escaping = call ptr @xmalloc(i64 8)
  store ptr %escaping, ptr @keep
  %child = call ptr @xmalloc(i64 16)
  %cell = call ptr @xmalloc(i64 16)
  %f = getelementptr inbounds i8, ptr %cell, i64 8
  store ptr %child, ptr %f
  %c = load ptr, ptr %f
  %v = load i64, ptr %c
  %r1 = call ptr @remembering_malloc(i64 16)
  %r2 = call ptr @remembering_malloc(i64 16)
  %g = getelementptr inbounds i8, ptr %r1, i64 8
  store ptr %r2, ptr %g
  ret i64 %v
}

; SHAPES:      node {{[0-9]+}}: main/xmalloc{{$}}
; SHAPES-NEXT:   field +8 -> node {{[0-9]+}}: owning
; SHAPES:      node {{[0-9]+}}: remembering_malloc/malloc (escaped: {{.*}})
; SHAPES-NEXT:   field +8 -> node {{[0-9]+}}: not owning

; CHECK-LABEL: define i64 @main(
; CHECK:         %v = load i64, ptr %c
; CHECK-NEXT:    call void @__asap.drop.{{[0-9]+}}(ptr %cell)
; CHECK-NOT:     call void @free(ptr %r
; CHECK-NOT:     @__asap.drop.{{[0-9]+}}(ptr %r
; CHECK:         ret i64 %v
