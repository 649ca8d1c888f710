#include "support/servers.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

namespace nastavnik::test {

namespace fs = std::filesystem;

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind a port on 127.0.0.1");
  }
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool wait_for_port(int port, std::chrono::milliseconds limit) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (ok) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::string require_program(const std::vector<std::string>& candidates, const std::string& package) {
  for (const auto& c : candidates)
    if (::access(c.c_str(), X_OK) == 0) return c;
  throw std::runtime_error(candidates.front() + " is not installed (Debian package " + package +
                           "): run scripts/setup.sh, which installs every server the [net] tests need");
}

namespace {

void run_or_throw(const std::string& command) {
  if (std::system(command.c_str()) != 0) throw std::runtime_error("test set-up command failed: " + command);
}

void write_text(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::string current_user() {
  if (const passwd* pw = ::getpwuid(::geteuid())) return pw->pw_name;
  return "root";
}

}  // namespace

// ---- Child ----

Child::Child(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
             const fs::path& cwd) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  auto err_path = m_tmp.path() / "stderr";
  m_pid = ::fork();
  if (m_pid == 0) {
    ::setpgid(0, 0);
    ::close(pipe_fds[0]);
    ::dup2(pipe_fds[1], 1);
    int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(err_fd, 2);
    int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, 0);
    for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
    std::vector<std::string> copy = argv;
    std::vector<char*> args;
    for (auto& a : copy) args.push_back(a.data());
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  m_out_fd = pipe_fds[0];
}

Child::~Child() {
  if (!m_waited && m_pid > 0) {
    ::kill(m_pid, SIGTERM);
    // Give servers a moment to stop their workers, then make sure.
    for (int i = 0; i < 50; ++i) {
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_waited = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!m_waited) {
      ::kill(-m_pid, SIGKILL);
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, nullptr, 0);
    }
  }
  if (m_out_fd >= 0) ::close(m_out_fd);
}

std::optional<std::string> Child::read_line(std::chrono::milliseconds limit) {
  auto end = std::chrono::steady_clock::now() + limit;
  for (;;) {
    auto nl = m_buffer.find('\n');
    if (nl != std::string::npos) {
      std::string line = m_buffer.substr(0, nl);
      m_buffer.erase(0, nl + 1);
      return line;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{m_out_fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char buf[4096];
    ssize_t n = ::read(m_out_fd, buf, sizeof buf);
    if (n <= 0) return std::nullopt;
    m_out.append(buf, static_cast<std::size_t>(n));
    m_buffer.append(buf, static_cast<std::size_t>(n));
  }
}

void Child::signal(int sig) { ::kill(m_pid, sig); }

int Child::wait() {
  if (!m_waited) {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(m_out_fd, buf, sizeof buf)) > 0) m_out.append(buf, static_cast<std::size_t>(n));
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    m_waited = true;
  }
  return m_status;
}

std::string Child::err() const { return read_file(m_tmp.path() / "stderr"); }

ProcessResult run_nastavnik(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  std::vector<std::string> argv = {NASTAVNIK_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  Child child(argv, env);
  ProcessResult r;
  r.exit_code = child.wait();
  r.out = child.out();
  r.err = child.err();
  return r;
}

// ---- FtpServer ----

FtpServer::FtpServer(bool tls) : m_tls(tls) {
  std::string ftpd = require_program({"/usr/sbin/pure-ftpd"}, "pure-ftpd");
  std::string pw = require_program({"/usr/bin/pure-pw"}, "pure-ftpd");
  if (::geteuid() != 0) throw std::runtime_error("pure-ftpd needs root for its virtual users: run the [net] tests as root (as CI does)");
  fs::path d = m_dir.path();
  fs::create_directories(root());
  run_or_throw("chown 65534:65534 '" + root().string() + "'");
  // The user line is written here with a SHA-512 crypt hash: pure-pw's default argon2 costs
  // seconds per login, which would dominate every test.
  run_or_throw("printf '%s:%s:65534:65534::%s/./::::::::::::\\n' '" + user() + "' \"$(openssl passwd -6 '" +
               password() + "')\" '" + root().string() + "' > '" + (d / "passwd").string() + "'");
  run_or_throw(pw + " mkdb '" + (d / "passwd.pdb").string() + "' -f '" + (d / "passwd").string() + "'");
  m_port = free_port();
  std::random_device rd;
  // A wide passive range: pure-ftpd stalls for a second when its pick is still in TIME_WAIT.
  int pasv = 20000 + static_cast<int>(rd() % 40) * 1000;
  std::vector<std::string> argv = {ftpd, "-S", "127.0.0.1," + std::to_string(m_port), "-l",
                                   "puredb:" + (d / "passwd.pdb").string(), "-E", "-A", "-u", "1", "-p",
                                   std::to_string(pasv) + ":" + std::to_string(pasv + 999), "-P", "127.0.0.1",
                                   "-c", "50", "-C", "50", "-H"};  // -H: no reverse DNS of clients
  if (tls) {
    run_or_throw("openssl req -x509 -newkey rsa:2048 -nodes -keyout '" + (d / "key.pem").string() + "' -out '" +
                 cert().string() + "' -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null");
    write_text(d / "both.pem", read_file(cert()) + read_file(d / "key.pem"));
    for (const auto& a : {"-Y", "2", "-2"}) argv.push_back(a);
    argv.push_back((d / "both.pem").string());
  }
  m_child = std::make_unique<Child>(argv);
  if (!wait_for_port(m_port)) throw std::runtime_error("pure-ftpd did not start: " + m_child->err());
}

FtpServer::~FtpServer() = default;

std::string FtpServer::url(const std::string& path) const {
  return std::string(m_tls ? "ftps" : "ftp") + "://" + user() + "@127.0.0.1:" + std::to_string(m_port) + "/" + path;
}

// ---- SftpServer ----

SftpServer::SftpServer() {
  std::string sshd = require_program({"/usr/sbin/sshd"}, "openssh-server");
  std::string keygen = require_program({"/usr/bin/ssh-keygen"}, "openssh-client");
  require_program({"/usr/lib/openssh/sftp-server"}, "openssh-server");
  fs::path d = m_dir.path();
  fs::create_directories(root());
  fs::create_directories(home() / ".ssh");
  std::error_code ec;
  fs::create_directories("/run/sshd", ec);  // sshd's privilege separation directory
  run_or_throw(keygen + " -q -t ed25519 -N '' -f '" + (d / "host_key").string() + "'");
  run_or_throw(keygen + " -q -t ed25519 -N '' -C nastavnik-test -f '" + (home() / ".ssh/id_ed25519").string() + "'");
  fs::copy_file(home() / ".ssh/id_ed25519.pub", d / "authorized_keys");
  m_port = free_port();
  m_user = current_user();
  std::string host_pub = read_file(d / "host_key.pub");
  host_pub = host_pub.substr(0, host_pub.find(' ', host_pub.find(' ') + 1));
  write_text(home() / ".ssh/known_hosts", "[127.0.0.1]:" + std::to_string(m_port) + " " + host_pub + "\n");
  write_text(d / "sshd_config", "Port " + std::to_string(m_port) +
                                    "\nListenAddress 127.0.0.1\nHostKey " + (d / "host_key").string() +
                                    "\nPidFile " + (d / "sshd.pid").string() +
                                    "\nAuthorizedKeysFile " + (d / "authorized_keys").string() +
                                    "\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n"
                                    "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
                                    "MaxStartups 50\nSubsystem sftp /usr/lib/openssh/sftp-server\n");
  m_child = std::make_unique<Child>(std::vector<std::string>{sshd, "-D", "-e", "-f", (d / "sshd_config").string()});
  if (!wait_for_port(m_port)) throw std::runtime_error("sshd did not start: " + m_child->err());
}

SftpServer::~SftpServer() = default;

std::string SftpServer::url(const std::string& path) const {
  return "sftp://" + m_user + "@127.0.0.1:" + std::to_string(m_port) + root().string() + "/" + path;
}

// ---- DavServer ----

DavServer::DavServer() {
  std::string nginx = require_program({"/usr/sbin/nginx"}, "nginx-light");
  fs::path d = m_dir.path();
  fs::create_directories(root());
  fs::create_directories(d / "tmp");
  fs::create_directories(d / "logs");
  run_or_throw("printf '%s:%s\\n' '" + user() + "' \"$(openssl passwd -apr1 '" + password() + "')\" > '" +
               (d / "htpasswd").string() + "'");
  m_port = free_port();
  std::string conf = std::string(::geteuid() == 0 ? "user root;\n" : "") +
                     "worker_processes 1;\npid " + (d / "nginx.pid").string() + ";\nerror_log " +
                     (d / "logs/error.log").string() + ";\nevents { worker_connections 256; }\nhttp {\n  access_log " +
                     (d / "logs/access.log").string() + ";\n  client_body_temp_path " + (d / "tmp").string() +
                     ";\n  proxy_temp_path " + (d / "tmp").string() + ";\n  fastcgi_temp_path " + (d / "tmp").string() +
                     ";\n  uwsgi_temp_path " + (d / "tmp").string() + ";\n  scgi_temp_path " + (d / "tmp").string() +
                     ";\n  client_max_body_size 100m;\n  server {\n    listen 127.0.0.1:" + std::to_string(m_port) +
                     ";\n    root " + root().string() + ";\n    location / {\n      auth_basic \"nastavnik\";\n"
                     "      auth_basic_user_file " + (d / "htpasswd").string() + ";\n"
                     "      dav_methods PUT DELETE MKCOL;\n      create_full_put_path on;\n      dav_access user:rw group:r all:r;\n"
                     "    }\n  }\n}\n";
  write_text(d / "nginx.conf", conf);
  m_child = std::make_unique<Child>(std::vector<std::string>{nginx, "-e", (d / "logs/error.log").string(), "-p",
                                                             d.string(), "-c", (d / "nginx.conf").string(), "-g",
                                                             "daemon off;"});
  if (!wait_for_port(m_port)) throw std::runtime_error("nginx did not start: " + read_file(d / "logs/error.log"));
}

DavServer::~DavServer() = default;

std::string DavServer::url(const std::string& path) const {
  return "http://" + user() + "@127.0.0.1:" + std::to_string(m_port) + "/" + path;
}

// ---- LinkServer ----

struct LinkServer::Guard {
  LinkServer& s;
  explicit Guard(LinkServer& server, const std::string& path) : s(server) {
    int now = ++s.m_now;
    int prev = s.m_max.load();
    while (now > prev && !s.m_max.compare_exchange_weak(prev, now)) {
    }
    ++s.m_total;
    std::lock_guard lock(s.m_mutex);
    ++s.m_counts[path];
  }
  ~Guard() { --s.m_now; }
};

LinkServer::LinkServer(std::chrono::milliseconds page_delay)
    : m_server(std::make_unique<httplib::Server>()), m_page_delay(page_delay) {
  auto& srv = *m_server;
  srv.set_keep_alive_timeout(1);
  auto count = [this](const std::string& path) {
    std::lock_guard lock(m_mutex);
    return m_counts[path];
  };
  auto handler = [this, count](const httplib::Request& req, httplib::Response& res) {
    Guard guard(*this, req.path);
    const std::string& p = req.path;
    bool head = req.method == "HEAD";
    if (p == "/ok") {
      res.set_content("ok", "text/plain");
    } else if (p == "/moved") {
      res.status = 301;
      res.set_header("Location", "/ok");
    } else if (p == "/found") {
      res.status = 302;
      res.set_header("Location", "/ok");
    } else if (p == "/missing") {
      res.status = 404;
      res.set_content("нет", "text/plain");
    } else if (p == "/limited") {
      if (count(p) == 1) {
        res.status = 429;
        res.set_header("Retry-After", "1");
      } else {
        res.set_content("ok", "text/plain");
      }
    } else if (p == "/flaky") {
      if (count(p) == 1) res.status = 500;
      else res.set_content("ok", "text/plain");
    } else if (p == "/slow") {
      std::this_thread::sleep_for(std::chrono::seconds(3));
      res.set_content("late", "text/plain");
    } else if (p == "/nohead") {
      if (head) res.status = 405;
      else res.set_content("ok", "text/plain");
    } else if (p == "/liar") {
      if (head) res.status = 404;
      else res.set_content("ok", "text/plain");
    } else if (p.rfind("/page/", 0) == 0) {
      std::this_thread::sleep_for(m_page_delay);
      res.set_content("page", "text/plain");
    } else {
      res.status = 404;
    }
  };
  srv.Get(".*", handler);
  // cpp-httplib answers HEAD with its GET handler; count HEAD separately through the same one.
  m_port = srv.bind_to_any_port("127.0.0.1");
  if (m_port <= 0) throw std::runtime_error("cannot bind the link test server");
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  if (!wait_for_port(m_port)) throw std::runtime_error("the link test server did not start");
}

LinkServer::~LinkServer() {
  m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

std::string LinkServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(m_port) + path;
}

int LinkServer::requests(const std::string& path) const {
  std::lock_guard lock(m_mutex);
  auto it = m_counts.find(path);
  return it == m_counts.end() ? 0 : it->second;
}

}  // namespace nastavnik::test
