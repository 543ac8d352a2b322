; asap-split-array-geps (part of asap-prepare): a GEP with a variable array
; index followed by constant field indices becomes the element address and a
; constant GEP into it, so the points-to graph sees field +16 of an array
; node; GEPs with constant or several variable indices are left alone.
; RUN: %opt -passes='function(asap-split-array-geps)' -S %s | FileCheck %s
%struct.Token = type { i32, i64, ptr, i8 }

define ptr @name(ptr %toks, i64 %i) {
; CHECK-LABEL: @name(
; CHECK-NEXT: %f.element = getelementptr inbounds %struct.Token, ptr %toks, i64 %i
; CHECK-NEXT: %f = getelementptr inbounds %struct.Token, ptr %f.element, i64 0, i32 2
; CHECK-NEXT: %n = load ptr, ptr %f
  %f = getelementptr inbounds %struct.Token, ptr %toks, i64 %i, i32 2
  %n = load ptr, ptr %f
  ret ptr %n
}

define ptr @untouched(ptr %toks, i64 %i, i64 %j) {
; CHECK-LABEL: @untouched(
; CHECK-NEXT: %a = getelementptr inbounds %struct.Token, ptr %toks, i64 %i
; CHECK-NEXT: %b = getelementptr inbounds %struct.Token, ptr %toks, i64 1, i32 2
; CHECK-NEXT: %c = getelementptr inbounds [4 x ptr], ptr %toks, i64 %i, i64 %j
  %a = getelementptr inbounds %struct.Token, ptr %toks, i64 %i
  %b = getelementptr inbounds %struct.Token, ptr %toks, i64 1, i32 2
  %c = getelementptr inbounds [4 x ptr], ptr %toks, i64 %i, i64 %j
  %x = load ptr, ptr %a
  %y = load ptr, ptr %b
  %z = load ptr, ptr %c
  ret ptr %z
}
