// Stack structs that do not lend what they hold (StackBorrows.h): a pointer
// read from the struct may outlive the frame or be released, so storing an
// object into the struct lets it escape, and the object is undecided. Each
// function has its own struct (no two are unified):
//   kept          a helper stores a pointer read from it into a global
//   own_first     a pointer read from it is returned by the function that
//                 owns the struct
//   drop_it       a helper frees a pointer read from it
//   copy_out      a helper copies the struct's pointee out with memcpy
//   smuggle       a helper reads a pointer field through it as an integer
//   lend_and_move it lends, but the object lent also moves on (into an
//                 owner select returned to the caller)
//   outer/inner   one node (peek8 reads both structs); inner's object is
//                 copied into outer's struct, which outlives inner's frame
//   loop_reader   it lends, but is read at the top of a loop before the
//                 store of this iteration (the previous object)
// RUN: %clang -S -emit-llvm -O0 -Xclang -disable-O0-optnone -g %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-shapes>' -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=SHAPE
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s
#include <stdlib.h>
#include <string.h>

typedef struct { char *P; } Ctx1;
typedef struct { char *P; } Ctx2;
typedef struct { char *P; } Ctx3;
typedef struct { char *P; } Ctx4;
typedef struct { char *P; int N; } Ctx5;

char *Saved;

static void keep(Ctx1 *C) {
  // SHAPE-DAG: alloca in kept: does not lend: a pointer read from it is stored to memory (line [[#@LINE+1]])
  Saved = C->P;
}
void kept(void) {
  Ctx1 c;
  // CHECK-DAG: object %{{[0-9]+}} in kept: undecided: stored to memory at line [[#@LINE+1]]
  c.P = malloc(8);
  keep(&c);
}

static char *first(Ctx2 *C) { return C->P; }
char *own_first(char *Arg) {
  Ctx2 c = {Arg};
  // SHAPE-DAG: alloca in own_first: does not lend: a pointer read from it is returned from 'own_first', which owns it (line [[#@LINE+1]])
  return first(&c);
}

static void release(Ctx3 *C) {
  // SHAPE-DAG: alloca in drop_it: does not lend: a pointer read from it is passed to 'free', which may keep or free it (line [[#@LINE+1]])
  free(C->P);
}
void drop_it(void) {
  Ctx3 c;
  c.P = malloc(8);
  release(&c);
}

static void copy(Ctx4 *C, char *To, size_t N) {
  // SHAPE-DAG: alloca in copy_out: does not lend: memory a pointer read from it points to is copied (line [[#@LINE+1]])
  memcpy(To, C->P, N);
}
void copy_out(char *To, size_t N) {
  Ctx4 c;
  c.P = malloc(N);
  copy(&c, To, N);
}

typedef struct { const char *Name; } Rec;
typedef struct { Rec *R; } Ctx6;
static long bits(Ctx6 *C) {
  // SHAPE-DAG: alloca in smuggle: does not lend: a pointer field read through it is loaded as an integer (line [[#@LINE+1]])
  return *(long *)C->R;
}
long smuggle(void) {
  Ctx6 c;
  c.R = malloc(sizeof(Rec));
  c.R->Name = "name";
  return bits(&c);
}

typedef struct { char *P; } Ctx7;
static char head(Ctx7 *C) { return C->P[0]; }
char *lend_and_move(int N) {
  Ctx7 c;
  char *o = calloc(1, 8);
  // CHECK-DAG: object %{{[0-9]+}} in lend_and_move: undecided: lent through a stack struct (line [[#@LINE+1]]) and moved elsewhere
  c.P = o;
  char *r = N ? o : calloc(1, 8);
  head(&c);
  return r;
}

typedef struct { char *P; } Ctx8;
static char peek8(Ctx8 *C) { return C->P ? C->P[0] : 0; }
static void copy_up(Ctx8 *Older, Ctx8 *Mine) {
  // SHAPE-DAG: allocas in outer, inner: does not lend: a pointer read from it is stored into a struct of another frame (line [[#@LINE+1]])
  Older->P = Mine->P;
}
static void inner(Ctx8 *Older) {
  Ctx8 mine;
  // CHECK-DAG: object %{{[0-9]+}} in inner: undecided: stored to memory at line [[#@LINE+1]]
  mine.P = calloc(1, 8);
  copy_up(Older, &mine);
  peek8(&mine);
}
char outer(void) {
  Ctx8 c = {NULL};
  inner(&c);
  return peek8(&c);
}

static int peek(Ctx5 *C) { return C->P ? C->P[0] : 0; }
int loop_reader(int N) {
  Ctx5 c = {NULL, 0};
  int sum = 0;
  // SHAPE-DAG: alloca in loop_reader: lends what it holds
  for (int i = 0; i < N; ++i) {
    sum += peek(&c); // The previous iteration's object.
    char *o = calloc(1, 8);
    // CHECK-DAG: object %{{[0-9]+}} in loop_reader: undecided: lent through a stack struct (line [[#@LINE+1]]) that is read where the store may not have happened (line [[#@LINE-2]])
    c.P = o;
  }
  return sum;
}
