//===- Deadline.h - Wall-clock budget shared by the solver phases ---------===//
//
// Every phase after the heuristics runs under a time limit; a Deadline is
// the instant it must give up, so nested phases can split what is left.
//
//===----------------------------------------------------------------------===//
#ifndef ASAP_SOLVER_DEADLINE_H
#define ASAP_SOLVER_DEADLINE_H

#include <chrono>

namespace asap {
namespace solver {

class Deadline {
public:
  using Clock = std::chrono::steady_clock;
  explicit Deadline(double Seconds)
      : At(Clock::now() + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(Seconds))) {}
  bool expired() const { return Clock::now() >= At; }
  double secondsLeft() const {
    double Left = std::chrono::duration<double>(At - Clock::now()).count();
    return Left > 0 ? Left : 0;
  }
  /// A deadline no later than this one, Seconds from now.
  Deadline sooner(double Seconds) const {
    Deadline D(Seconds);
    if (At < D.At)
      D.At = At;
    return D;
  }

private:
  Clock::time_point At;
};

} // namespace solver
} // namespace asap

#endif // ASAP_SOLVER_DEADLINE_H
