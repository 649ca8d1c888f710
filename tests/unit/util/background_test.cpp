// util::Background: work begun at low priority, its result taken once, on any number of threads.
#include "util/background.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <thread>

using namespace nastavnik;

TEST_CASE("Background runs its work once and get() gives its result, in the background or not", "[util]") {
  const int jobs = GENERATE(0, 1, 2);
  std::atomic<int> runs{0};
  std::thread::id ran_on;
  util::Background<std::string> work(
      [&] {
        ++runs;
        ran_on = std::this_thread::get_id();
        return std::string(100000, 'x');
      },
      jobs);
  CHECK(work.get().size() == 100000);
  CHECK(work.get().size() == 100000);  // the same result, not the work again
  CHECK(runs == 1);
  if (jobs == 1) CHECK(ran_on == std::this_thread::get_id());  // -j 1: nothing in the background
}

TEST_CASE("Background: an exception of the work comes out of get(); one never asked for still runs, and is waited for",
          "[util]") {
  util::Background<int> failing([]() -> int { throw std::runtime_error("нет файла"); }, 0);
  CHECK_THROWS_WITH(failing.get(), "нет файла");
  // Destroyed unasked: the work still runs, and is over before the destructor returns. It writes
  // into a string that dies right after — a destructor that did not wait is a use after scope
  // under the sanitizer build.
  for (int round = 0; round < 20; ++round) {
    std::string written;
    {
      util::Background<int> dropped(
          [&] {
            written.assign(4096, 'y');
            return 1;
          },
          0);
    }
    CHECK(written == std::string(4096, 'y'));
  }
}
