// Across functions: a helper's object has the family its summary records,
// so releasing the result of a helper that uses `new` with `free` (or a
// malloc helper's with `delete`) is a mismatch, with the path note.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <cstdlib>

struct Point {
  int x, y;
};

Point *make_point() { return new Point{1, 2}; }

Point *alloc_point() { return static_cast<Point *>(std::malloc(sizeof(Point))); }

int wrong_release() {
  Point *p = make_point();
  int x = p->x;
  std::free(p);
  // CHECK: xfn-mismatch.cpp:[[@LINE-1]]:3: warning: memory allocated for 'p' with 'new' is released with 'free'; use 'delete' [asap-mismatched-dealloc]
  // CHECK-NEXT: xfn-mismatch.cpp:[[@LINE-4]]:14: note: 'p' allocated in make_point() at xfn-mismatch.cpp:13 (called here)
  // CHECK-NEXT: xfn-mismatch.cpp:13:30: note: make_point() allocates it here
  return x;
}

int right_release() {
  Point *p = make_point();
  int x = p->x;
  delete p;
  Point *q = alloc_point();
  std::free(q);
  return x;
}

void wrong_delete() {
  Point *q = alloc_point();
  delete q;
  // CHECK: xfn-mismatch.cpp:[[@LINE-1]]:3: warning: memory allocated for 'q' with 'malloc' is released with 'delete'; use 'free' [asap-mismatched-dealloc]
  // CHECK-NEXT: note: 'q' allocated in alloc_point() at xfn-mismatch.cpp:15 (called here)
  // CHECK-NEXT: xfn-mismatch.cpp:15:52: note: alloc_point() allocates it here
}
