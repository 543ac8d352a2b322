// Planted bug (asap-mismatched-dealloc): an object created with `new` is
// released with free(), which skips the destructor and uses the wrong heap
// API.
#include <cstdio>
#include <cstdlib>

struct Point {
  int X, Y;
};

static int manhattan(int X, int Y) {
  Point *p = new Point{X, Y};
  int d = (p->X < 0 ? -p->X : p->X) + (p->Y < 0 ? -p->Y : p->Y);
  std::free(p); // asap-expect: asap-mismatched-dealloc
  return d;
}

int main() {
  std::printf("%d\n", manhattan(3, -4));
  return 0;
}
