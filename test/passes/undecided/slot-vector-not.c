// Growable arrays that are not push-only vectors (SlotVectors.h): their
// elements own nothing, so what is stored in them is undecided. Each case
// has its own vector type and allocation (no two are unified):
//   V1 take       the first element is taken out, the counter goes down and
//                 the hole at slot 0 stays in range (SlotMoves.h)
//   V2 dup        an element is copied into another slot and kept
//   V3 reserve    a helper regrows the buffer and returns without a push
//   V4 twice      one record is pushed twice (its name would be in two slots)
//   V5 uninit     a record's pointer field may be unwritten (garbage slot)
//   V6 reread     a record's pointer field is read after the push
//   V7 clear      the buffer is cleared without the counter
//   V8 replace    the buffer is replaced by a fresh malloc
//   V9 global     the container escapes through a global
//   V10 sorted    qsort writes the buffer byte-wise
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-shapes>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %asapc explain %s 2>&1 | FileCheck %s --check-prefix=EXPLAIN
// The program still runs as the plain build does, with no invalid access
// (leaks allowed: undecided objects are not released).
// REQUIRES: valgrind
// RUN: %clang -w %s -o %t.plain && %t.plain > %t.expected
// RUN: %asapc build -O1 %s -o %t.asap
// RUN: valgrind -q --leak-check=no --error-exitcode=1 %t.asap > %t.out
// RUN: diff %t.expected %t.out
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VECTOR(V)                                                              \
  typedef struct {                                                             \
    char **Items;                                                              \
    int Count, Cap;                                                            \
  } V;                                                                         \
  static V *V##_new(void) {                                                    \
    V *v = malloc(sizeof(V));                                                  \
    if (!v)                                                                    \
      exit(1);                                                                 \
    v->Items = NULL;                                                           \
    v->Count = v->Cap = 0;                                                     \
    return v;                                                                  \
  }                                                                            \
  static void V##_push(V *v, char *S) {                                        \
    if (v->Count == v->Cap) {                                                  \
      v->Cap = v->Cap ? 2 * v->Cap : 4;                                        \
      char **bigger = realloc(v->Items, sizeof(char *) * (size_t)v->Cap);      \
      if (!bigger)                                                             \
        exit(1);                                                               \
      v->Items = bigger;                                                       \
    }                                                                          \
    v->Items[v->Count++] = S;                                                  \
  }

VECTOR(V1)
VECTOR(V2)
VECTOR(V3)
VECTOR(V7)
VECTOR(V8)
VECTOR(V9)
VECTOR(V10)

// CHECK-DAG: not a slot vector: node {{[0-9]+}}: the counter is set to something else than 0 or one more (in take_first line [[@LINE+5]]); take_first a slot in range may have lost its element at a return (line [[@LINE+7]])
static char *take_first(V1 *v) {
  if (!v->Count)
    return NULL;
  char *s = v->Items[0];
  --v->Count;
  return s;
}
// CHECK-DAG: not a slot vector: node {{[0-9]+}}: an element is written other than by a push (in dup_first line [[@LINE+1]]); dup_first a slot in range may have lost its element at a return (line [[@LINE+1]])
static void dup_first(V2 *v) { v->Items[0] = v->Items[1]; }
// CHECK-DAG: not a slot vector: node {{[0-9]+}}: a regrown buffer may be left without a push (in reserve line [[@LINE+6]])
static void reserve(V3 *v, int N) {
  if (N > v->Cap) {
    char **bigger = realloc(v->Items, sizeof(char *) * (size_t)N);
    if (!bigger)
      exit(1);
    v->Items = bigger;
    v->Cap = N;
  }
}
// CHECK-DAG: not a slot vector: node {{[0-9]+}}: the buffer is cleared without the counter (in clear line [[@LINE+1]])
static void clear(V7 *v) { v->Items = NULL; }
// CHECK-DAG: not a slot vector: node {{[0-9]+}}: the buffer is replaced other than by realloc (in replace line [[@LINE+2]])
static void replace(V8 *v) {
  v->Items = malloc(sizeof(char *) * 64);
  v->Count = 0;
  v->Cap = 64;
}
V9 *Global;
// CHECK-DAG: slot vector: node {{[0-9]+}} field +0 -> node {{[0-9]+}} (elements of 8 bytes), count at +8
// CHECK-DAG: element +0: not owning: the container escapes: reachable from an escaped object
static int by_name(const void *A, const void *B) {
  return strcmp(*(char *const *)A, *(char *const *)B);
}
// CHECK-DAG: element +0: not owning: the buffer is copied or written byte-wise

typedef struct {
  int Kind;
  char *Name;
  long Pad[2]; // Large enough to be passed byval.
} Rec;
#define RECORDS(R)                                                             \
  typedef struct {                                                             \
    Rec *Items;                                                                \
    int Count, Cap;                                                            \
  } R;                                                                         \
  static R *R##_new(void) {                                                    \
    R *r = calloc(1, sizeof(R));                                               \
    if (!r)                                                                    \
      exit(1);                                                                 \
    return r;                                                                  \
  }                                                                            \
  static void R##_push(R *r, Rec X) {                                          \
    if (r->Count == r->Cap) {                                                  \
      r->Cap = r->Cap ? 2 * r->Cap : 4;                                        \
      Rec *bigger = realloc(r->Items, sizeof(Rec) * (size_t)r->Cap);           \
      if (!bigger)                                                             \
        exit(1);                                                               \
      r->Items = bigger;                                                       \
    }                                                                          \
    r->Items[r->Count++] = X;                                                  \
  }
RECORDS(V4)
RECORDS(V5)
RECORDS(V6)

// CHECK-DAG: not a slot vector: node {{[0-9]+}}: byval parameter 1 of V4_push: a pointer field is stored in another block than its copy (in twice line [[@LINE+4]])
static void twice(V4 *v) {
  Rec r = {1, strdup("twice")};
  V4_push(v, r);
  V4_push(v, r);
}
// CHECK-DAG: not a slot vector: node {{[0-9]+}}: byval parameter 1 of V5_push: a pointer field may be uninitialized when copied (in uninit line [[@LINE+6]])
static void uninit(V5 *v, int Flag) {
  Rec r;
  r.Kind = 2;
  if (Flag)
    r.Name = NULL;
  V5_push(v, r);
  Rec ok = {4, strdup("ok")};
  V5_push(v, ok);
}
// CHECK-DAG: not a slot vector: node {{[0-9]+}}: byval parameter 1 of V6_push: a pointer field is read (in reread line [[@LINE+4]])
static void reread(V6 *v) {
  Rec r = {3, strdup("reread")};
  V6_push(v, r);
  puts(r.Name);
}

int main(void) {
  V1 *v1 = V1_new();
  V1_push(v1, strdup("a"));
  printf("%s %d\n", take_first(v1), v1->Count);
  V2 *v2 = V2_new();
  V2_push(v2, strdup("b"));
  V2_push(v2, strdup("c"));
  dup_first(v2);
  V3 *v3 = V3_new();
  reserve(v3, 8);
  V3_push(v3, strdup("d"));
  V7 *v7 = V7_new();
  V7_push(v7, strdup("e"));
  clear(v7);
  V8 *v8 = V8_new();
  replace(v8);
  V8_push(v8, strdup("f"));
  V9 *v9 = V9_new();
  V9_push(v9, strdup("g"));
  Global = v9;
  V10 *v10 = V10_new();
  V10_push(v10, strdup("i"));
  V10_push(v10, strdup("h"));
  qsort(v10->Items, (size_t)v10->Count, sizeof(char *), by_name);
  V4 *v4 = V4_new();
  twice(v4);
  V5 *v5 = V5_new();
  uninit(v5, 1);
  V6 *v6 = V6_new();
  reread(v6);
  printf("%d %d %d %d %d %s %d %d %d\n", v2->Count, v3->Count, v7->Count,
         v8->Count, Global->Count, v10->Items[0], v4->Count, v5->Count,
         v6->Count);
  return 0;
}
// Every strdup above is left undecided.
// EXPLAIN-NOT: strdup(...) in {{.*}}: owned, moved into an owning field
