// The programs of non-heap.c fixed; the guards `buf != local` and
// `name != DefaultName` are followed, so the guarded frees are silent.
// RUN: %clang -O0 -Xclang -disable-O0-optnone -g -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,asap-check' -disable-output %t.ll 2>&1 | count 0
// The same without instcombine/simplifycfg (asap-check on plain SSA form):
// RUN: %opt -passes='inferattrs,function(sroa,mem2reg),cgscc(function-attrs),rpo-function-attrs,asap-check' -disable-output %t.ll 2>&1 | count 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char DefaultName[] = "anonymous";

size_t reverse(const char *Text) {
  char local[16];
  size_t len = strlen(Text);
  char *buf = local;
  if (len >= sizeof(local))
    buf = malloc(len + 1);
  for (size_t i = 0; i < len; ++i)
    buf[i] = Text[len - 1 - i];
  buf[len] = '\0';
  puts(buf);
  if (buf != local)
    free(buf);
  return len;
}

void global_default(const char *Name) {
  char *name = Name ? strdup(Name) : DefaultName;
  puts(name);
  if (name != DefaultName)
    free(name);
}

struct Record {
  int Id;
  char Payload[12];
};

void interior(int id) {
  struct Record *r = malloc(sizeof(struct Record));
  r->Id = id;
  snprintf(r->Payload, sizeof(r->Payload), "#%d", id);
  char *payload = r->Payload;
  puts(payload);
  free(r);
}
