// Stack structs that lend what they hold (StackBorrows.h): a cursor struct
// on the stack holds a borrowed pointer to a heap object and is passed by
// address to recursive helpers that only read through it. The store into
// the struct is a borrow: the object stays owned and is released after the
// struct's last reader (valgrind: no leak, no invalid read), and a helper
// that lends its own parameter that way still borrows it.
//   main          owns each Text, lends it through a Cursor declared before
//                 the loop, re-stored every iteration
//   count_words   lends its (borrowed) parameter through its own Cursor
// REQUIRES: valgrind
// RUN: %clang -O0 -Xclang -disable-O0-optnone -gdwarf-4 -S -emit-llvm %s -o %t.ll
// RUN: %opt -passes='asap-prepare,print<asap-shapes>' -disable-output %t.ll 2>&1 | FileCheck %s
// RUN: %opt -passes='asap-prepare,print<asap-summary>' -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=SUM
// RUN: %opt -passes='asap-prepare,print<asap-lastuse>' -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=LAST
// RUN: %asapc explain %s 2>&1 | FileCheck %s --check-prefix=EXPLAIN
// RUN: %opt -passes='asap-prepare,asap-free' %t.ll -o %t.bc
// RUN: %clang %t.bc -o %t.asap
// RUN: %clang %s -o %t.plain
// RUN: %t.plain > %t.expected
// RUN: %valgrind %t.asap > %t.out
// RUN: diff %t.expected %t.out
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *Chars; // Owned: released with the Text.
  int Len;
} Text;

typedef struct {
  const Text *T;
  int Pos;
} Cursor;

// Both cursors reach at(): one node.
// CHECK: stack node {{[0-9]+}}: allocas in main, count_words: lends what it holds
// CHECK: node [[TEXT:[0-9]+]]: make_text/malloc
// CHECK-NEXT: field +0 -> node {{[0-9]+}}: owning
// SUM: summary count_words:
// SUM-NEXT: param 0: borrowed

static Text *make_text(const char *S) {
  Text *t = malloc(sizeof(Text));
  t->Len = (int)strlen(S);
  char *chars = malloc((size_t)t->Len + 1);
  memcpy(chars, S, (size_t)t->Len + 1);
  t->Chars = chars;
  return t;
}

static const char *at(Cursor *C) { return &C->T->Chars[C->Pos]; }

static int skip_word(Cursor *C) {
  if (!*at(C) || isspace((unsigned char)*at(C)))
    return 0;
  ++C->Pos;
  return 1 + skip_word(C);
}

static int longest(Cursor *C) {
  int best = 0;
  while (*at(C)) {
    if (isspace((unsigned char)*at(C))) {
      ++C->Pos;
      continue;
    }
    int n = skip_word(C);
    if (n > best)
      best = n;
  }
  return best;
}

static int count_words(const Text *T) {
  Cursor c = {T, 0};
  int n = 0;
  while (*at(&c)) {
    if (!isspace((unsigned char)*at(&c)) &&
        (c.Pos == 0 || isspace((unsigned char)at(&c)[-1])))
      ++n;
    ++c.Pos;
  }
  return n;
}

int main(void) {
  static const char *const Lines[] = {"the quick brown fox", "  jumps over",
                                      "the lazy dog  ", ""};
  Cursor c;
  for (int r = 0; r < 3; ++r)
    for (unsigned i = 0; i < sizeof(Lines) / sizeof(Lines[0]); ++i) {
      // EXPLAIN: stack-borrow.c:[[#@LINE+1]]:17: 't' = make_text(...) in main: owned, released after its last use on line [[#@LINE+9]]; lent to a stack struct (line [[#@LINE+2]]), kept alive while the struct is read
      Text *t = make_text(Lines[i]);
      c.T = t;
      c.Pos = 0;
      int l = longest(&c);
      // The cursor reads the text after its last direct use: t dies after
      // the printf, not after count_words(t).
      // LAST: object %{{[0-9]+}} in main (fresh from make_text): owned var=t
      // LAST-NEXT: drop after %{{[0-9]+}} line [[#@LINE+1]]
      printf("%d words, longest %d, ends at %d ('%s')\n", count_words(t), l,
             c.Pos, at(&c) - c.Pos);
    }
  return 0;
}
