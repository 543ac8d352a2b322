// Soundness example: an object stored into a field of another heap object
// lives as long as that container. The name buffer's last direct use is in
// make_person(); it is read later through person->Name.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *Name;
  int Age;
} Person;

static Person *make_person(const char *Name, int Age) {
  Person *p = malloc(sizeof(Person));
  char *name = malloc(strlen(Name) + 1);
  if (!p || !name)
    exit(1);
  strcpy(name, Name);
  p->Name = name; // stored into memory: not this function's to free
  p->Age = Age;
  return p;
}

int main(void) {
  static const char *const Names[] = {"ada", "grace", "barbara"};
  Person *people[3];
  for (int i = 0; i < 3; ++i)
    people[i] = make_person(Names[i], 30 + 7 * i);
  for (int i = 0; i < 3; ++i)
    printf("%s is %d\n", people[i]->Name, people[i]->Age);
  return 0;
}
