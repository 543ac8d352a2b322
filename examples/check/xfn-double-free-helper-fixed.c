// Fixed twin of xfn-double-free-helper-bug.c: the record is released once,
// by record_free().
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
  return score;
}

int main(void) {
  printf("%d\n", best_score());
  return 0;
}
