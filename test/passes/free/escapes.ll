; NEGATIVE: objects that escape are never released: stored to a global,
; stored into (heap) memory, passed to an unknown or capturing function,
; passed to an indirect call, converted to an integer, merged with a pointer
; that is not owned here.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT
; RUN: %opt -passes=asap-free -pass-remarks-missed=asap-free -disable-output %s 2>&1 | FileCheck %s --check-prefix=REMARK

@g = global ptr null

declare ptr @malloc(i64)
declare void @unknown(ptr)
declare void @keeps(ptr) nofree nounwind
declare void @borrow(ptr nocapture) nofree nounwind

define void @to_global() {
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr @g
  ret void
}

; The container is still owned (stores through it are borrows); what it
; holds escapes.
define void @into_heap() {
  %box = call ptr @malloc(i64 8)
  %p = call ptr @malloc(i64 8)
  store ptr %p, ptr %box
  call void @borrow(ptr %box)
  ret void
}

define void @to_unknown() {
  %p = call ptr @malloc(i64 8)
  call void @unknown(ptr %p)
  ret void
}

define void @to_capturing() {
  %p = call ptr @malloc(i64 8)
  call void @keeps(ptr %p)
  ret void
}

define void @to_indirect(ptr %fn) {
  %p = call ptr @malloc(i64 8)
  call void %fn(ptr %p)
  ret void
}

define i64 @to_int() {
  %p = call ptr @malloc(i64 8)
  %i = ptrtoint ptr %p to i64
  ret i64 %i
}

define void @merged(i1 %c, ptr %arg) {
entry:
  br i1 %c, label %then, label %join
then:
  %p = call ptr @malloc(i64 8)
  br label %join
join:
  %q = phi ptr [ %p, %then ], [ %arg, %entry ]
  call void @borrow(ptr %q)
  ret void
}

; CHECK-LABEL: define void @to_global
; CHECK-NOT:   @free
; CHECK-LABEL: define void @into_heap
; CHECK:       call void @borrow(ptr %box)
; CHECK-NEXT:  call void @free(ptr %box)
; CHECK-NOT:   call void @free(ptr %p)
; CHECK-LABEL: define void @to_unknown
; CHECK-NOT:   @free
; CHECK-LABEL: define void @to_capturing
; CHECK-NOT:   @free
; CHECK-LABEL: define void @to_indirect
; CHECK-NOT:   @free
; CHECK-LABEL: define i64 @to_int
; CHECK-NOT:   @free
; CHECK-LABEL: define void @merged
; CHECK-NOT:   @free
; CHECK:       declare void @free(ptr)

; PRINT: object %p in to_global: undecided: stored to global g
; PRINT: object %box in into_heap: owned
; PRINT: object %p in into_heap: undecided: stored to memory
; PRINT: object %p in to_unknown: undecided: passed to 'unknown' which may keep or free it
; PRINT: object %p in to_capturing: undecided: passed to 'keeps' which may keep or free it
; PRINT: object %p in to_indirect: undecided: passed to an indirect call
; PRINT: object %p in to_int: undecided: converted to an integer
; PRINT: object %p in merged: undecided: merged by a phi with a pointer that is not owned here

; REMARK: remark: <unknown>:0:0: not released: %p (malloc) is undecided: stored to global g
