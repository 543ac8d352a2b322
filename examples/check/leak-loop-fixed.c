// Fixed twin of leak-loop-bug.c: the comment test happens before the buffer
// is allocated, so no iteration can skip the free.
#include <stdio.h>
#include <stdlib.h>

static const char *const Lines[] = {"# header", "alpha", "beta", "# note",
                                    "gamma"};

int main(void) {
  int printed = 0;
  for (int i = 0; i < 5; ++i) {
    if (Lines[i][0] == '#')
      continue;
    char *line = malloc(32);
    if (!line)
      return 1;
    snprintf(line, 32, "%d: %s", i, Lines[i]);
    puts(line);
    free(line);
    ++printed;
  }
  printf("%d lines printed\n", printed);
  return 0;
}
