// Tier 5: `nastavnik serve` end to end on loopback — the real binary, real HTTP, real inotify.
#include <catch2/catch.hpp>

#include <arpa/inet.h>

#include <fstream>

#include "serve/serve_process.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> serve_args(const fs::path& site) {
  return {"serve", "-s", site.string(), "--port", "0", "--now", "2026-11-20"};
}

std::string http_get(int port, const std::string& path, int* status = nullptr) {
  httplib::Client cli("127.0.0.1", port);
  cli.set_decompress(false);
  auto res = cli.Get(path.c_str());
  if (status) *status = res ? res->status : 0;
  return res ? res->body : std::string();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size())) text.replace(p, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("serve builds, serves the site with the live-reload script and reloads on a save", "[serve]") {
  test::TempDir site;
  test::copy_base_site(site.path());
  test::ServeProcess proc(serve_args(site.path()));
  int port = proc.wait_ready();
  INFO(proc.output());
  REQUIRE(port > 0);

  int status = 0;
  std::string home = http_get(port, "/", &status);
  CHECK(status == 200);
  CHECK(home.find("/__nastavnik/live.js") != std::string::npos);
  CHECK(home.find("data-generation=") != std::string::npos);
  std::string script = http_get(port, "/__nastavnik/live.js", &status);
  CHECK(status == 200);
  CHECK(script.find("EventSource") != std::string::npos);
  CHECK(http_get(port, "/novosti/pervaya/").find("Первая новость") != std::string::npos);

  test::SseListener events(port);
  REQUIRE(events.text().wait_for("event: hello", 10s));
  const auto news = site.path() / "content/news/pervaya.md";
  test::save_like_editor(news, replace_all(test::read_file(news), "Первая новость", "Исправленная новость"));
  REQUIRE(events.text().wait_for("event: reload", 20s));
  CHECK(http_get(port, "/novosti/pervaya/").find("Исправленная новость") != std::string::npos);

  // A folder created later (layouts/partials/) is watched too.
  std::size_t mark = events.text().size();
  fs::create_directories(site.path() / "layouts/partials");
  {
    std::ofstream f(site.path() / "layouts/partials/footer.mustache");
    f << "<footer class=\"site-footer\"><p>ПодвалСайтаИзLayouts</p></footer>\n";
  }
  // The folder and the file may come as one rebuild or two: wait for the rebuild that has it.
  // (The marker is one word: the site's typography would glue short words with a no-break space.)
  bool footer = false;
  for (int i = 0; i < 3 && !footer; ++i) {
    auto at = events.text().wait_for("event: reload", 20s, mark);
    if (!at) FAIL(events.text().text() + "\n---\n" + proc.output());

    mark = *at + 1;
    footer = http_get(port, "/").find("ПодвалСайтаИзLayouts") != std::string::npos;
  }
  CHECK(footer);

  proc.signal(SIGINT);
  CHECK(proc.wait_exit(20s) == 0);
}

TEST_CASE("serve shows content errors in an overlay and clears it when the file is fixed", "[serve]") {
  test::TempDir site;
  test::copy_base_site(site.path());
  test::ServeProcess proc(serve_args(site.path()));
  int port = proc.wait_ready();
  INFO(proc.output());
  REQUIRE(port > 0);
  test::SseListener events(port);
  REQUIRE(events.text().wait_for("event: hello", 10s));

  const auto practice = site.path() / "content/practices/keys-1.md";
  const std::string good = test::read_file(practice);
  std::string bad = good;
  auto at = bad.find("form: ");
  REQUIRE(at != std::string::npos);
  auto eol = bad.find('\n', at);
  bad.replace(at, eol - at, "form: \"учитель – учитеь\"");
  test::save_like_editor(practice, bad);

  auto errors_at = events.text().wait_for("event: errors", 20s);
  REQUIRE(errors_at);
  // The overlay: file:line:column, code, message, the source line and a caret, the hint.
  auto overlay = events.text().wait_for("подсказка", 5s, *errors_at);
  std::string text = events.text().text().substr(*errors_at);
  CHECK(text.find("content/practices/keys-1.md:") != std::string::npos);
  CHECK(text.find("form.unknown") != std::string::npos);
  CHECK(text.find("учитель – учитеь") != std::string::npos);
  CHECK(text.find("^</span>") != std::string::npos);
  CHECK(text.find("Подсказка") != std::string::npos);
  (void)overlay;
  // The terminal shows the same diagnostic with its source line.
  CHECK(proc.out().wait_for("form.unknown", 5s));
  CHECK(proc.out().wait_for(" | form: \"учитель – учитеь\"", 5s));

  // The last good build stays served underneath.
  int status = 0;
  http_get(port, "/praktiki/keys-1/", &status);
  CHECK(status == 200);
  // A page opened now gets the errors as soon as it connects.
  {
    test::SseListener late(port);
    CHECK(late.text().wait_for("event: errors", 10s));
  }

  std::size_t mark = events.text().size();
  test::save_like_editor(practice, good);
  CHECK(events.text().wait_for("event: reload", 20s, mark));
  http_get(port, "/praktiki/keys-1/", &status);
  CHECK(status == 200);
  proc.signal(SIGTERM);
  CHECK(proc.wait_exit(20s) == 0);
}

TEST_CASE("serve with a broken site from the start shows the error page, then the site", "[serve]") {
  test::TempDir site;
  test::copy_base_site(site.path());
  const auto news = site.path() / "content/news/pervaya.md";
  const std::string good = test::read_file(news);
  test::save_like_editor(news, replace_all(good, "date: 2024-09-15\n", ""));
  test::ServeProcess proc(serve_args(site.path()));
  int port = proc.wait_ready();
  INFO(proc.output());
  REQUIRE(port > 0);
  int status = 0;
  std::string page = http_get(port, "/", &status);
  CHECK(status == 503);
  CHECK(page.find("field.missing") != std::string::npos);
  CHECK(page.find("/__nastavnik/live.js") != std::string::npos);
  test::SseListener events(port);
  REQUIRE(events.text().wait_for("event: errors", 10s));
  std::size_t mark = events.text().size();
  test::save_like_editor(news, good);
  REQUIRE(events.text().wait_for("event: reload", 20s, mark));
  http_get(port, "/", &status);
  CHECK(status == 200);
}

TEST_CASE("serve never answers with anything outside its output", "[serve]") {
  test::TempDir site;
  test::copy_base_site(site.path());
  test::ServeProcess proc(serve_args(site.path()));
  int port = proc.wait_ready();
  INFO(proc.output());
  REQUIRE(port > 0);
  const fs::path out = proc.output_dir();
  REQUIRE(fs::is_directory(out));
  // Symlinks planted in the served folder that point out of it.
  fs::create_directory_symlink("/etc", out / "etc-link");
  fs::create_symlink(site.path() / "site.yaml", out / "site-link.yaml");

  for (const std::string target :
       {"/../site.yaml", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/novosti/..%2f..%2f..%2fetc%2fpasswd", "/./../etc/passwd", "/..\\..\\etc\\passwd", "/etc-link/passwd",
        "/site-link.yaml", "/.nastavnik-output", "/%2fetc%2fpasswd", "//etc/passwd", "/novosti/%00../x"}) {
    auto r = test::raw_get(port, target);
    INFO(target << "\n" << r.text.substr(0, 300));
    CHECK((r.status == 400 || r.status == 403 || r.status == 404));
    CHECK(r.text.find("root:") == std::string::npos);
    CHECK(r.text.find("base_url") == std::string::npos);
  }
  CHECK(test::raw_get(port, "/etc-link/passwd").status == 403);
  CHECK(test::raw_get(port, "/%2e%2e/%2e%2e/etc/passwd").status == 403);
  // Ordinary paths still work: a folder without its slash is redirected, files are served.
  auto redirect = test::raw_get(port, "/novosti");
  CHECK(redirect.status == 301);
  CHECK(redirect.text.find("Location: /novosti/") != std::string::npos);
  CHECK(test::raw_get(port, "/assets/style.css").status == 200);
  auto missing = test::raw_get(port, "/net-takoy-stranitsy/");
  CHECK(missing.status == 404);
}

TEST_CASE("serve on a busy port says so in Russian and exits 2", "[serve]") {
  test::TempDir site;
  test::copy_base_site(site.path());
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(s, 4) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);

  auto r = test::run_binary({"serve", "-s", site.path().string(), "--port", std::to_string(port)});
  ::close(s);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("порт " + std::to_string(port)) != std::string::npos);
  CHECK(r.err.find("занят") != std::string::npos);
  CHECK(r.err.find("--port " + std::to_string(port + 1)) != std::string::npos);
}

TEST_CASE("serve usage errors exit 2", "[serve]") {
  test::TempDir empty;
  auto r = test::run_binary({"serve", "-s", empty.path().string(), "--port", "0"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("site.yaml") != std::string::npos);
  CHECK(test::run_binary({"serve", "--port", "70000"}).exit_code == 2);
  CHECK(test::run_binary({"serve", "--watch"}).exit_code == 2);
  auto help = test::run_binary({"serve", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--port") != std::string::npos);
}

TEST_CASE("Ctrl-C stops serve cleanly and removes its private folder", "[serve]") {
  for (int sig : {SIGINT, SIGTERM}) {
    test::TempDir site, tmp;
    test::copy_base_site(site.path());
    test::ServeProcess proc(serve_args(site.path()), {{"TMPDIR", tmp.path().string()}});
    int port = proc.wait_ready();
    INFO(proc.output());
    REQUIRE(port > 0);
    const fs::path out = proc.output_dir();
    CHECK(out.string().rfind(tmp.path().string(), 0) == 0);
    CHECK(fs::exists(out / "index.html"));
    test::SseListener events(port);  // an open page must not hold the shutdown up
    REQUIRE(events.text().wait_for("event: hello", 10s));
    proc.signal(sig);
    CHECK(proc.wait_exit(20s) == 0);
    CHECK(proc.output().find("Предпросмотр остановлен") != std::string::npos);
    CHECK(fs::is_empty(tmp.path()));
    CHECK(events.text().wait_done(10s));
  }
}
