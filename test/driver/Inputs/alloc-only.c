/* Allocation-only C: strings are built and printed in a loop and never
 * freed by the program. `asapc build` inserts the releases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t count_vowels(const char *s) {
  size_t n = 0;
  for (; *s; ++s)
    n += strchr("aeiou", *s) != NULL;
  return n;
}

int main(void) {
  const char *words[] = {"allocation", "only", "programs", "leak", "nothing"};
  size_t total = 0;
  for (int i = 0; i < 5; ++i) {
    size_t len = strlen(words[i]);
    char *line = malloc(len * 2 + 2);
    strcpy(line, words[i]);
    strcat(line, "-");
    strcat(line, words[i]);
    total += count_vowels(line);
    printf("%d %s\n", i, line);
  }
  printf("vowels %zu\n", total);
  return 0;
}
