// Allocation-only example: a scratch buffer that lives inside one function.
//
// reverse_words() needs a temporary copy of its input to work on. The buffer
// is allocated, filled, read and printed, and never freed by hand: asapc
// build inserts the release after its last use (the puts call).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reverse_range(char *s, size_t lo, size_t hi) {
  while (lo + 1 < hi) {
    char tmp = s[lo];
    s[lo] = s[hi - 1];
    s[hi - 1] = tmp;
    ++lo;
    --hi;
  }
}

// Prints the words of Line in reverse order, using a heap scratch copy.
static void reverse_words(const char *Line) {
  size_t len = strlen(Line);
  char *scratch = malloc(len + 1);
  if (!scratch)
    return;
  memcpy(scratch, Line, len + 1);
  reverse_range(scratch, 0, len);
  size_t start = 0;
  for (size_t i = 0; i <= len; ++i) {
    if (scratch[i] == ' ' || scratch[i] == '\0') {
      reverse_range(scratch, start, i);
      start = i + 1;
    }
  }
  puts(scratch);
}

int main(void) {
  static const char *const Lines[] = {
      "the quick brown fox jumps over the lazy dog",
      "as soon as possible",
      "free at the last use",
      "one",
  };
  for (int round = 0; round < 3; ++round)
    for (size_t i = 0; i < sizeof(Lines) / sizeof(Lines[0]); ++i)
      reverse_words(Lines[i]);
  return 0;
}
