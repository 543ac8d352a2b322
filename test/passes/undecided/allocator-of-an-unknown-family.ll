; my_alloc is an allocator LLVM knows only through its allockind/alloc-family
; attributes, with a family asap does not know ("my_pool"): nobody knows how
; to release its objects, so the object is undecided (and never released).
; RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -passes='asap-prepare,asap-free' -S %s | FileCheck %s --check-prefix=FREE

declare ptr @my_alloc(i64) allockind("alloc,uninitialized") allocsize(0) "alloc-family"="my_pool"
declare void @fill(ptr nocapture writeonly) nofree nounwind

; CHECK: object %p in use: undecided: allocator of an unknown family
; FREE-LABEL: define void @use()
; FREE-NOT:     call {{.*}}free
; FREE-NOT:     __asap
; FREE:         ret void
define void @use() {
  %p = call ptr @my_alloc(i64 8)
  call void @fill(ptr %p)
  ret void
}
