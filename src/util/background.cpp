#include "util/background.hpp"

namespace nastavnik::util {

LowPriorityTasks::LowPriorityTasks(int jobs)
    : m_background(jobs != 1),
      // One slot is kept for the thread that waits; below everything else.
      m_arena(jobs > 0 ? jobs : tbb::task_arena::automatic, 1, tbb::task_arena::priority::low) {}

LowPriorityTasks::~LowPriorityTasks() {
  m_pending.clear();
  try {
    m_arena.execute([&] { m_group.wait(); });
  } catch (...) {  // never asked for: nothing to report on the way out
  }
}

void LowPriorityTasks::stop() {
  m_pending.clear();
  m_group.cancel();
  try {
    m_arena.execute([&] { m_group.wait(); });
  } catch (...) {  // stopped: nothing to report
  }
}

void LowPriorityTasks::start(std::function<void()> f) {
  if (m_background)
    m_arena.enqueue(m_group.defer(std::move(f)));
  else
    m_pending.push_back(std::move(f));
}

void LowPriorityTasks::wait() {
  m_arena.execute([&] {
    for (auto& f : std::exchange(m_pending, {})) m_group.run(std::move(f));
    m_group.wait();
  });
}

}  // namespace nastavnik::util
