; An object stored into an owning field moves there: the container owns it
; now. Using it through the old pointer after the store could outlive the
; container's deep drop, so that store does not verify: the field is not
; owning (the shapes printer says why) and the object is an ordinary
; pointer stored to memory, never released. A child loaded back through the
; container afterwards is fine.
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -passes='print<asap-shapes>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SHAPES
; RUN: %opt -passes=asap-free -S %s | FileCheck %s --check-prefix=FREE

declare ptr @malloc(i64)

define i64 @good() {
  %child = call ptr @malloc(i64 16)
  %cell = call ptr @malloc(i64 16)
  store ptr %child, ptr %cell
  %c = load ptr, ptr %cell
  %v = load i64, ptr %c
  ret i64 %v
}

define i64 @bad() {
  %child = call ptr @malloc(i64 16)
  %cell = call ptr @malloc(i64 16)
  store ptr %child, ptr %cell
  %v = load i64, ptr %child
  ret i64 %v
}

; CHECK-LABEL: object %child in good: owned
; CHECK-NEXT:    moves into an owning field
; CHECK-LABEL: object %child in bad: undecided: stored to memory
; SHAPES:      node {{[0-9]+}}: good/malloc
; SHAPES-NEXT:   field +0 -> node {{[0-9]+}}: owning
; SHAPES:      node {{[0-9]+}}: bad/malloc
; SHAPES-NEXT:   field +0 -> node {{[0-9]+}}: not owning: stores an object that is undecided: still used after being stored into an owning field (in bad)
; FREE-LABEL: define i64 @bad(
; FREE-NOT:     call void @free(ptr %child)
; FREE-NOT:     call void @__asap.drop
; FREE:         ret i64 %v
