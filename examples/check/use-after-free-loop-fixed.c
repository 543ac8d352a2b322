// Fixed twin of use-after-free-loop-bug.c: the previous line is kept alive
// until the next iteration has compared against it.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const Input[] = {"apple", "apple", "pear", "plum", "plum"};

int main(void) {
  char *prev = NULL;
  int repeats = 0;
  for (int i = 0; i < 5; ++i) {
    char *line = strdup(Input[i]);
    if (!line) {
      free(prev);
      return 1;
    }
    if (prev && strcmp(prev, line) == 0)
      ++repeats;
    puts(line);
    free(prev);
    prev = line;
  }
  free(prev);
  printf("%d repeats\n", repeats);
  return 0;
}
