// A small buffer library in its own file: make_buf() returns a fresh buffer
// the caller owns, buf_free() releases one, buf_len() only reads it.
#include "xfn-util.h"

#include <stdlib.h>

struct buf *make_buf(int n) {
  struct buf *b = malloc(sizeof *b);
  if (b) {
    b->data = calloc(n, 1);
    b->len = n;
  }
  return b;
}

void buf_free(struct buf *b) {
  free(b->data);
  free(b);
}

int buf_len(const struct buf *b) { return b->len; }
