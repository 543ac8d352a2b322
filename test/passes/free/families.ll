; The release matches the allocator: operator delete for new, delete[] for
; new[], free for malloc, GC_free for the collector's GC_malloc (see
; gc-family.ll), or __asap_release with -asap-runtime.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -asap-runtime -passes=asap-free -S %s | FileCheck %s --check-prefix=RT

declare ptr @malloc(i64)
declare ptr @_Znwm(i64)
declare ptr @_Znam(i64)
declare ptr @GC_malloc(i64)
declare void @borrow(ptr nocapture) nofree nounwind

define void @f() {
  %m = call ptr @malloc(i64 8)
  %n = call ptr @_Znwm(i64 8)
  %a = call ptr @_Znam(i64 8)
  %g = call ptr @GC_malloc(i64 8)
  call void @borrow(ptr %m)
  call void @borrow(ptr %n)
  call void @borrow(ptr %a)
  call void @borrow(ptr %g)
  ret void
}

; CHECK:      call void @borrow(ptr %m)
; CHECK-NEXT: call void @free(ptr %m)
; CHECK-NEXT: call void @borrow(ptr %n)
; CHECK-NEXT: call void @_ZdlPv(ptr %n)
; CHECK-NEXT: call void @borrow(ptr %a)
; CHECK-NEXT: call void @_ZdaPv(ptr %a)
; CHECK-NEXT: call void @borrow(ptr %g)
; CHECK-NEXT: call void @GC_free(ptr %g)
; CHECK-NEXT: ret void

; RT:      call void @borrow(ptr %m)
; RT-NEXT: call void @__asap_release(ptr %m)
; RT-NOT:  call void @free
