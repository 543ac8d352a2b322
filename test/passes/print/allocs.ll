; print<asap-allocs>: every allocation with its allocator, constant size (or
; ?) and family; every deallocation with the operand it releases. Recognition
; goes through TargetLibraryInfo: a user function named like an allocator but
; with another prototype is not one.
; RUN: %opt -passes='print<asap-allocs>' -disable-output %s 2>&1 | FileCheck %s

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare ptr @strdup(ptr)
declare ptr @aligned_alloc(i64, i64)
declare ptr @_Znwm(i64)
declare ptr @_Znam(i64)
declare ptr @GC_malloc(i64)
declare void @free(ptr)
declare void @_ZdlPv(ptr)
declare void @_ZdaPv(ptr)
declare ptr @valloc(i32, i32)

define void @f(ptr %s, i64 %n) {
  %a = call ptr @malloc(i64 16)
  %b = call ptr @calloc(i64 4, i64 %n)
  %c = call ptr @calloc(i64 4, i64 3)
  %d = call ptr @realloc(ptr %a, i64 32)
  %e = call ptr @strdup(ptr %s)
  %f = call ptr @aligned_alloc(i64 16, i64 64)
  %g = call ptr @_Znwm(i64 8)
  %h = call ptr @_Znam(i64 24)
  %i = call ptr @GC_malloc(i64 40)
  %notalloc = call ptr @valloc(i32 1, i32 2)
  call void @free(ptr %b)
  call void @_ZdlPv(ptr %g)
  call void @_ZdaPv(ptr %h)
  ret void
}

; CHECK:      alloc %a in f: malloc(16) family=malloc
; CHECK-NEXT: alloc %b in f: calloc(?) family=malloc
; CHECK-NEXT: alloc %c in f: calloc(12) family=malloc
; CHECK-NEXT: alloc %d in f: realloc(32) family=malloc reallocates %a
; CHECK-NEXT: alloc %e in f: strdup(?) family=malloc
; CHECK-NEXT: alloc %f in f: aligned_alloc(64) family=malloc
; CHECK-NEXT: alloc %g in f: _Znwm(8) family=new
; CHECK-NEXT: alloc %h in f: _Znam(24) family=new[]
; CHECK-NEXT: alloc %i in f: GC_malloc(40) family=gc
; CHECK-NEXT: dealloc in f: realloc(%a) family=malloc
; CHECK-NEXT: dealloc in f: free(%b) family=malloc
; CHECK-NEXT: dealloc in f: _ZdlPv(%g) family=new
; CHECK-NEXT: dealloc in f: _ZdaPv(%h) family=new[]
; CHECK-NOT:  notalloc
