// Ownership benchmark (issue 3): a discrete-event simulation with a heap
// priority queue of event objects.
//
// Events are heap objects owned by the queue (an array of pointers grown
// with realloc). Popping an event moves it out of the queue to the handler,
// which may schedule follow-up events; each event dies after it is handled.
// Customers of a small bank arrive, queue for a teller and leave.
// Allocation only.
//
// usage: event-queue [CUSTOMERS]   (default 20000)
#include <stdio.h>
#include <stdlib.h>

typedef enum { Arrive, StartService, Depart } EventKind;

typedef struct Event {
  long Time;
  long Seq; // Tie-breaker: events at the same time run in schedule order.
  EventKind K;
  int Customer;
} Event;

typedef struct {
  Event **Items;
  int Size, Cap;
  long NextSeq;
} Queue;

static int before(const Event *A, const Event *B) {
  return A->Time < B->Time || (A->Time == B->Time && A->Seq < B->Seq);
}

static void schedule(Queue *Q, long Time, EventKind K, int Customer) {
  Event *e = malloc(sizeof(Event));
  if (!e) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  e->Time = Time;
  e->Seq = Q->NextSeq++;
  e->K = K;
  e->Customer = Customer;
  if (Q->Size == Q->Cap) {
    Q->Cap = Q->Cap ? 2 * Q->Cap : 16;
    Event **bigger = realloc(Q->Items, sizeof(Event *) * (size_t)Q->Cap);
    if (!bigger) {
      fputs("out of memory\n", stderr);
      exit(1);
    }
    Q->Items = bigger;
  }
  int i = Q->Size++;
  while (i > 0 && before(e, Q->Items[(i - 1) / 2])) {
    Q->Items[i] = Q->Items[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  Q->Items[i] = e;
}

static Event *pop(Queue *Q) {
  if (Q->Size == 0)
    return NULL;
  Event *top = Q->Items[0];
  Event *last = Q->Items[--Q->Size];
  int i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= Q->Size)
      break;
    if (c + 1 < Q->Size && before(Q->Items[c + 1], Q->Items[c]))
      ++c;
    if (!before(Q->Items[c], last))
      break;
    Q->Items[i] = Q->Items[c];
    i = c;
  }
  if (Q->Size > 0)
    Q->Items[i] = last;
  return top;
}

enum { Tellers = 3 };

int main(int argc, char **argv) {
  int customers = argc > 1 ? atoi(argv[1]) : 20000;
  if (customers < 1 || customers > 10000000) {
    fputs("event-queue: CUSTOMERS must be in [1, 10000000]\n", stderr);
    return 2;
  }
  Queue *q = calloc(1, sizeof(Queue));
  long *arrival = calloc((size_t)customers, sizeof(long));
  int *waiting = malloc(sizeof(int) * (size_t)customers);
  if (!q || !arrival || !waiting)
    return 1;
  int wait_head = 0, wait_tail = 0, free_tellers = Tellers;
  long total_wait = 0, max_wait = 0, handled = 0, peak_queue = 0;
  unsigned x = 99;
  long t = 0;
  for (int c = 0; c < customers; ++c) {
    x = x * 1103515245u + 12345u;
    t += (x >> 16) % 10;
    schedule(q, t, Arrive, c);
  }
  Event *e;
  while ((e = pop(q))) {
    ++handled;
    switch (e->K) {
    case Arrive:
      arrival[e->Customer] = e->Time;
      waiting[wait_tail++] = e->Customer;
      break;
    case StartService: {
      x = x * 1103515245u + 12345u;
      schedule(q, e->Time + 5 + (long)((x >> 16) % 20), Depart, e->Customer);
      break;
    }
    case Depart:
      ++free_tellers;
      break;
    }
    while (free_tellers > 0 && wait_head < wait_tail) {
      int c = waiting[wait_head++];
      long w = e->Time - arrival[c];
      total_wait += w;
      if (w > max_wait)
        max_wait = w;
      --free_tellers;
      schedule(q, e->Time, StartService, c);
    }
    if (wait_tail - wait_head > peak_queue)
      peak_queue = wait_tail - wait_head;
  }
  printf("%d customers, %ld events, average wait %.3f, max wait %ld, "
         "longest line %ld\n",
         customers, handled, (double)total_wait / customers, max_wait,
         peak_queue);
  return 0;
}
