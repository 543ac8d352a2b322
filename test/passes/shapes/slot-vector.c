// Push-only vectors own their slots [0, count) (SlotVectors.h): the
// elements' pointer fields own their pointees like owning fields, bounded
// by the counter, and the container's deep drop releases them.
//   Names     an array of pointers: names_push stores a strdup'ed name into
//             slot count (the classic check/realloc/exit/store-back idiom)
//   Tokens    an array of records pushed by value: tokens_push memcpys its
//             byval parameter into slot count; callers build the record on
//             the stack (a strndup'ed name, a null name after a memset, a
//             constant initializer) or push a record directly with `=`
//   names_reset  initializes a vector the allowed way (buffer null next to
//             count 0)
// The records' stores are moves into the slots; the program frees nothing
// and memcheck finds every block freed, with the plain build's output.
// REQUIRES: valgrind
// RUN: %clang -O0 -Xclang -disable-O0-optnone -gdwarf-4 -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-shapes>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %asapc explain %s 2>&1 | FileCheck %s --check-prefix=EXPLAIN
// RUN: %opt -passes='asap-prepare,asap-free' %t.ll -o %t.bc
// RUN: %clang %t.bc -o %t.asap
// RUN: %clang %s -o %t.plain
// RUN: %t.plain > %t.expected
// RUN: %valgrind %t.asap > %t.out
// RUN: diff %t.expected %t.out
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char **Items;
  int Count, Cap;
} Names;

typedef struct {
  int Kind;
  char *Text; // Owned by the slot once pushed.
  long Value;
} Token;

typedef struct {
  Token *Items;
  long Count, Cap; // A long counter.
} Tokens;

// CHECK-DAG: slot vector: node {{[0-9]+}} field +0 -> node {{[0-9]+}} (elements of 8 bytes), count at +8
// CHECK-DAG: slot vector: node {{[0-9]+}} field +0 -> node {{[0-9]+}} (elements of 24 bytes), count at +8
// CHECK-DAG: element +0: owning
// CHECK-DAG: element +8: owning
// CHECK-NOT: not a slot vector

static void names_reset(Names *N) {
  N->Items = NULL;
  N->Count = 0;
  N->Cap = 0;
}

static Names *names_new(void) {
  Names *n = malloc(sizeof(Names));
  if (!n)
    exit(1);
  names_reset(n);
  return n;
}

static void names_push(Names *N, const char *S) {
  if (N->Count == N->Cap) {
    N->Cap = N->Cap ? 2 * N->Cap : 4;
    char **bigger = realloc(N->Items, sizeof(char *) * (size_t)N->Cap);
    if (!bigger) {
      fputs("out of memory\n", stderr);
      exit(1);
    }
    N->Items = bigger;
  }
  N->Items[N->Count++] = strdup(S);
}

static Tokens *tokens_new(void) {
  Tokens *t = malloc(sizeof(Tokens));
  if (!t)
    exit(1);
  t->Items = NULL;
  t->Count = t->Cap = 0;
  return t;
}

static void tokens_push(Tokens *T, Token Tok) {
  if (T->Count == T->Cap) {
    T->Cap = T->Cap ? 2 * T->Cap : 2;
    Token *bigger = realloc(T->Items, sizeof(Token) * (size_t)T->Cap);
    if (!bigger)
      exit(1);
    T->Items = bigger;
  }
  T->Items[T->Count++] = Tok;
}

static Tokens *lex(const char *S) {
  Tokens *t = tokens_new();
  for (const char *p = S; *p;) {
    if (*p == ' ') {
      ++p;
    } else if (*p >= '0' && *p <= '9') {
      Token tok;
      memset(&tok, 0, sizeof tok);
      tok.Kind = 1;
      while (*p >= '0' && *p <= '9')
        tok.Value = tok.Value * 10 + (*p++ - '0');
      tokens_push(t, tok);
    } else {
      const char *start = p;
      while (*p && *p != ' ')
        ++p;
      Token tok = {2, strndup(start, (size_t)(p - start)), 0};
      tokens_push(t, tok);
    }
  }
  // A record pushed directly, without the helper.
  if (t->Count == t->Cap) {
    t->Cap = 2 * t->Cap + 1;
    Token *bigger = realloc(t->Items, sizeof(Token) * (size_t)t->Cap);
    if (!bigger)
      exit(1);
    t->Items = bigger;
  }
  Token last = {3, strdup("<end>"), 0};
  t->Items[t->Count++] = last;
  Token end = {4, NULL, 0};
  tokens_push(t, end);
  return t;
}

static long total(const Tokens *T) {
  long s = 0;
  for (long i = 0; i < T->Count; ++i)
    s += T->Items[i].Value + (T->Items[i].Text ? (long)strlen(T->Items[i].Text) : 0);
  return s;
}

int main(void) {
  const char *Lines[] = {"12 apples and 7 pears", "x 1 y 22 z 333", ""};
  long sum = 0;
  for (int r = 0; r < 3; ++r) {
    Names *n = names_new();
    for (int i = 0; i < 3; ++i) {
      Tokens *t = lex(Lines[i]);
      sum += total(t);
      // (A string literal passed here too would join the names' node in
      // the points-to graph and make them escape.)
      if (t->Count > 1 && t->Items[0].Text)
        names_push(n, t->Items[0].Text);
    }
    printf("round %d: %d names, first %s\n", r, n->Count,
           n->Count ? n->Items[0] : "-");
  }
  printf("sum %ld\n", sum);
  return 0;
}

// EXPLAIN: strndup(...) in lex: owned, moved into an owning field
