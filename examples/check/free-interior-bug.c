// Planted bug (asap-non-heap-free): a length-prefixed record is parsed by
// skipping its header byte, and the cleanup frees the payload pointer, which
// points one byte into the allocation instead of at its start.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_record(const char *Text) {
  size_t len = strlen(Text);
  char *record = malloc(len + 2);
  if (!record)
    return -1;
  record[0] = (char)len;
  memcpy(record + 1, Text, len + 1);
  char *payload = record + 1;
  int header = record[0];
  printf("%d bytes: %s\n", header, payload);
  free(payload); // asap-expect: asap-non-heap-free
  return header;
}

int main(void) {
  printf("%d\n", parse_record("interior"));
  return 0;
}
