; C++ inline functions (here an implicit constructor) are linkonce_odr: the
; linker may keep another translation unit's copy, but by the one definition
; rule every copy is the same source, so the body is summarized. A plain
; weak (interposable) definition may be replaced by anything and is not.
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SUM
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

declare ptr @_Znwm(i64)

define linkonce_odr void @_ZN5StatsC2Ev(ptr %this) {
  store i64 0, ptr %this
  ret void
}

define weak void @init_weak(ptr %p) {
  store i64 0, ptr %p
  ret void
}

define i64 @use() {
  %s = call ptr @_Znwm(i64 8)
  call void @_ZN5StatsC2Ev(ptr %s)
  %v = load i64, ptr %s
  %w = call ptr @_Znwm(i64 8)
  call void @init_weak(ptr %w)
  ret i64 %v
}

; SUM:      summary _ZN5StatsC2Ev: returns no pointer
; SUM-NEXT:   param 0 %this: borrowed
; SUM-NOT:  summary init_weak

; CHECK-LABEL: define i64 @use()
; CHECK:         %v = load i64, ptr %s
; CHECK-NEXT:    call void @_ZdlPv(ptr %s)
; CHECK-NOT:     call void @_ZdlPv(ptr %w)
; CHECK:         ret i64 %v
