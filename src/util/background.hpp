#pragma once
// Work begun early on tasks of low priority: the process's threads run them when they have
// nothing else to do (while a build loads the site one stage at a time, say), and wait() runs
// what is left on the calling thread. With one thread (-j 1) nothing runs in the background:
// wait() does all of it.
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace nastavnik::util {

class LowPriorityTasks {
 public:
  /// `jobs`: threads the tasks may use (0 = all cores, 1 = none in the background).
  explicit LowPriorityTasks(int jobs);
  /// Waits for the tasks begun, drops the others (with -j 1: all of them). Nothing is cancelled:
  /// work started is finished.
  ~LowPriorityTasks();
  LowPriorityTasks(const LowPriorityTasks&) = delete;
  LowPriorityTasks& operator=(const LowPriorityTasks&) = delete;

  /// Begins `f`, from outside the tasks.
  void start(std::function<void()> f);
  /// Adds `f`, from inside one of the tasks: a thread goes back to work of higher priority
  /// between two tasks.
  void spawn(std::function<void()> f) { m_group.run(std::move(f)); }
  /// Runs what is left here and waits for all; an exception of a task is thrown here.
  void wait();
  /// Tasks not begun will not run; waits for the others (their exceptions dropped).
  void stop();

 private:
  bool m_background;
  std::vector<std::function<void()>> m_pending;  ///< -j 1: run by wait()
  tbb::task_arena m_arena;
  tbb::task_group m_group;
};

/// One value computed by such a task; get() waits for it.
template <class T>
class Background {
 public:
  Background(std::function<T()> work, int jobs) : m_work(std::move(work)), m_tasks(jobs) {
    m_tasks.start([this] { m_value.emplace(m_work()); });
  }
  /// The work's result; an exception it threw is thrown here.
  T& get() {
    m_tasks.wait();
    if (!m_value) m_value.emplace(m_work());  // after an exception, asked again
    return *m_value;
  }

 private:
  std::function<T()> m_work;
  std::optional<T> m_value;
  LowPriorityTasks m_tasks;  ///< last: waited for before the value goes
};

}  // namespace nastavnik::util
