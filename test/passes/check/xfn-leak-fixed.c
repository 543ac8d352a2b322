// xfn-leak.c fixed: every helper result is released (by free, or by the
// module's own destructor), returned to the caller, or handed to a function
// that takes ownership. asap-check is silent.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare-check,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdlib.h>
#include <string.h>

struct buf {
  char *data;
  int len;
};

struct buf *make_buf(int n) {
  struct buf *b = malloc(sizeof *b);
  if (b) {
    b->data = malloc(n);
    b->len = n;
  }
  return b;
}

void destroy(struct buf *b) {
  free(b->data);
  free(b);
}

char *copy_name(const char *s) { return strdup(s); }

int length(const struct buf *b) { return b->len; }

int dropped(int n) {
  struct buf *b = make_buf(n);
  if (!b)
    return -1;
  int len = length(b);
  destroy(b);
  return len;
}

// Returned: the caller owns it now.
struct buf *passed_up(void) {
  struct buf *b = make_buf(8);
  return b;
}

size_t name_length(const char *s) {
  char *name = copy_name(s);
  if (!name)
    return 0;
  size_t n = strlen(name);
  free(name);
  return n;
}

// Returns either a fresh copy or a shared constant: its summary is unknown,
// so dropping the result may be right and nothing is reported.
static char Shared[] = "shared";
char *name_or_shared(const char *s) { return s ? strdup(s) : Shared; }

size_t unknown_result(const char *s) {
  char *name = name_or_shared(s);
  return strlen(name);
}

// Hands the object to a function that keeps it: ownership moved.
struct buf *Kept;
void keep(struct buf *b) { Kept = b; }

void moved_away(void) {
  struct buf *b = make_buf(4);
  keep(b);
}
