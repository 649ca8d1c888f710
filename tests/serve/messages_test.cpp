// Messages a curator understands: the source line with a caret under the column, in the terminal
// and in serve's overlay; colour only on a terminal and never with NO_COLOR.
#include <catch2/catch.hpp>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "diag/printer.hpp"
#include "serve/live_reload.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

/// Runs the real binary on a pseudo-terminal (as a curator would), returns what it printed.
std::string run_on_terminal(const std::vector<std::string>& args, bool no_color) {
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (no_color)
      ::setenv("NO_COLOR", "1", 1);
    else
      ::unsetenv("NO_COLOR");
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    std::string bin = NASTAVNIK_BIN;
    argv.push_back(bin.data());
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has exited
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(master);
  int st = 0;
  ::waitpid(pid, &st, 0);
  return out;
}

fs::path broken_site(const fs::path& dir) {
  test::copy_base_site(dir);
  auto practice = dir / "content/practices/keys-1.md";
  std::string text = test::read_file(practice);
  auto at = text.find("form: ");
  auto eol = text.find('\n', at);
  text.replace(at, eol - at, "form: \"учитель – учитеь\"");
  std::ofstream(practice, std::ios::binary) << text;
  return practice;
}

}  // namespace

TEST_CASE("the text form shows the source line with a caret under the column", "[serve]") {
  test::TempDir dir;
  std::ofstream(dir.path() / "a.md") << "---\ntitle: x\n\tform: «ученик – учитеь»\n---\n";
  diag::Diagnostic d;
  d.code = "form.unknown";
  d.message = "неизвестная форма";
  d.hint = "возможно, имелось в виду «ученик – ученик»";
  d.pos = {"a.md", 3, 8};
  diag::TextStyle style;
  style.site_dir = dir.path();
  std::string text = diag::format_text({d}, style);
  CHECK(text ==
        "a.md:3:8: ошибка [form.unknown]: неизвестная форма\n"
        "  3 | \tform: «ученик – учитеь»\n"
        "    | \t      ^\n"
        "  подсказка: возможно, имелось в виду «ученик – ученик»\n");
  CHECK(text.find("\x1b[") == std::string::npos);
  style.color = true;
  CHECK(diag::format_text({d}, style).find("\x1b[1;31m") != std::string::npos);

  // The overlay box carries the same: place, message, source line, caret, hint — escaped.
  d.message = "неизвестная форма <script>";
  std::string box = serve::render_error_box({d}, dir.path(), "1 ошибка");
  CHECK(box.find("a.md:3:8") != std::string::npos);
  CHECK(box.find("&lt;script&gt;") != std::string::npos);
  CHECK(box.find("<script>") == std::string::npos);
  CHECK(box.find("3 | \tform: «ученик – учитеь»\n  | \t      <span") != std::string::npos);
  CHECK(box.find("Подсказка") != std::string::npos);
}

TEST_CASE("colour on a terminal only, and never with NO_COLOR", "[serve]") {
  test::TempDir dir;
  broken_site(dir.path());
  const std::vector<std::string> args = {"check", "-s", dir.path().string(), "--now", "2026-11-20"};

  std::string tty = run_on_terminal(args, false);
  INFO(tty);
  CHECK(tty.find("form.unknown") != std::string::npos);
  CHECK(tty.find("\x1b[") != std::string::npos);
  CHECK(tty.find("| form: \"учитель – учитеь\"") != std::string::npos);
  CHECK(tty.find("^") != std::string::npos);

  std::string plain = run_on_terminal(args, true);
  CHECK(plain.find("form.unknown") != std::string::npos);
  CHECK(plain.find("\x1b[") == std::string::npos);

  auto piped = test::run_binary(args);
  CHECK(piped.exit_code == 1);
  CHECK(piped.err.find("\x1b[") == std::string::npos);
  CHECK(piped.err.find("| form: \"учитель – учитеь\"") != std::string::npos);
}
