#pragma once
// Stage timings for profiling (bench/README.md): with NASTAVNIK_TIMINGS=1 in the environment,
// each StageTimer prints «этап: N мс (процессор M мс)» — wall time and CPU time of all threads — to stderr when it goes out of scope. Off by default.
#include <chrono>
#include <string>

namespace nastavnik::util {

class StageTimer {
 public:
  explicit StageTimer(std::string name);
  ~StageTimer();
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;
  /// Prints the time since construction (or the last lap) under `name` and restarts.
  void lap(const std::string& name);
  static bool enabled();

 private:
  std::string m_name;
  std::chrono::steady_clock::time_point m_start;
  double m_cpu_start = 0;  ///< process CPU seconds
};

}  // namespace nastavnik::util
