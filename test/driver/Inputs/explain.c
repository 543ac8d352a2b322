/* One allocation site per decision, for asapc explain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept;

static char *make_copy(const char *s) {
  char *copy = malloc(strlen(s) + 1);
  strcpy(copy, s);
  return copy;
}

int main(void) {
  char *scratch = malloc(16);
  strcpy(scratch, "scratch");
  puts(scratch);

  char *global = malloc(16);
  strcpy(global, "kept");
  kept = global;

  char *mine = malloc(16);
  strcpy(mine, "mine");
  puts(mine);
  free(mine);

  char *copy = make_copy("copy");
  puts(copy);
  puts(kept);
  return 0;
}
