; Fields that are not owning, one per reason: the pointee escapes (a global
; can reach it), the program frees the pointee, the field is also written as
; an integer, the object is overwritten by a library call (strcpy), a
; setter's caller passes a pointer it does not own, a store puts a borrowed (loaded) pointer into it, a store puts a
; parameter into it. Their containers are released with a plain free (what
; the fields hold is left alone), never with a deep drop.
; RUN: %opt -passes='print<asap-shapes>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SHAPES
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture readonly) nofree nounwind

define void @escaping_child() {
  %box = call ptr @malloc(i64 8)
  %kid = call ptr @malloc(i64 8)
  store ptr %kid, ptr %box
  %k = load ptr, ptr %box
  store ptr %k, ptr @g
  ret void
}

define void @freed_child() {
  %box = call ptr @malloc(i64 8)
  %kid = call ptr @malloc(i64 8)
  store ptr %kid, ptr %box
  call void @use(ptr %box)
  %k = load ptr, ptr %box
  call void @free(ptr %k)
  ret void
}

define void @integer_field(i64 %bits) {
  %box = call ptr @malloc(i64 8)
  %kid = call ptr @malloc(i64 8)
  store ptr %kid, ptr %box
  store i64 %bits, ptr %box
  call void @use(ptr %box)
  ret void
}

define void @shared_child() {
  %a = call ptr @malloc(i64 16)
  %kid = call ptr @malloc(i64 8)
  store ptr %kid, ptr %a
  %k = load ptr, ptr %a
  %second = getelementptr i8, ptr %a, i64 8
  store ptr %k, ptr %second
  call void @use(ptr %a)
  ret void
}

; A setter storing its parameter is fine when every caller moves an owned
; object in (@set, see moved-in.ll), not when one passes a borrowed pointer.
define internal void @set(ptr %box, ptr %kid) {
  store ptr %kid, ptr %box
  ret void
}
define void @param_child(ptr %kid) {
  %box = call ptr @malloc(i64 8)
  call void @set(ptr %box, ptr %kid)
  call void @use(ptr %box)
  ret void
}
define void @outer() {
  %kid = call ptr @malloc(i64 8)
  call void @param_child(ptr %kid)
  ret void
}

define void @clobbered(ptr %src) {
  %box = call ptr @malloc(i64 16)
  %kid = call ptr @malloc(i64 8)
  store ptr %kid, ptr %box
  %r = call ptr @strcpy(ptr %box, ptr %src)
  call void @use(ptr %box)
  ret void
}
declare ptr @strcpy(ptr, ptr)

; SHAPES-DAG: field +0 -> node {{[0-9]+}}: not owning: the object is written byte-wise by a library call
; SHAPES-DAG: field +0 -> node {{[0-9]+}}: not owning: the pointee escapes
; SHAPES-DAG: field +0 -> node {{[0-9]+}}: not owning: the program releases the pointee itself
; SHAPES-DAG: field +0 -> node {{[0-9]+}}: not owning: the field is also accessed as non-pointer data
; SHAPES-DAG: field +8 -> node {{[0-9]+}}: not owning: stores a pointer that is not an owned object (in shared_child)
; SHAPES-DAG: field +0 -> node {{[0-9]+}}: not owning: a caller (param_child) passes a pointer it does not own (in set)

; CHECK-NOT: __asap.drop
