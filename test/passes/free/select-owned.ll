; A select of two owned objects owns the chosen one (released after its last
; use) and must not lose the other: the operand it did not choose is released
; right after the select, through a second select with swapped operands.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT

declare ptr @malloc(i64)
declare i32 @puts(ptr)

define void @f(i1 %c) {
entry:
  %a = call ptr @malloc(i64 10)
  store i8 0, ptr %a
  %b = call ptr @malloc(i64 20)
  store i8 0, ptr %b
  %s = select i1 %c, ptr %a, ptr %b
  %r = call i32 @puts(ptr %s)
  ret void
}

; CHECK:      %s = select i1 %c, ptr %a, ptr %b
; CHECK-NEXT: %asap.unchosen = select i1 %c, ptr %b, ptr %a
; CHECK-NEXT: call void @free(ptr %asap.unchosen)
; CHECK-NEXT: %r = call i32 @puts(ptr %s)
; CHECK-NEXT: call void @free(ptr %s)
; CHECK-NEXT: ret void
; CHECK-NOT:  call void @free(ptr %a)

; PRINT:      object %s in f (select): owned
; PRINT-NEXT:   drop unchosen operand of %s
; PRINT-NEXT:   drop after %r

; A select between an owned object and null is only a borrow of the object.
define void @with_null(i1 %c) {
entry:
  %a = call ptr @malloc(i64 10)
  store i8 0, ptr %a
  %s = select i1 %c, ptr %a, ptr null
  %r = call i32 @puts(ptr %s)
  ret void
}

; CHECK-LABEL: define void @with_null
; CHECK:       %r = call i32 @puts(ptr %s)
; CHECK-NEXT:  call void @free(ptr %a)

; PRINT-LABEL: object %a in with_null: owned
; PRINT-NEXT:    aliases: %s
; PRINT-NEXT:    drop after %r
