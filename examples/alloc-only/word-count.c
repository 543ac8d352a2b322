// Allocation-only example: a letter histogram and a word count over an
// embedded text.
//
// The text is copied and lower-cased into a heap buffer; a calloc'd table
// counts letters and another counts word lengths. A per-word heap buffer
// holds the current word while it is compared against a few keywords. All of
// these live and die inside count_words().
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char Text[] =
    "It was the best of times, it was the worst of times, it was the age of "
    "wisdom, it was the age of foolishness, it was the epoch of belief, it "
    "was the epoch of incredulity, it was the season of Light, it was the "
    "season of Darkness, it was the spring of hope, it was the winter of "
    "despair, we had everything before us, we had nothing before us, we were "
    "all going direct to Heaven, we were all going direct the other way.";

static const char *const Keywords[] = {"it", "was", "the", "of", "we"};
#define NUM_KEYWORDS (sizeof(Keywords) / sizeof(Keywords[0]))

static int is_letter(char c) { return c >= 'a' && c <= 'z'; }

static void print_bars(const unsigned *Counts, int N, char First) {
  for (int i = 0; i < N; ++i) {
    if (!Counts[i])
      continue;
    printf("%c %3u ", First + i, Counts[i]);
    for (unsigned k = 0; k < Counts[i] / 2; ++k)
      putchar('#');
    putchar('\n');
  }
}

static void count_words(const char *Source) {
  size_t len = strlen(Source);
  char *lower = malloc(len + 1);
  unsigned *letters = calloc(26, sizeof(unsigned));
  unsigned *lengths = calloc(16, sizeof(unsigned));
  unsigned *keyword_hits = calloc(NUM_KEYWORDS, sizeof(unsigned));
  if (!lower || !letters || !lengths || !keyword_hits)
    return;
  for (size_t i = 0; i <= len; ++i) {
    char c = Source[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  unsigned words = 0;
  size_t i = 0;
  while (i < len) {
    while (i < len && !is_letter(lower[i]))
      ++i;
    size_t start = i;
    while (i < len && is_letter(lower[i]))
      ++letters[lower[i++] - 'a'];
    size_t wlen = i - start;
    if (!wlen)
      continue;
    ++words;
    ++lengths[wlen < 15 ? wlen : 15];
    char *word = malloc(wlen + 1);
    if (!word)
      return;
    memcpy(word, lower + start, wlen);
    word[wlen] = '\0';
    for (size_t k = 0; k < NUM_KEYWORDS; ++k)
      if (strcmp(word, Keywords[k]) == 0)
        ++keyword_hits[k];
  }
  printf("%u words\n", words);
  print_bars(letters, 26, 'a');
  for (int l = 1; l < 16; ++l)
    if (lengths[l])
      printf("length %2d: %u\n", l, lengths[l]);
  for (size_t k = 0; k < NUM_KEYWORDS; ++k)
    printf("'%s' x %u\n", Keywords[k], keyword_hits[k]);
}

int main(void) {
  count_words(Text);
  return 0;
}
