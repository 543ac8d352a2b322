; A list built in a helper: the helper stores each owned cell's predecessor
; into the cell's +8 field (a move), so the field is owning, the helper
; returns a fresh object, a walker borrows it, and the caller releases the
; whole list with the generated iterative drop routine after its last use.
; RUN: %opt -passes='print<asap-shapes>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SHAPES
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SUMMARY
; RUN: %opt -passes=asap-free -S %s | FileCheck %s
; RUN: %opt -asap-summaries=false -passes=asap-free -S %s | FileCheck %s --check-prefix=INTRA

declare ptr @malloc(i64)

define internal ptr @build(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ %n, %entry ], [ %i.next, %body ]
  %head = phi ptr [ null, %entry ], [ %cell, %body ]
  %more = icmp sgt i64 %i, 0
  br i1 %more, label %body, label %exit
body:
  %cell = call ptr @malloc(i64 16)
  store i64 %i, ptr %cell
  %next = getelementptr inbounds i8, ptr %cell, i64 8
  store ptr %head, ptr %next
  %i.next = sub i64 %i, 1
  br label %loop
exit:
  ret ptr %head
}

define internal i64 @sum(ptr %l) {
entry:
  br label %loop
loop:
  %p = phi ptr [ %l, %entry ], [ %q, %body ]
  %s = phi i64 [ 0, %entry ], [ %s1, %body ]
  %end = icmp eq ptr %p, null
  br i1 %end, label %exit, label %body
body:
  %v = load i64, ptr %p
  %s1 = add i64 %s, %v
  %f = getelementptr inbounds i8, ptr %p, i64 8
  %q = load ptr, ptr %f
  br label %loop
exit:
  ret i64 %s
}

define i64 @main() {
  %list = call ptr @build(i64 100)
  %s = call i64 @sum(ptr %list)
  ret i64 %s
}

; SHAPES:      node {{[0-9]+}}: build/malloc
; SHAPES-NEXT:   field +8 -> node {{[0-9]+}}: owning

; SUMMARY: summary build: returns fresh-owned family=malloc
; SUMMARY: summary sum: returns no pointer
; SUMMARY-NEXT: param 0 %l: borrowed

; CHECK-LABEL: define internal ptr @build
; CHECK-NOT:   call void @
; CHECK-LABEL: define i64 @main
; CHECK:       %s = call i64 @sum(ptr %list)
; CHECK-NEXT:  call void @__asap.drop.[[N:[0-9]+]](ptr %list)
; CHECK-NEXT:  ret i64 %s
; The routine: an explicit stack, first in a 16-entry buffer on the C stack,
; moved to the heap when it fills and grown with realloc after that, the
; owning field at +8 pushed when not null, every cell freed.
; CHECK:       define internal void @__asap.drop.[[N]](ptr %root)
; CHECK-DAG:   %inline.stack = alloca [16 x { ptr, i64 }]
; CHECK-DAG:   call ptr @malloc(i64 %
; CHECK-DAG:   call void @llvm.memcpy
; CHECK-DAG:   call ptr @realloc(
; CHECK-DAG:   release:{{.*}}
; CHECK-DAG:   call void @free(ptr %x)
; CHECK-DAG:   node.[[N]]:
; CHECK-NEXT:  getelementptr i8, ptr %x, i64 8
; CHECK-NOT:   call {{.*}}@__asap.drop

; INTRA-LABEL: define i64 @main
; INTRA-NOT:   call void @
; INTRA:       ret i64 %s
