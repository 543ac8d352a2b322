// Allocation-only example: strings assembled with strcpy/strcat/strdup.
//
// A path and a sentence are built piece by piece in malloc'd buffers, copied
// with strdup and printed. Nothing is freed by hand; each buffer dies inside
// main's loop body or at the end of describe().
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const Dirs[] = {"usr", "lib", "llvm-16", "bin"};
static const char *const Tools[] = {"clang", "opt", "llc", "lld", "FileCheck"};

static void describe(const char *Tool, int Index) {
  char *path = malloc(128);
  if (!path)
    return;
  path[0] = '\0';
  for (size_t d = 0; d < sizeof(Dirs) / sizeof(Dirs[0]); ++d) {
    strcat(path, "/");
    strcat(path, Dirs[d]);
  }
  strcat(path, "/");
  strcat(path, Tool);
  char *upper = strdup(Tool);
  if (!upper)
    return;
  for (char *c = upper; *c; ++c)
    if (*c >= 'a' && *c <= 'z')
      *c = (char)(*c - 'a' + 'A');
  printf("%d %-10s %-10s %s (%zu chars)\n", Index, Tool, upper, path,
         strlen(path));
}

int main(void) {
  size_t total = 0;
  for (size_t i = 0; i < sizeof(Tools) / sizeof(Tools[0]); ++i) {
    describe(Tools[i], (int)i);
    char *sentence = malloc(64);
    if (!sentence)
      return 1;
    strcpy(sentence, "tool ");
    strcat(sentence, Tools[i]);
    strcat(sentence, " is ready");
    total += strlen(sentence);
    puts(sentence);
  }
  printf("total sentence length: %zu\n", total);
  return 0;
}
