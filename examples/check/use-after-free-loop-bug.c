// Planted bug (asap-use-after-free): each iteration compares its line with
// the previous one, but the previous line was freed at the end of the last
// iteration.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const Input[] = {"apple", "apple", "pear", "plum", "plum"};

int main(void) {
  char *prev = NULL;
  int repeats = 0;
  for (int i = 0; i < 5; ++i) {
    char *line = strdup(Input[i]);
    if (!line)
      return 1;
    if (prev && strcmp(prev, line) == 0) // asap-expect: asap-use-after-free
      ++repeats;
    puts(line);
    prev = line;
    free(line);
  }
  printf("%d repeats\n", repeats);
  return 0;
}
