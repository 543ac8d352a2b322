; Objects from the Boehm API (GC_MALLOC and friends through asap's gc.h)
; follow the same ownership rules as malloc'd ones: an owned one is released
; at its last use, with GC_free when the program links the Boehm collector
; and with __asap_release under libasaprt (-asap-runtime), which releases
; collector cells at once. One that escapes stays with the collector.
; RUN: %opt -passes='asap-free' -S %s | FileCheck %s --check-prefixes=CHECK,BOEHM
; RUN: %opt -passes='asap-free' -asap-runtime -S %s | FileCheck %s --check-prefixes=CHECK,RT
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=PRINT

@keep = global ptr null

declare ptr @GC_malloc(i64)
declare ptr @GC_malloc_atomic(i64)
declare ptr @GC_strdup(ptr)
declare void @GC_free(ptr)
declare i64 @strlen(ptr nocapture) nounwind readonly

; PRINT-LABEL: object %buf in scratch: owned
; CHECK-LABEL: define i64 @scratch(
; CHECK: %n = load i64, ptr %buf
; BOEHM-NEXT: call void @GC_free(ptr %buf)
; RT-NEXT: call void @__asap_release(ptr %buf)
; CHECK-NEXT: ret i64 %n
define i64 @scratch() {
  %buf = call ptr @GC_malloc_atomic(i64 64)
  store i64 42, ptr %buf
  %n = load i64, ptr %buf
  ret i64 %n
}

; PRINT-LABEL: object %s in dup: owned
; CHECK-LABEL: define i64 @dup(
; CHECK: %len = call i64 @strlen(ptr %s)
; BOEHM-NEXT: call void @GC_free(ptr %s)
; RT-NEXT: call void @__asap_release(ptr %s)
define i64 @dup(ptr %text) {
  %s = call ptr @GC_strdup(ptr %text)
  %len = call i64 @strlen(ptr %s)
  ret i64 %len
}

; PRINT-LABEL: object %p in escapes: undecided: stored to global
; CHECK-LABEL: define void @escapes(
; CHECK-NOT: GC_free
; CHECK-NOT: __asap_release
; CHECK: ret void
define void @escapes() {
  %p = call ptr @GC_malloc(i64 16)
  store ptr %p, ptr @keep
  ret void
}

; The program's own GC_FREE stays the only release.
; CHECK-LABEL: define void @freed_by_program(
; CHECK: call void @GC_free(ptr %p)
; CHECK-NOT: GC_free
; CHECK-NOT: __asap_release
; CHECK: ret void
define void @freed_by_program() {
  %p = call ptr @GC_malloc(i64 16)
  store i8 0, ptr %p
  call void @GC_free(ptr %p)
  ret void
}
