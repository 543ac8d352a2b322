; Every reason an object stays undecided that no other test prints: each
; function below has one allocation and one use that the ownership rules
; cannot prove safe, and print<asap-lastuse> names the rule. asap-free then
; inserts no release into any of them.
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -passes=asap-free -S %s | FileCheck %s --check-prefix=FREE

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @vlog(i32, ...)
declare void @sink(ptr)
declare i32 @__gxx_personality_v0(...)

; Helpers whose summaries make the caller's argument escape.
define void @store_into(ptr %dst, ptr %v) {
  store ptr %v, ptr %dst
  ret void
}
define ptr @pick(ptr %a, ptr %b, i1 %c) {
  br i1 %c, label %first, label %second
first:
  ret ptr %a
second:
  ret ptr %b
}

; CHECK-LABEL: object %p in called: undecided: called as a function
define void @called() {
  %p = call ptr @malloc(i64 8)
  call void %p()
  ret void
}

; CHECK-LABEL: object %p in bundle: undecided: used in an operand bundle
define void @bundle() {
  %p = call ptr @malloc(i64 8)
  call void @sink(ptr null) [ "deopt"(ptr %p) ]
  ret void
}

; CHECK-LABEL: object %p in variadic: undecided: passed as a variadic argument to 'vlog'
define void @variadic() {
  %p = call ptr @malloc(i64 8)
  call void (i32, ...) @vlog(i32 1, ptr %p)
  ret void
}

; CHECK-LABEL: object %p in into_arg: undecided: passed to 'store_into' which stores it into another argument
define void @into_arg(ptr %slot) {
  %p = call ptr @malloc(i64 8)
  call void @store_into(ptr %slot, ptr %p)
  ret void
}

; CHECK-LABEL: object %p in may_return: undecided: passed to 'pick' which may return it
define void @may_return(ptr %q, i1 %c) {
  %p = call ptr @malloc(i64 8)
  %r = call ptr @pick(ptr %p, ptr %q, i1 %c)
  ret void
}

; CHECK-LABEL: object %p in aggregate: undecided: used by a 'insertvalue' instruction
define { ptr, i32 } @aggregate() {
  %p = call ptr @malloc(i64 8)
  %a = insertvalue { ptr, i32 } undef, ptr %p, 0
  ret { ptr, i32 } %a
}

; CHECK-LABEL: function eh: left alone: function has exception-handling control flow
define void @eh() personality ptr @__gxx_personality_v0 {
  %p = call ptr @malloc(i64 8)
  invoke void @sink(ptr null) to label %ok unwind label %lp
ok:
  ret void
lp:
  %l = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %l
}

; CHECK-LABEL: function tail: left alone: function has a musttail call
define ptr @tail() {
  %p = call ptr @malloc(i64 8)
  %r = musttail call ptr @tail()
  ret ptr %r
}

; CHECK-LABEL: function ibr: left alone: function uses indirectbr
define void @ibr(ptr %to) {
  %p = call ptr @malloc(i64 8)
  indirectbr ptr %to, [label %a]
a:
  ret void
}

; FREE-NOT: call void @free(ptr %p)
; FREE-NOT: call void @_ZdlPv
