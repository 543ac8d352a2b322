// Soundness example: the last use of a buffer is through a pointer derived
// from it (strchr's result, a GEP kept in another variable, memcpy's return
// value). Liveness must follow the derived pointers, not only the base.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  static const char *const Lines[] = {"key=value", "name=asap", "x=42"};
  for (int i = 0; i < 3; ++i) {
    char *line = malloc(32);
    if (!line)
      return 1;
    char *end = memcpy(line, Lines[i], strlen(Lines[i]) + 1);
    char *eq = strchr(line, '=');
    char *value = eq ? eq + 1 : end;
    // From here on only derived pointers are used.
    char *tail = value + strlen(value) - 1;
    printf("value '%s' ends with '%c'\n", value, *tail);
  }
  return 0;
}
