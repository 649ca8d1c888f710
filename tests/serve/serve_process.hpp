#pragma once
// Helpers of the serve tests: the real nastavnik binary running in the background (its output
// read as it comes), a server-sent-events listener, and raw HTTP requests. Every wait is on an
// event (output, a message, the process's end) with a bounded timeout; nothing sleeps.
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace nastavnik::test {

using namespace std::chrono_literals;

/// Text that grows from another thread; waits for a substring with a deadline.
class GrowingText {
 public:
  void append(std::string_view data) {
    {
      std::lock_guard lock(m_mutex);
      m_text.append(data);
    }
    m_cv.notify_all();
  }
  void finish() {
    {
      std::lock_guard lock(m_mutex);
      m_done = true;
    }
    m_cv.notify_all();
  }
  /// Waits until `needle` appears at or after `from` (byte offset). Returns its position.
  std::optional<std::size_t> wait_for(std::string_view needle, std::chrono::milliseconds timeout,
                                      std::size_t from = 0) {
    std::unique_lock lock(m_mutex);
    std::optional<std::size_t> at;
    m_cv.wait_for(lock, timeout, [&] {
      auto p = m_text.find(needle, std::min(from, m_text.size()));
      if (p != std::string::npos) at = p;
      return at.has_value() || m_done;
    });
    return at;
  }
  bool wait_done(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_cv.wait_for(lock, timeout, [&] { return m_done; });
  }
  std::string text() const {
    std::lock_guard lock(m_mutex);
    return m_text;
  }
  std::size_t size() const {
    std::lock_guard lock(m_mutex);
    return m_text.size();
  }

 private:
  mutable std::mutex m_mutex;
  std::condition_variable m_cv;
  std::string m_text;
  bool m_done = false;
};

/// `nastavnik ARGS…` in the background, stdout and stderr merged into `output()`.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    std::vector<std::string> envs;
    for (char** e = environ; *e; ++e) {
      std::string kv = *e;
      if (!env.count(kv.substr(0, kv.find('=')))) envs.push_back(kv);
    }
    for (const auto& [k, v] : env)
      if (!v.empty()) envs.push_back(k + "=" + v);  // an empty value removes the variable
    std::vector<std::string> argv_s = {NASTAVNIK_BIN};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    m_pid = ::fork();
    if (m_pid == 0) {
      ::dup2(fds[1], 1);
      ::dup2(fds[1], 2);
      int null_fd = ::open("/dev/null", O_RDONLY);
      ::dup2(null_fd, 0);
      std::vector<char*> argv, envp;
      for (auto& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      for (auto& e : envs) envp.push_back(e.data());
      envp.push_back(nullptr);
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    m_reader = std::thread([this, fd = fds[0]] {
      char buf[4096];
      for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        m_out.append(std::string_view(buf, static_cast<std::size_t>(n)));
      }
      ::close(fd);
      m_out.finish();
    });
  }
  ~ServeProcess() {
    if (m_pid > 0 && !m_exit) {
      ::kill(m_pid, SIGKILL);
      int st = 0;
      ::waitpid(m_pid, &st, 0);
    }
    if (m_reader.joinable()) m_reader.join();
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  GrowingText& out() { return m_out; }
  std::string output() const { return m_out.text(); }

  /// Waits for the start-up line and returns the port it names (-1 on timeout).
  int wait_ready(std::chrono::milliseconds timeout = 60s) {
    if (!m_out.wait_for("Остановить: Ctrl+C", timeout)) return -1;
    std::smatch m;
    std::string text = m_out.text();
    static const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
    if (!std::regex_search(text, m, url)) return -1;
    return std::stoi(m[1]);
  }
  /// The private output folder it printed.
  std::filesystem::path output_dir() const {
    std::string text = m_out.text();
    const std::string key = "Временная папка сборки: ";
    auto p = text.find(key);
    if (p == std::string::npos) return {};
    auto e = text.find('\n', p);
    return text.substr(p + key.size(), e - p - key.size());
  }
  void signal(int sig) { ::kill(m_pid, sig); }
  /// Waits for the process to end (its output closes first). Exit code, or nullopt on timeout.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout) {
    if (m_exit) return m_exit;
    if (!m_out.wait_done(timeout)) return std::nullopt;
    int st = 0;
    ::waitpid(m_pid, &st, 0);
    m_exit = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return m_exit;
  }

 private:
  pid_t m_pid = -1;
  std::optional<int> m_exit;
  GrowingText m_out;
  std::thread m_reader;
};

/// Listens to /__nastavnik/events in the background.
class SseListener {
 public:
  SseListener(int port, std::string path = "/__nastavnik/events") : m_client("127.0.0.1", port) {
    m_client.set_decompress(false);
    m_client.set_read_timeout(60, 0);
    m_thread = std::thread([this, path] {
      m_client.Get(path.c_str(), [this](const char* data, std::size_t len) {
        m_text.append(std::string_view(data, len));
        return !m_stop;
      });
      m_text.finish();
    });
  }
  ~SseListener() {
    m_stop = true;
    m_client.stop();
    if (m_thread.joinable()) m_thread.join();
  }
  GrowingText& text() { return m_text; }

 private:
  httplib::Client m_client;
  GrowingText m_text;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

struct RawResponse {
  int status = 0;
  std::string text;  ///< status line, headers and body
};

/// Sends `target` exactly as written (no normalisation, no encoding) and reads the answer.
inline RawResponse raw_get(int port, const std::string& target) {
  RawResponse r;
  int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(s);
    return r;
  }
  std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ::send(s, req.data(), req.size(), MSG_NOSIGNAL);
  char buf[4096];
  for (;;) {
    pollfd p{s, POLLIN, 0};
    if (::poll(&p, 1, 10000) <= 0) break;
    ssize_t n = ::recv(s, buf, sizeof buf, 0);
    if (n <= 0) break;
    r.text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(s);
  if (r.text.rfind("HTTP/1.1 ", 0) == 0) r.status = std::atoi(r.text.c_str() + 9);
  return r;
}

/// Writes a file the way many editors save: a temporary file renamed over the old one.
inline void save_like_editor(const std::filesystem::path& path, const std::string& bytes) {
  auto tmp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  {
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace nastavnik::test
