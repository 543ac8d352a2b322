// Soundness example: a select (?:) between two owned buffers. Whichever is
// chosen is used afterwards; the other one must not be lost (or freed while
// the chosen one is still in use, when both are the same object).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  static const char *const Words[] = {"ownership", "borrow", "move", "drop"};
  for (int i = 0; i < 3; ++i) {
    char *a = strdup(Words[i]);
    char *b = strdup(Words[i + 1]);
    if (!a || !b)
      return 1;
    char *longer = strlen(a) >= strlen(b) ? a : b;
    longer[0] = (char)(longer[0] - 'a' + 'A');
    printf("%s vs %s: %s\n", Words[i], Words[i + 1], longer);
  }
  return 0;
}
