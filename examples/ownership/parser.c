// Ownership benchmark (issue 3): a tokenizer and a recursive-descent parser
// that builds an AST.
//
// Each source line is split into a heap array of tokens (identifier tokens
// own a strdup'ed name), parsed into an AST whose nodes own their children
// and evaluated against a small environment. The tokens and the AST of a
// line become garbage when the next line is processed. Allocation only.
//
// usage: parser [REPEAT]   (default 300 passes over the program text)
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { TNum, TIdent, TOp, TEnd } TokKind;

typedef struct {
  TokKind K;
  long Num;
  char *Name; // TIdent: owned copy of the identifier.
  char Op;
} Token;

typedef struct {
  Token *Toks;
  int Count, Cap;
} TokenList;

typedef struct Ast {
  char Op; // '+', '-', '*', '/', '%', 'n' (number), 'v' (variable), '=' (let)
  long Num;
  char *Name;
  struct Ast *L, *R;
} Ast;

static void *xmalloc(size_t N) {
  void *p = malloc(N);
  if (!p) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  return p;
}

static void push(TokenList *TL, Token T) {
  if (TL->Count == TL->Cap) {
    TL->Cap = TL->Cap ? 2 * TL->Cap : 8;
    Token *bigger = realloc(TL->Toks, sizeof(Token) * (size_t)TL->Cap);
    if (!bigger) {
      fputs("out of memory\n", stderr);
      exit(1);
    }
    TL->Toks = bigger;
  }
  TL->Toks[TL->Count++] = T;
}

static TokenList *tokenize(const char *S) {
  TokenList *tl = xmalloc(sizeof(TokenList));
  tl->Toks = NULL;
  tl->Count = tl->Cap = 0;
  while (*S) {
    if (isspace((unsigned char)*S)) {
      ++S;
    } else if (isdigit((unsigned char)*S)) {
      Token t = {TNum, 0, NULL, 0};
      while (isdigit((unsigned char)*S))
        t.Num = t.Num * 10 + (*S++ - '0');
      push(tl, t);
    } else if (isalpha((unsigned char)*S)) {
      const char *start = S;
      while (isalnum((unsigned char)*S))
        ++S;
      Token t = {TIdent, 0, strndup(start, (size_t)(S - start)), 0};
      push(tl, t);
    } else {
      Token t = {TOp, 0, NULL, *S++};
      push(tl, t);
    }
  }
  Token end = {TEnd, 0, NULL, 0};
  push(tl, end);
  return tl;
}

typedef struct {
  const TokenList *TL;
  int Pos;
} Parser;

static Ast *mk(char Op, long Num, char *Name, Ast *L, Ast *R) {
  Ast *a = xmalloc(sizeof(Ast));
  a->Op = Op;
  a->Num = Num;
  a->Name = Name;
  a->L = L;
  a->R = R;
  return a;
}

static const Token *peek(Parser *P) { return &P->TL->Toks[P->Pos]; }
static int accept_op(Parser *P, char Op) {
  if (peek(P)->K == TOp && peek(P)->Op == Op) {
    ++P->Pos;
    return 1;
  }
  return 0;
}

static Ast *parse_expr(Parser *P);

static Ast *parse_primary(Parser *P) {
  const Token *t = peek(P);
  if (t->K == TNum) {
    ++P->Pos;
    return mk('n', t->Num, NULL, NULL, NULL);
  }
  if (t->K == TIdent) {
    ++P->Pos;
    return mk('v', 0, strdup(t->Name), NULL, NULL);
  }
  if (accept_op(P, '(')) {
    Ast *e = parse_expr(P);
    accept_op(P, ')');
    return e;
  }
  if (accept_op(P, '-'))
    return mk('-', 0, NULL, mk('n', 0, NULL, NULL, NULL), parse_primary(P));
  return mk('n', 0, NULL, NULL, NULL);
}

static Ast *parse_term(Parser *P) {
  Ast *l = parse_primary(P);
  for (;;) {
    char op = peek(P)->K == TOp ? peek(P)->Op : 0;
    if (op != '*' && op != '/' && op != '%')
      return l;
    ++P->Pos;
    l = mk(op, 0, NULL, l, parse_primary(P));
  }
}

static Ast *parse_expr(Parser *P) {
  Ast *l = parse_term(P);
  for (;;) {
    char op = peek(P)->K == TOp ? peek(P)->Op : 0;
    if (op != '+' && op != '-')
      return l;
    ++P->Pos;
    l = mk(op, 0, NULL, l, parse_term(P));
  }
}

// statement := "let" ident "=" expr | expr
static Ast *parse_statement(const TokenList *TL) {
  Parser p = {TL, 0};
  if (peek(&p)->K == TIdent && strcmp(peek(&p)->Name, "let") == 0) {
    ++p.Pos;
    char *name = strdup(peek(&p)->Name ? peek(&p)->Name : "_");
    ++p.Pos;
    accept_op(&p, '=');
    return mk('=', 0, name, parse_expr(&p), NULL);
  }
  return parse_expr(&p);
}

#define MAX_VARS 16
static const char *VarNames[MAX_VARS];
static long VarValues[MAX_VARS];
static int NumVars;

static long lookup(const char *Name) {
  for (int i = 0; i < NumVars; ++i)
    if (strcmp(VarNames[i], Name) == 0)
      return VarValues[i];
  return 0;
}

static void bind(const char *Name, long V) {
  for (int i = 0; i < NumVars; ++i)
    if (strcmp(VarNames[i], Name) == 0) {
      VarValues[i] = V;
      return;
    }
  if (NumVars < MAX_VARS) {
    // The environment keeps names from the static program text only.
    static const char *const Known[] = {"a", "b", "c", "d", "total"};
    for (size_t k = 0; k < sizeof(Known) / sizeof(Known[0]); ++k)
      if (strcmp(Known[k], Name) == 0) {
        VarNames[NumVars] = Known[k];
        VarValues[NumVars++] = V;
      }
  }
}

static long eval(const Ast *A) {
  switch (A->Op) {
  case 'n':
    return A->Num;
  case 'v':
    return lookup(A->Name);
  case '=': {
    long v = eval(A->L);
    bind(A->Name, v);
    return v;
  }
  }
  long l = eval(A->L), r = eval(A->R);
  switch (A->Op) {
  case '+':
    return l + r;
  case '-':
    return l - r;
  case '*':
    return l * r;
  case '/':
    return r ? l / r : 0;
  case '%':
    return r ? l % r : 0;
  }
  return 0;
}

static int depth(const Ast *A) {
  if (!A)
    return 0;
  int l = depth(A->L), r = depth(A->R);
  return 1 + (l > r ? l : r);
}

static const char *const Program[] = {
    "let a = 6 * 7",
    "let b = (a - 2) / 5 + a % 4",
    "let c = -(b * b) + 3 * (a + b) - 1",
    "let d = ((((a + 1) * 2 + 3) * 4 + 5) * 6 + 7) % 1000",
    "let total = a + b + c + d",
    "total * 2 - (a * b) / (c % 7 + 8)",
};

int main(int argc, char **argv) {
  int repeat = argc > 1 ? atoi(argv[1]) : 300;
  if (repeat < 1 || repeat > 1000000) {
    fputs("parser: REPEAT must be in [1, 1000000]\n", stderr);
    return 2;
  }
  long checksum = 0;
  for (int r = 0; r < repeat; ++r) {
    NumVars = 0;
    for (size_t i = 0; i < sizeof(Program) / sizeof(Program[0]); ++i) {
      TokenList *tl = tokenize(Program[i]);
      Ast *ast = parse_statement(tl);
      long v = eval(ast);
      checksum += v + tl->Count + depth(ast);
      if (r == 0)
        printf("%-55s => %6ld  (%d tokens, depth %d)\n", Program[i], v,
               tl->Count, depth(ast));
    }
  }
  printf("checksum %ld\n", checksum);
  return 0;
}
