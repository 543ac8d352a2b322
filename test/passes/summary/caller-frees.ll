; With summaries (default at module level), a call to a helper returning a
; fresh object is an allocation site in the caller: the caller releases it
; at its last use. Borrowing helpers are borrows; consuming helpers are the
; program's releases (no second free); escaping helpers leave it alone.
; Without summaries the helper's result is foreign and nothing is freed.
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -asap-summaries=false -passes=asap-free -S %s | FileCheck %s --check-prefix=INTRA
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT

@g = global ptr null

declare ptr @malloc(i64)
declare void @free(ptr)

define ptr @mk(i32 %v) {
  %n = call ptr @malloc(i64 16)
  store i32 %v, ptr %n
  ret ptr %n
}
define i32 @reader(ptr %p) {
  %v = load i32, ptr %p
  ret i32 %v
}
define void @releaser(ptr %p) {
  call void @free(ptr %p)
  ret void
}
define void @publish(ptr %p) {
  store ptr %p, ptr @g
  ret void
}
define ptr @skip(ptr %s) {
  %q = getelementptr i8, ptr %s, i64 1
  ret ptr %q
}

define i32 @uses() {
  %a = call ptr @mk(i32 1)
  %v = call i32 @reader(ptr %a)
  %b = call ptr @mk(i32 2)
  call void @releaser(ptr %b)
  %c = call ptr @mk(i32 3)
  call void @publish(ptr %c)
  %d = call ptr @mk(i32 4)
  %e = call ptr @skip(ptr %d)
  %x = load i8, ptr %e
  ret i32 %v
}

; CHECK-LABEL: define ptr @mk
; CHECK-NOT:   call void @free
; CHECK-LABEL: define i32 @reader
; CHECK-LABEL: define i32 @uses
; CHECK:       %v = call i32 @reader(ptr %a)
; CHECK-NEXT:  call void @free(ptr %a)
; CHECK-NEXT:  %b = call ptr @mk(i32 2)
; CHECK-NEXT:  call void @releaser(ptr %b)
; CHECK-NEXT:  %c = call ptr @mk(i32 3)
; CHECK-NEXT:  call void @publish(ptr %c)
; CHECK-NEXT:  %d = call ptr @mk(i32 4)
; CHECK-NEXT:  %e = call ptr @skip(ptr %d)
; CHECK-NEXT:  %x = load i8, ptr %e
; CHECK-NEXT:  call void @free(ptr %d)
; CHECK-NEXT:  ret i32 %v

; INTRA-LABEL: define i32 @uses
; INTRA-NOT:   call void @free
; INTRA:       ret i32 %v

; PRINT-LABEL: object %a in uses (fresh from mk): owned
; PRINT-NEXT:    drop after %v
; PRINT-NEXT:  object %b in uses (fresh from mk): freed by program: released by the program
; PRINT-NEXT:  object %c in uses (fresh from mk): undecided: passed to 'publish' which lets it escape (stored to global g)
; PRINT-NEXT:  object %d in uses (fresh from mk): owned
; PRINT-NEXT:    aliases: %e
; PRINT-NEXT:    drop after %x
