// A release that does not match the allocator: new/free, malloc/delete,
// new[]/delete, new/delete[]. Each is reported at the release with the
// allocation as a note and the matching release named.
// RUN: %clang -x c++ -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm -w %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
#include <cstdio>
#include <cstdlib>

struct Point {
  int X, Y;
};

int new_then_free(int X, int Y) {
  Point *p = new Point{X, Y};
  int d = p->X + p->Y;
  std::free(p);
  return d;
}

int malloc_then_delete(int N) {
  int *values = static_cast<int *>(std::malloc(N * sizeof(int)));
  if (!values)
    return -1;
  for (int i = 0; i < N; ++i)
    values[i] = i;
  int last = values[N - 1];
  delete values;
  return last;
}

double array_then_scalar_delete(int N) {
  double *samples = new double[N];
  for (int i = 0; i < N; ++i)
    samples[i] = i * 0.5;
  double s = samples[N - 1];
  delete samples;
  return s;
}

int scalar_then_array_delete(int X) {
  Point *p = new Point{X, X};
  int s = p->X * p->Y;
  delete[] p;
  return s;
}

// An array of objects with a destructor: new[] stores the count before the
// elements, so `delete` also gets the wrong address. One finding, not two.
struct Resource {
  int Handle = 1;
  ~Resource() { std::printf("closing %d\n", Handle); }
};

int resources_then_scalar_delete(int N) {
  Resource *r = new Resource[N];
  int h = r[0].Handle;
  delete r;
  return h;
}

// CHECK: mismatch.cpp:19:3: warning: memory allocated for 'p' with 'new' is released with 'free'; use 'delete' [asap-mismatched-dealloc]
// CHECK-NEXT: mismatch.cpp:17:14: note: 'p' allocated here
// CHECK: mismatch.cpp:30:3: warning: memory allocated for 'values' with 'malloc' is released with 'delete'; use 'free' [asap-mismatched-dealloc]
// CHECK-NEXT: mismatch.cpp:24:36: note: 'values' allocated here
// CHECK: mismatch.cpp:39:3: warning: memory allocated for 'samples' with 'new[]' is released with 'delete'; use 'delete[]' [asap-mismatched-dealloc]
// CHECK-NEXT: mismatch.cpp:35:21: note: 'samples' allocated here
// CHECK: mismatch.cpp:46:3: warning: memory allocated for 'p' with 'new' is released with 'delete[]'; use 'delete' [asap-mismatched-dealloc]
// CHECK-NEXT: mismatch.cpp:44:14: note: 'p' allocated here
// CHECK: mismatch.cpp:60:3: warning: memory allocated for 'r' with 'new[]' is released with 'delete'; use 'delete[]' [asap-mismatched-dealloc]
// CHECK-NEXT: mismatch.cpp:58:17: note: 'r' allocated here
