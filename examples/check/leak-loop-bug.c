// Planted bug (asap-leak): one buffer per loop iteration; the `continue` that
// skips comment lines jumps over the free, so every comment line leaks.
#include <stdio.h>
#include <stdlib.h>

static const char *const Lines[] = {"# header", "alpha", "beta", "# note",
                                    "gamma"};

int main(void) {
  int printed = 0;
  for (int i = 0; i < 5; ++i) {
    char *line = malloc(32);
    if (!line)
      return 1;
    snprintf(line, 32, "%d: %s", i, Lines[i]);
    if (Lines[i][0] == '#') continue; // asap-expect: asap-leak
    puts(line);
    free(line);
    ++printed;
  }
  printf("%d lines printed\n", printed);
  return 0;
}
