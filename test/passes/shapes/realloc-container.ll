; A container that a realloc produces never has owning fields: asap-free
; nulls owning fields right after each allocation, and a realloc keeps the
; old fields and leaves the new bytes uninitialized, so a deep drop could
; read garbage. The same shape allocated only by malloc is owning.
; RUN: %opt -passes='print<asap-shapes>' -disable-output %s 2>&1 | FileCheck %s

declare ptr @malloc(i64)
declare ptr @realloc(ptr, i64)

define i64 @main() {
  %child = call ptr @malloc(i64 8)
  %box = call ptr @malloc(i64 8)
  %bigger = call ptr @realloc(ptr %box, i64 16)
  store ptr %child, ptr %bigger
  %c = load ptr, ptr %bigger
  %child2 = call ptr @malloc(i64 8)
  %cell = call ptr @malloc(i64 8)
  store ptr %child2, ptr %cell
  %d = load ptr, ptr %cell
  ret i64 0
}

; CHECK:      node {{[0-9]+}}: {{.*}}main/realloc{{.*}} (released by the program)
; CHECK-NEXT:   field +0 -> node {{[0-9]+}}: not owning: the object is reallocated
; CHECK:      node {{[0-9]+}}: main/malloc{{$}}
; CHECK-NEXT:   field +0 -> node {{[0-9]+}}: owning
