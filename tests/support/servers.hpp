#pragma once
// Real servers on 127.0.0.1 for the [net] tests, started and stopped by the tests: pure-ftpd
// (FTP and FTPS), OpenSSH's sshd (SFTP), nginx (WebDAV) and an in-process HTTP server
// (cpp-httplib) for links. A missing server binary throws with a clear message, so the test
// fails instead of silently skipping (scripts/setup.sh installs all of them).
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/site_builder.hpp"

namespace httplib {
class Server;
}

namespace nastavnik::test {

/// A free TCP port on 127.0.0.1 (bound and released).
int free_port();
/// Waits until something accepts connections on 127.0.0.1:port.
bool wait_for_port(int port, std::chrono::milliseconds limit = std::chrono::seconds(10));
/// The first existing path among `candidates`; throws «… not installed: run scripts/setup.sh».
std::string require_program(const std::vector<std::string>& candidates, const std::string& package);

/// A child process with its stdout readable line by line; killed when destroyed.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
        const std::filesystem::path& cwd = {});
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  pid_t pid() const { return m_pid; }
  /// The next stdout line, or nullopt at end of output or after `limit`.
  std::optional<std::string> read_line(std::chrono::milliseconds limit = std::chrono::seconds(20));
  /// Sends a signal (SIGKILL to simulate a crash).
  void signal(int sig);
  /// Waits for the exit; returns the exit code (128 + signal when killed). Collects output.
  int wait();
  const std::string& out() const { return m_out; }
  std::string err() const;

 private:
  pid_t m_pid = -1;
  int m_out_fd = -1;
  std::string m_buffer;
  std::string m_out;
  TempDir m_tmp;
  bool m_waited = false;
  int m_status = -1;
};

/// Runs the real nastavnik binary to completion with extra environment variables.
ProcessResult run_nastavnik(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

/// pure-ftpd with one virtual user; `tls` requires explicit TLS (AUTH TLS) with a self-signed
/// certificate for 127.0.0.1 generated here (trust it with NASTAVNIK_DEPLOY_CA=cert()).
class FtpServer {
 public:
  explicit FtpServer(bool tls);
  ~FtpServer();
  int port() const { return m_port; }
  std::filesystem::path root() const { return m_dir.path() / "root"; }
  std::filesystem::path cert() const { return m_dir.path() / "cert.pem"; }
  std::string user() const { return "deployer"; }
  std::string password() const { return "Sekret-ftp-42"; }
  /// ftp://deployer@127.0.0.1:PORT/<path> (ftps:// when tls)
  std::string url(const std::string& path) const;

 private:
  TempDir m_dir;
  int m_port = 0;
  bool m_tls = false;
  std::unique_ptr<Child> m_child;
};

/// sshd with a generated host key and user key; SFTP as the current user. home() holds
/// .ssh/id_ed25519 and .ssh/known_hosts for the client (use it as HOME).
class SftpServer {
 public:
  SftpServer();
  ~SftpServer();
  int port() const { return m_port; }
  std::filesystem::path root() const { return m_dir.path() / "remote"; }
  std::filesystem::path home() const { return m_dir.path() / "home"; }
  std::string url(const std::string& path) const;

 private:
  TempDir m_dir;
  int m_port = 0;
  std::string m_user;
  std::unique_ptr<Child> m_child;
};

/// nginx with WebDAV (PUT, DELETE, MKCOL) behind basic authentication, in a private prefix.
class DavServer {
 public:
  DavServer();
  ~DavServer();
  int port() const { return m_port; }
  std::filesystem::path root() const { return m_dir.path() / "root"; }
  std::string user() const { return "deployer"; }
  std::string password() const { return "Sekret-dav-42"; }
  std::string url(const std::string& path) const;

 private:
  TempDir m_dir;
  int m_port = 0;
  std::unique_ptr<Child> m_child;
};

/// An in-process HTTP server for `links`:
///   /ok 200, /moved 301 → /ok, /found 302 → /ok, /missing 404, /limited 429 (Retry-After: 1)
///   then 200, /flaky 500 then 200, /slow answers after 3 s, /nohead 405 on HEAD, /liar 404 on
///   HEAD but 200 on GET, /page/<n> 200 after `page_delay`.
/// It counts requests per path and the most requests it served at once.
class LinkServer {
 public:
  explicit LinkServer(std::chrono::milliseconds page_delay = std::chrono::milliseconds(30));
  ~LinkServer();
  int port() const { return m_port; }
  std::string url(const std::string& path) const;
  int requests(const std::string& path) const;
  int total_requests() const { return m_total.load(); }
  int max_concurrent() const { return m_max.load(); }

 private:
  struct Guard;
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
  std::chrono::milliseconds m_page_delay;
  mutable std::mutex m_mutex;
  std::map<std::string, int> m_counts;
  std::atomic<int> m_total{0}, m_now{0}, m_max{0};
};

}  // namespace nastavnik::test
