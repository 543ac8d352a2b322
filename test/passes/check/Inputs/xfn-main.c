// Uses xfn-util.c's buffers with three bugs only visible across the files.
#include "xfn-util.h"

#include <stdlib.h>

int leaked(int n) {
  struct buf *b = make_buf(n);
  if (!b)
    return 0;
  return buf_len(b);
}

int freed_twice(int n) {
  struct buf *b = make_buf(n);
  if (!b)
    return 0;
  int len = buf_len(b);
  buf_free(b);
  free(b);
  return len;
}

int used_after(int n) {
  struct buf *b = make_buf(n);
  if (!b)
    return 0;
  buf_free(b);
  return buf_len(b);
}

int main(void) { return leaked(1) + freed_twice(2) + used_after(3) != 6; }
