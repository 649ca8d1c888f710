#include "util/stage_timer.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace nastavnik::util {

bool StageTimer::enabled() {
  static const bool on = [] {
    const char* v = std::getenv("NASTAVNIK_TIMINGS");
    return v && *v && std::strcmp(v, "0") != 0;
  }();
  return on;
}

StageTimer::StageTimer(std::string name) : m_name(std::move(name)), m_start(std::chrono::steady_clock::now()) {}

void StageTimer::lap(const std::string& name) {
  auto now = std::chrono::steady_clock::now();
  if (enabled())
    std::fprintf(stderr, "  %-28s %9.1f мс\n", name.c_str(),
                 std::chrono::duration<double, std::milli>(now - m_start).count());
  m_start = now;
}

StageTimer::~StageTimer() { lap(m_name); }

}  // namespace nastavnik::util
