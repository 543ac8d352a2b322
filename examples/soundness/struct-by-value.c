// Soundness example: a pointer travels inside a struct passed and returned
// by value. trim() returns a Span whose Data points into the caller's buffer,
// so the buffer is still in use after the call through a pointer the caller
// never derived from it directly.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *Data;
  size_t Len;
} Span;

static Span trim(Span S) {
  while (S.Len && S.Data[0] == ' ') {
    ++S.Data;
    --S.Len;
  }
  while (S.Len && S.Data[S.Len - 1] == ' ')
    --S.Len;
  return S;
}

int main(void) {
  static const char *const Inputs[] = {"  padded  ", "tight", "   left",
                                       "right   ", "    "};
  for (size_t i = 0; i < sizeof(Inputs) / sizeof(Inputs[0]); ++i) {
    char *buf = strdup(Inputs[i]);
    if (!buf)
      return 1;
    Span s = trim((Span){buf, strlen(buf)});
    printf("[%.*s] (%zu chars)\n", (int)s.Len, s.Data, s.Len);
  }
  return 0;
}
