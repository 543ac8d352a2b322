// Planted bug (asap-double-free, across functions): record_free() releases
// a record and its name; the caller, unaware, frees the record again. The
// report is at the caller's free, with the path: record_free() called at the
// line before, and the free inside it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
  char *name;
  int score;
};

static struct record *record_new(const char *name, int score) {
  struct record *r = malloc(sizeof *r);
  if (r) {
    r->name = strdup(name);
    r->score = score;
  }
  return r;
}

static void record_free(struct record *r) {
  free(r->name);
  free(r);
}

static int best_score(void) {
  struct record *r = record_new("ada", 97);
  if (!r)
    return -1;
  int score = r->score;
  record_free(r);
  free(r); // asap-expect: asap-double-free
  return score;
}

int main(void) {
  printf("%d\n", best_score());
  return 0;
}
