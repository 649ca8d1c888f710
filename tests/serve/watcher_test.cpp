// The inotify watcher and the path resolution of the preview server, in-process.
#include <catch2/catch.hpp>

#include <sys/timerfd.h>
#include <unistd.h>

#include <fstream>

#include "serve/server.hpp"
#include "serve/watcher.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

/// A descriptor that becomes readable after `ms`: bounds a watcher wait without sleeping.
struct Deadline {
  explicit Deadline(int ms) {
    fd = ::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    itimerspec t{};
    t.it_value.tv_sec = ms / 1000;
    t.it_value.tv_nsec = (ms % 1000) * 1'000'000L;
    ::timerfd_settime(fd, 0, &t, nullptr);
  }
  ~Deadline() { ::close(fd); }
  int fd = -1;
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("the watcher sees saves, renames, new folders and site.yaml, not editor temp files", "[serve]") {
  test::TempDir dir;
  const fs::path site = dir.path();
  write(site / "site.yaml", "title: x\n");
  write(site / "content/news/a.md", "a");
  serve::Watcher w(site);

  write(site / "content/news/a.md", "changed");
  Deadline d1(5000);
  auto b = w.wait(d1.fd);
  CHECK_FALSE(b.interrupted);
  CHECK(contains(b.changed, "content/news/a.md"));

  // An editor saving through a temporary file and a rename: one change of the final name.
  write(site / "content/news/.a.md.swp", "x");
  write(site / "content/news/b.md.tmp", "new");
  fs::rename(site / "content/news/b.md.tmp", site / "content/news/b.md");
  Deadline d2(5000);
  b = w.wait(d2.fd);
  CHECK(b.changed == std::vector<std::string>{"content/news/b.md"});

  // A folder created after the start, then a file in it.
  fs::create_directories(site / "content/pages/sub");
  Deadline d3(5000);
  b = w.wait(d3.fd);
  CHECK(contains(b.changed, "content/pages/"));
  write(site / "content/pages/sub/c.md", "c");
  Deadline d4(5000);
  b = w.wait(d4.fd);
  CHECK(contains(b.changed, "content/pages/sub/c.md"));

  // layouts/ created later, and site.yaml; other files at the root are ignored.
  write(site / "notes.txt", "x");
  write(site / "layouts/base.mustache", "x");
  write(site / "site.yaml", "title: y\n");
  Deadline d5(5000);
  b = w.wait(d5.fd);
  CHECK(contains(b.changed, "site.yaml"));
  CHECK(contains(b.changed, "layouts/"));
  CHECK_FALSE(contains(b.changed, "notes.txt"));

  // Nothing happens: the interrupt descriptor ends the wait.
  Deadline d6(100);
  b = w.wait(d6.fd);
  CHECK(b.interrupted);
  CHECK(b.changed.empty());
}

TEST_CASE("a burst of saves is one batch", "[serve]") {
  test::TempDir dir;
  write(dir.path() / "site.yaml", "title: x\n");
  fs::create_directories(dir.path() / "content/news");
  serve::Watcher w(dir.path());
  for (int i = 0; i < 20; ++i) write(dir.path() / "content/news" / ("n" + std::to_string(i) + ".md"), "x");
  Deadline d(5000);
  auto b = w.wait(d.fd);
  CHECK(b.changed.size() == 20);
}

TEST_CASE("editor temporary names are recognised", "[serve]") {
  CHECK(serve::is_editor_temp_name(".keys.md.swp"));
  CHECK(serve::is_editor_temp_name("keys.md~"));
  CHECK(serve::is_editor_temp_name("#keys.md#"));
  CHECK(serve::is_editor_temp_name("4913"));
  CHECK_FALSE(serve::is_editor_temp_name("keys.md"));
  CHECK_FALSE(serve::is_editor_temp_name("site.yaml"));
}

TEST_CASE("request paths never leave the served root", "[serve]") {
  test::TempDir dir;
  const fs::path root = fs::canonical(dir.path()) / "out";
  write(root / "index.html", "home");
  write(root / "novosti/index.html", "news");
  write(root / ".nastavnik-output", "");
  write(dir.path() / "secret.txt", "secret");
  fs::create_symlink(dir.path() / "secret.txt", root / "link.txt");
  fs::create_directory_symlink(dir.path(), root / "up");
  fs::create_symlink("novosti/index.html", root / "inside.html");

  using serve::PathVerdict;
  auto v = [&](const std::string& p) { return serve::resolve_request_path(root, p).verdict; };
  CHECK(v("/") == PathVerdict::ok);
  CHECK(serve::resolve_request_path(root, "/").file == root / "index.html");
  CHECK(v("/novosti/") == PathVerdict::ok);
  CHECK(v("/novosti") == PathVerdict::redirect);
  CHECK(v("/novosti/index.html") == PathVerdict::ok);
  CHECK(v("/inside.html") == PathVerdict::ok);
  CHECK(v("/net/") == PathVerdict::not_found);
  CHECK(v("/.nastavnik-output") == PathVerdict::not_found);
  CHECK(v("/../secret.txt") == PathVerdict::forbidden);
  CHECK(v("/novosti/../../secret.txt") == PathVerdict::forbidden);
  CHECK(v("/link.txt") == PathVerdict::forbidden);
  CHECK(v("/up/secret.txt") == PathVerdict::forbidden);
  CHECK(v("/up/") == PathVerdict::forbidden);
  CHECK(v("/a\\..\\b") == PathVerdict::forbidden);
  CHECK(v(std::string("/a\0b", 4)) == PathVerdict::forbidden);
  CHECK(v("relative") == PathVerdict::forbidden);
  CHECK(serve::content_type_for("a/b.HTML") == "text/html; charset=utf-8");
  CHECK(serve::content_type_for("x.pdf") == "application/pdf");
}
