// TestSupport.h - helpers shared by the runtime tests: pointers the tests
// remember are stored masked, so the conservative collector does not see
// them as roots, and the stack below the caller can be scrubbed so stale
// copies of dropped pointers do not keep objects alive.
#ifndef ASAP_TEST_RUNTIME_TESTSUPPORT_H
#define ASAP_TEST_RUNTIME_TESTSUPPORT_H

#include <cstdint>
#include <cstring>

namespace asaptest {

constexpr uintptr_t kMask = 0xa5a5a5a5a5a5a5a5ull;

inline uintptr_t hide(const void *p) { return reinterpret_cast<uintptr_t>(p) ^ kMask; }
template <typename T> T *reveal(uintptr_t h) { return reinterpret_cast<T *>(h ^ kMask); }

// A masked pointer the optimiser cannot see through: tests that expect an
// object to die keep it in one of these and touch the real pointer only in
// noinline helpers, so no callee-saved register of the test body still
// holds it when the collector spills registers.
class Hidden {
public:
  Hidden() = default;
  explicit Hidden(const void *p) { set(p); }
  __attribute__((noinline)) void set(const void *p) { bits = hide(p); }
  __attribute__((noinline)) void *get() const { return reveal<void>(bits); }

private:
  volatile uintptr_t bits = kMask;
};

// Overwrites a stretch of stack below the caller with zeros.
__attribute__((noinline)) inline void scrubStack() {
  volatile char buffer[16384];
  memset(const_cast<char *>(buffer), 0, sizeof buffer);
  __asm__ __volatile__("" : : "r"(buffer) : "memory");
}

} // namespace asaptest

#endif
