#pragma once
// Work begun early on a task of low priority: the process's threads run it when they have
// nothing else to do (while a build loads the site one stage at a time, say), and the first
// get() waits for it — running it on the calling thread if no thread has yet. With one thread
// (-j 1) nothing runs in the background: get() does the work.
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

#include <functional>
#include <optional>
#include <utility>

namespace nastavnik::util {

template <class T>
class Background {
 public:
  /// `jobs`: threads the work may use (0 = all cores, 1 = none in the background).
  Background(std::function<T()> work, int jobs)
      : m_work(std::move(work)),
        // One slot is kept for the thread that calls get(); below everything else.
        m_arena(jobs > 0 ? jobs : tbb::task_arena::automatic, 1, tbb::task_arena::priority::low) {
    if (jobs == 1) return;
    m_started = true;
    m_arena.enqueue(m_group.defer([this] { m_value.emplace(m_work()); }));
  }
  ~Background() {
    if (!m_started) return;
    try {
      m_arena.execute([&] { m_group.wait(); });
    } catch (...) {  // its result was never asked for: nothing to report on the way out
    }
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  /// The work's result; an exception it threw is thrown here.
  T& get() {
    if (m_started) {
      m_arena.execute([&] { m_group.wait(); });
      m_started = false;
    }
    if (!m_value) m_value.emplace(m_work());
    return *m_value;
  }

 private:
  std::function<T()> m_work;
  bool m_started = false;
  std::optional<T> m_value;
  tbb::task_arena m_arena;
  tbb::task_group m_group;
};

}  // namespace nastavnik::util
