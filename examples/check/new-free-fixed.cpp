// Fixed twin of new-free-bug.cpp: `new` is paired with `delete`.
#include <cstdio>

struct Point {
  int X, Y;
};

static int manhattan(int X, int Y) {
  Point *p = new Point{X, Y};
  int d = (p->X < 0 ? -p->X : p->X) + (p->Y < 0 ? -p->Y : p->Y);
  delete p;
  return d;
}

int main() {
  std::printf("%d\n", manhattan(3, -4));
  return 0;
}
