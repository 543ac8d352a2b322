; NEGATIVE: functions calling setjmp are left alone entirely (a longjmp can
; re-enter after any release); so are functions with inline assembly.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT

declare ptr @malloc(i64)
declare i32 @_setjmp(ptr) returns_twice
declare void @borrow(ptr nocapture) nofree nounwind

define void @jumps(ptr %env) {
  %p = call ptr @malloc(i64 8)
  %r = call i32 @_setjmp(ptr %env)
  call void @borrow(ptr %p)
  ret void
}

define void @asm() {
  %p = call ptr @malloc(i64 8)
  call void asm sideeffect "nop", ""()
  call void @borrow(ptr %p)
  ret void
}

; The same body without setjmp is released (so the test can fail).
define void @plain() {
  %p = call ptr @malloc(i64 8)
  call void @borrow(ptr %p)
  ret void
}

; CHECK-LABEL: define void @jumps
; CHECK-NOT:   @free
; CHECK-LABEL: define void @asm
; CHECK-NOT:   @free
; CHECK-LABEL: define void @plain
; CHECK:       call void @free(ptr %p)

; PRINT: function jumps: left alone: function uses setjmp/longjmp
; PRINT: object %p in jumps: undecided: function uses setjmp/longjmp
; PRINT: function asm: left alone: function contains inline assembly
