; Calls to libc functions from the model table borrow the object (even as a
; variadic printf argument); memcpy/strchr return pointers into it, whose
; uses extend its life.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

@fmt = private constant [4 x i8] c"%s\0A\00"

declare ptr @malloc(i64)
declare i64 @strlen(ptr)
declare i32 @printf(ptr, ...)
declare ptr @memcpy(ptr, ptr, i64)
declare ptr @strchr(ptr, i32)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

define i32 @f(ptr %src) {
entry:
  %buf = call ptr @malloc(i64 64)
  call void @llvm.memset.p0.i64(ptr %buf, i8 0, i64 64, i1 false)
  %dst = call ptr @memcpy(ptr %buf, ptr %src, i64 8)
  %n = call i64 @strlen(ptr %buf)
  %r = call i32 (ptr, ...) @printf(ptr @fmt, ptr %buf)
  %comma = call ptr @strchr(ptr %dst, i32 44)
  %c = load i8, ptr %comma
  %v = zext i8 %c to i32
  ret i32 %v
}

; CHECK:      %comma = call ptr @strchr(ptr %dst, i32 44)
; CHECK-NEXT: %c = load i8, ptr %comma
; CHECK-NEXT: call void @free(ptr %buf)
; CHECK-NEXT: %v = zext i8 %c to i32
; CHECK-COUNT-1: @free(
