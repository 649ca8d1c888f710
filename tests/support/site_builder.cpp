#include "support/site_builder.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace nastavnik::test {

TempDir::TempDir() {
  std::random_device rd;
  auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("nastavnik-test-" + std::to_string(rd()));
    if (std::filesystem::create_directory(candidate)) {
      m_path = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

void write_files(const std::filesystem::path& dir, std::string_view files) {
  std::string current;
  std::string content;
  auto flush = [&] {
    if (current.empty()) return;
    auto target = dir / current;
    std::filesystem::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out << content;
  };
  std::size_t pos = 0;
  while (pos <= files.size()) {
    std::size_t eol = files.find('\n', pos);
    std::string_view line = files.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (line.size() > 6 && line.substr(0, 3) == "-- " && line.substr(line.size() - 3) == " --") {
      flush();
      current = std::string(line.substr(3, line.size() - 6));
      content.clear();
    } else if (!current.empty()) {
      content.append(line);
      if (eol != std::string_view::npos) content.push_back('\n');
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  flush();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path source_dir() { return NASTAVNIK_SOURCE_DIR; }

void copy_base_site(const std::filesystem::path& dir) {
  std::filesystem::copy(source_dir() / "tests/sites/base", dir,
                        std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
}

RunResult run_site(const std::filesystem::path& dir, const std::filesystem::path& out, util::Date now) {
  pipeline::Options opt;
  opt.site_dir = dir;
  opt.out_dir = out;
  opt.write = !out.empty();
  opt.now = now;
  diag::Sink sink;
  auto r = pipeline::run(opt, sink);
  return RunResult{r.outcome, sink.sorted(), sink.errors(), sink.warnings()};
}

std::vector<std::string> keys(const std::vector<diag::Diagnostic>& items) {
  std::vector<std::string> out;
  for (const auto& d : items)
    out.push_back(d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.code);
  return out;
}

bool has_code(const std::vector<diag::Diagnostic>& items, std::string_view code) {
  return std::any_of(items.begin(), items.end(), [&](const diag::Diagnostic& d) { return d.code == code; });
}

namespace {

std::string drain(int fd) {
  std::string out;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

ProcessResult run_binary(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
  ProcessResult result;
  // stderr goes to a temporary file so that neither pipe can fill up and block the child.
  TempDir tmp;
  auto err_path = tmp.path() / "stderr";
  int out_pipe[2];
  if (::pipe(out_pipe) != 0) return result;
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(out_pipe[0]);
    ::dup2(out_pipe[1], 1);
    int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(err_fd, 2);
    int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
    std::vector<char*> argv;
    std::string bin = NASTAVNIK_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  result.out = drain(out_pipe[0]);
  ::close(out_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.err = read_file(err_path);
  return result;
}

std::vector<std::pair<std::string, std::string>> snapshot(const std::filesystem::path& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      out.emplace_back(std::filesystem::relative(e.path(), dir).generic_string(), read_file(e.path()));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace nastavnik::test
