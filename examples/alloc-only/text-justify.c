// Allocation-only example: full justification of a paragraph.
//
// Exercises the libc model table and the less common allocators: the output
// line lives in an aligned_alloc'd buffer that is padded with memset, words
// are copied out with strndup and compared with strcmp, the line is shifted
// with memmove and printed with fputs. Every buffer dies inside justify()
// or inside its loop body.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char Paragraph[] =
    "Allocation only programs never call free. The compiler finds the last "
    "use of every object and inserts the release there, so the program "
    "runs in bounded memory without a tracing collector for the objects "
    "whose lifetime it can prove.";

// Words of the paragraph, as offsets into it.
enum { MaxWords = 64 };

static void justify(const char *Text, size_t Width) {
  size_t starts[MaxWords], lens[MaxWords], n = 0;
  for (size_t i = 0; Text[i] && n < MaxWords;) {
    while (Text[i] == ' ')
      ++i;
    size_t s = i;
    while (Text[i] && Text[i] != ' ')
      ++i;
    if (i > s) {
      starts[n] = s;
      lens[n++] = i - s;
    }
  }
  char *line = aligned_alloc(64, 128);
  if (!line)
    return;
  size_t repeated = 0;
  size_t w = 0;
  while (w < n) {
    // Greedy fill: as many words as fit with one space between them.
    size_t first = w, used = lens[w++];
    while (w < n && used + 1 + lens[w] <= Width)
      used += 1 + lens[w++];
    size_t gaps = w - first - 1, extra = Width - used;
    int last_line = w == n;
    memset(line, ' ', 128);
    size_t pos = 0;
    for (size_t k = first; k < w; ++k) {
      char *word = strndup(Text + starts[k], lens[k]);
      if (!word)
        return;
      if (k > first && strcmp(word, "the") == 0)
        ++repeated;
      memcpy(line + pos, word, lens[k]);
      pos += lens[k];
      if (k + 1 < w) {
        size_t pad = 1;
        if (!last_line && gaps)
          pad += extra / gaps + ((k - first) < extra % gaps);
        pos += pad;
      }
    }
    // Indent the last line by two columns, as a closing flourish.
    if (last_line) {
      memmove(line + 2, line, pos);
      memset(line, ' ', 2);
      pos += 2;
    }
    line[pos] = '\n';
    line[pos + 1] = '\0';
    fputs(line, stdout);
  }
  printf("(width %zu: %zu words, 'the' after a line start %zu times)\n", Width,
         n, repeated);
}

int main(void) {
  justify(Paragraph, 40);
  justify(Paragraph, 64);
  return 0;
}
