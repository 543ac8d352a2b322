// xfn-main.c fixed: every buffer is released once, after its last use.
#include "xfn-util.h"

int leaked(int n) {
  struct buf *b = make_buf(n);
  if (!b)
    return 0;
  int len = buf_len(b);
  buf_free(b);
  return len;
}

int freed_twice(int n) {
  struct buf *b = make_buf(n);
  if (!b)
    return 0;
  int len = buf_len(b);
  buf_free(b);
  return len;
}

int used_after(int n) {
  struct buf *b = make_buf(n);
  if (!b)
    return 0;
  int len = buf_len(b);
  buf_free(b);
  return len;
}

int main(void) { return leaked(1) + freed_twice(2) + used_after(3) != 6; }
