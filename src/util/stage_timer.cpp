#include "util/stage_timer.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

namespace nastavnik::util {

namespace {
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
}  // namespace

bool StageTimer::enabled() {
  static const bool on = [] {
    const char* v = std::getenv("NASTAVNIK_TIMINGS");
    return v && *v && std::strcmp(v, "0") != 0;
  }();
  return on;
}

StageTimer::StageTimer(std::string name)
    : m_name(std::move(name)), m_start(std::chrono::steady_clock::now()), m_cpu_start(enabled() ? cpu_seconds() : 0) {}

void StageTimer::lap(const std::string& name) {
  auto now = std::chrono::steady_clock::now();
  if (!enabled()) return;
  double cpu = cpu_seconds();
  // Pad by characters, not bytes: the names are Cyrillic.
  std::size_t chars = 0;
  for (unsigned char c : name) chars += (c & 0xC0) != 0x80;
  std::string padded = name + std::string(chars < 36 ? 36 - chars : 1, ' ');
  std::fprintf(stderr, "%s %9.1f мс (процессор %9.1f мс)\n", padded.c_str(),
               std::chrono::duration<double, std::milli>(now - m_start).count(), (cpu - m_cpu_start) * 1000);
  m_start = now;
  m_cpu_start = cpu;
}

StageTimer::~StageTimer() { lap(m_name); }

}  // namespace nastavnik::util
