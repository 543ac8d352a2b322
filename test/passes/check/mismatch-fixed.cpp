// The programs of mismatch.cpp with matching releases: asap-check is silent.
// RUN: %clang -x c++ -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm -w %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 | count 0
// The same without instcombine/simplifycfg (asap-check on plain SSA form):
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <cstdio>
#include <cstdlib>
#include <cstring>

struct Point {
  int X, Y;
};

int new_then_delete(int X, int Y) {
  Point *p = new Point{X, Y};
  int d = p->X + p->Y;
  delete p;
  return d;
}

int malloc_then_free(int N) {
  int *values = static_cast<int *>(std::malloc(N * sizeof(int)));
  if (!values)
    return -1;
  for (int i = 0; i < N; ++i)
    values[i] = i;
  int last = values[N - 1];
  std::free(values);
  return last;
}

double array_then_array_delete(int N) {
  double *samples = new double[N];
  for (int i = 0; i < N; ++i)
    samples[i] = i * 0.5;
  double s = samples[N - 1];
  delete[] samples;
  return s;
}

char *strdup_then_free(const char *s) {
  char *copy = strdup(s);
  std::puts(copy);
  std::free(copy);
  return nullptr;
}

struct Resource {
  int Handle = 1;
  ~Resource() { std::printf("closing %d\n", Handle); }
};

int resources_then_array_delete(int N) {
  Resource *r = new Resource[N];
  int h = r[0].Handle;
  delete[] r;
  return h;
}
