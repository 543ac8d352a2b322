; Takes: a child loaded from an owning field and moved on leaves its
; container. @mirror consumes a tree (it returns its argument on the leaf
; path, so the argument is moved-into-return) and rebuilds the interior
; nodes with their children swapped: the children are loaded from the old
; node (tag at +0, left at +8, right at +16) and passed to recursive calls
; that own them. asap-free stores null into each field right after its load
; and releases the old node with the deep drop, which then finds nothing
; below it. Every call of @mirror passes an object its caller owns, so the
; parameter is owned by the callee (an owning parameter).
; In @reread the field is read again after the child was moved on (into
; @or_leaf's result): nulling it would change what that read sees, so the
; load stays an alias of the container, the child cannot be moved to a new
; owner, and what @or_leaf returns is undecided.
; RUN: %opt -passes='print<asap-summary>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=SUM
; RUN: %opt -passes='print<asap-lastuse>' -disable-output %s 2>&1 | FileCheck %s --check-prefix=LU
; RUN: %opt -passes=asap-free -S %s | FileCheck %s

declare ptr @malloc(i64)

define internal ptr @node(i64 %tag, ptr %l, ptr %r) {
  %n = call ptr @malloc(i64 24)
  store i64 %tag, ptr %n
  %la = getelementptr inbounds i8, ptr %n, i64 8
  store ptr %l, ptr %la
  %ra = getelementptr inbounds i8, ptr %n, i64 16
  store ptr %r, ptr %ra
  ret ptr %n
}

define internal ptr @build(i64 %d) {
entry:
  %leaf = icmp eq i64 %d, 0
  br i1 %leaf, label %mkleaf, label %mknode
mkleaf:
  %lf = call ptr @node(i64 0, ptr null, ptr null)
  ret ptr %lf
mknode:
  %d1 = sub i64 %d, 1
  %a = call ptr @build(i64 %d1)
  %b = call ptr @build(i64 %d1)
  %n = call ptr @node(i64 1, ptr %a, ptr %b)
  ret ptr %n
}

define internal ptr @mirror(ptr %p) {
entry:
  %tag = load i64, ptr %p
  %isleaf = icmp eq i64 %tag, 0
  br i1 %isleaf, label %out, label %interior
interior:
  %la = getelementptr inbounds i8, ptr %p, i64 8
  %l = load ptr, ptr %la
  %ra = getelementptr inbounds i8, ptr %p, i64 16
  %r = load ptr, ptr %ra
  %l2 = call ptr @mirror(ptr %l)
  %r2 = call ptr @mirror(ptr %r)
  %n = call ptr @node(i64 1, ptr %r2, ptr %l2)
  br label %out
out:
  %res = phi ptr [ %p, %entry ], [ %n, %interior ]
  ret ptr %res
}

; Its argument, or a fresh leaf: the argument is moved-into-return.
define internal ptr @or_leaf(ptr %p, i1 %k) {
entry:
  br i1 %k, label %out, label %fresh
fresh:
  %lf = call ptr @node(i64 0, ptr null, ptr null)
  br label %out
out:
  %res = phi ptr [ %p, %entry ], [ %lf, %fresh ]
  ret ptr %res
}

define internal i64 @reread(ptr %t) {
  %la = getelementptr inbounds i8, ptr %t, i64 8
  %c = load ptr, ptr %la
  %m = call ptr @or_leaf(ptr %c, i1 true)
  %again = load ptr, ptr %la
  %same = icmp eq ptr %again, %m
  %v = zext i1 %same to i64
  ret i64 %v
}

define i64 @main() {
  %t = call ptr @build(i64 3)
  %m = call ptr @mirror(ptr %t)
  %tag = load i64, ptr %m
  %t2 = call ptr @build(i64 2)
  %v = call i64 @reread(ptr %t2)
  %s = add i64 %tag, %v
  ret i64 %s
}

; SUM-LABEL: summary mirror: returns fresh-owned family=malloc
; SUM-NEXT:    param 0 %p: moved-into-return; owned by the callee
; SUM-LABEL: summary or_leaf: returns fresh-owned family=malloc
; SUM-NEXT:    param 0 %p: moved-into-return{{$}}
; SUM-LABEL: summary reread: returns no pointer
; SUM-NEXT:    param 0 %t: escapes: passed to 'or_leaf'

; LU-LABEL: object %l2 in mirror (fresh from mirror): owned
; LU-LABEL: object %l in mirror (taken from %la): owned
; LU-NEXT:    moves into %l2
; LU-LABEL: object %r in mirror (taken from %ra): owned
; LU-NEXT:    moves into %r2
; LU-LABEL: object %p in mirror (owning parameter): owned
; LU-NEXT:    aliases: %ra, %la
; LU-NEXT:    moves into %res
; LU-NEXT:    drop after %r{{$}}
; LU-LABEL: object %m in reread (fresh from or_leaf): undecided: may be an argument that is not owned here
; LU-NOT:     object %c in reread

; CHECK-LABEL: define internal ptr @mirror(ptr %p)
; CHECK:       interior:
; CHECK:         %l = load ptr, ptr %la
; CHECK-NEXT:    store ptr null, ptr %la
; CHECK:         %r = load ptr, ptr %ra
; CHECK-NEXT:    store ptr null, ptr %ra
; CHECK-NEXT:    call void @__asap.drop.{{[0-9]+}}(ptr %p)
; CHECK-NEXT:    %l2 = call ptr @mirror(ptr %l)
; CHECK-LABEL: define internal i64 @reread(ptr %t)
; CHECK-NOT:     store ptr null
; CHECK:         ret i64
; CHECK-LABEL: define i64 @main()
; CHECK:         %tag = load i64, ptr %m
; CHECK-NEXT:    call void @__asap.drop.{{[0-9]+}}(ptr %m)
