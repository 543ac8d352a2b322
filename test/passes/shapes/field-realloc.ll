; Growable arrays: a buffer regrown in place in its field (load the field,
; realloc it, store the non-null result back before anything reads the
; field) is replaced, not released, so the field stays owning and the
; container's drop frees the current buffer. Each function below grows the
; field of its own struct type (%vec.N, so that the nodes stay apart):
;   @grow        the idiom with a failure branch (the store opens the
;                non-null successor): owning
;   @grow_direct `v->items = realloc(v->items, n)`: owning
;   @peek_first  reads the field between the realloc and the store: the
;                field dangles there, so the pointee is released by the
;                program and the field is not owning
;   @other_field stores the result into another field: not owning
;   @write_first a store between the load and the realloc: not owning
; RUN: %opt -passes='print<asap-shapes>' -disable-output %s 2>&1 | FileCheck %s
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SUM
; RUN: %opt -passes=asap-free -S %s | FileCheck %s --check-prefix=FREE

%vec.0 = type { ptr, i64 }
%vec.1 = type { ptr, i64 }
%vec.2 = type { ptr, i64 }
%vec.3 = type { ptr, ptr }
%vec.4 = type { ptr, i64 }

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @realloc(ptr, i64)
declare void @exit(i32) noreturn

define internal void @grow(ptr %v, i64 %n) {
entry:
  %old = load ptr, ptr %v
  %new = call ptr @realloc(ptr %old, i64 %n)
  %failed = icmp eq ptr %new, null
  br i1 %failed, label %oom, label %ok
oom:
  call void @exit(i32 1)
  unreachable
ok:
  store ptr %new, ptr %v
  ret void
}

define internal void @grow_direct(ptr %v, i64 %n) {
  %old = load ptr, ptr %v
  %new = call ptr @realloc(ptr %old, i64 %n)
  store ptr %new, ptr %v
  ret void
}

define internal i8 @peek_first(ptr %v, i64 %n) {
  %old = load ptr, ptr %v
  %new = call ptr @realloc(ptr %old, i64 %n)
  %again = load ptr, ptr %v
  %c = load i8, ptr %again
  store ptr %new, ptr %v
  ret i8 %c
}

define internal void @other_field(ptr %v, i64 %n) {
  %old = load ptr, ptr %v
  %new = call ptr @realloc(ptr %old, i64 %n)
  %spare = getelementptr inbounds %vec.3, ptr %v, i64 0, i32 1
  store ptr %new, ptr %spare
  ret void
}

define internal void @write_first(ptr %v, i64 %n) {
  %old = load ptr, ptr %v
  %len = getelementptr inbounds %vec.4, ptr %v, i64 0, i32 1
  store i64 %n, ptr %len
  %new = call ptr @realloc(ptr %old, i64 %n)
  store ptr %new, ptr %v
  ret void
}

define i64 @main() {
  %v0 = call ptr @calloc(i64 1, i64 16)
  call void @grow(ptr %v0, i64 64)
  call void @grow(ptr %v0, i64 128)
  %v1 = call ptr @calloc(i64 1, i64 16)
  call void @grow_direct(ptr %v1, i64 64)
  %v2 = call ptr @calloc(i64 1, i64 16)
  %c = call i8 @peek_first(ptr %v2, i64 64)
  %v3 = call ptr @calloc(i64 1, i64 16)
  call void @other_field(ptr %v3, i64 64)
  %v4 = call ptr @calloc(i64 1, i64 16)
  call void @write_first(ptr %v4, i64 64)
  ret i64 0
}

; CHECK-LABEL: node {{[0-9]+}}: main/calloc{{$}}
; CHECK-NEXT:   field +0 -> node {{[0-9]+}}: owning
; CHECK-LABEL: node {{[0-9]+}}: main/calloc{{$}}
; CHECK-NEXT:   field +0 -> node {{[0-9]+}}: owning
; CHECK-LABEL: node {{[0-9]+}}: main/calloc{{$}}
; CHECK-NEXT:   field +0 -> node {{[0-9]+}}: not owning: the program releases the pointee itself
; CHECK-LABEL: node {{[0-9]+}}: main/calloc{{$}}
; CHECK-NEXT:   field +0 -> node {{[0-9]+}}: not owning: the program releases the pointee itself
; CHECK-LABEL: node {{[0-9]+}}: main/calloc{{$}}
; CHECK-NEXT:   field +0 -> node {{[0-9]+}}: not owning: the program releases the pointee itself

; The container stays a borrowed parameter: the realloc replaces its child.
; SUM-LABEL: summary grow: returns no pointer
; SUM-NEXT:    param 0 %v: borrowed
; SUM-LABEL: summary grow_direct: returns no pointer
; SUM-NEXT:    param 0 %v: borrowed

; main drops each container whose field is owning with a deep drop (which
; frees the current buffer), and frees the others plainly.
; FREE-LABEL: define i64 @main()
; FREE:         call void @grow(ptr %v0, i64 128)
; FREE-NEXT:    call void @__asap.drop.{{[0-9]+}}(ptr %v0)
; FREE:         call void @grow_direct(ptr %v1, i64 64)
; FREE-NEXT:    call void @__asap.drop.{{[0-9]+}}(ptr %v1)
; FREE:         call i8 @peek_first(ptr %v2, i64 64)
; FREE-NEXT:    call void @free(ptr %v2)
