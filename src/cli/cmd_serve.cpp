// `nastavnik serve`: build into a private folder, serve it on loopback, rebuild on every save
// and reload the open pages.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "diag/printer.hpp"
#include "content/load_store.hpp"
#include "pipeline/pipeline.hpp"
#include "serve/live_reload.hpp"
#include "serve/server.hpp"
#include "serve/watcher.hpp"
#include "util/plural.hpp"

namespace nastavnik::cli {

namespace fs = std::filesystem;

namespace {

struct ServeArgs {
  std::string site = ".";
  std::string bind = "127.0.0.1";
  int port = 8080;
  bool drafts = false, future = false, no_cache = false;
  std::string now, cache_dir;
};

/// The private output folder, removed with everything in it when serve ends.
class PrivateDir {
 public:
  PrivateDir() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string pattern = (base / "nastavnik-serve-XXXXXX").string();
    if (::mkdtemp(pattern.data())) m_path = fs::canonical(pattern, ec);
  }
  ~PrivateDir() {
    std::error_code ec;
    if (!m_path.empty()) fs::remove_all(m_path, ec);
  }
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

/// SIGINT and SIGTERM as a readable descriptor, so that Ctrl-C ends the loop and every
/// destructor runs. Blocked before any thread starts, so that no other thread takes them.
class SignalFd {
 public:
  SignalFd() {
    sigemptyset(&m_set);
    sigaddset(&m_set, SIGINT);
    sigaddset(&m_set, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &m_set, nullptr);
    m_fd = ::signalfd(-1, &m_set, SFD_CLOEXEC | SFD_NONBLOCK);
  }
  /// Takes the pending signals, so that none is delivered later. The mask stays: the process is
  /// about to exit, and a second Ctrl+C meanwhile must not kill it half-way through the clean-up.
  ~SignalFd() {
    if (m_fd < 0) return;
    signalfd_siginfo info;
    while (::read(m_fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    }
    ::close(m_fd);
  }
  SignalFd(const SignalFd&) = delete;
  SignalFd& operator=(const SignalFd&) = delete;
  int fd() const { return m_fd; }

 private:
  sigset_t m_set{};
  int m_fd = -1;
};

/// Why the address cannot be used, in Russian (asks the kernel once more to learn errno).
std::string bind_failure(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* res = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res) != 0 || !res)
    return "адрес «" + host + "» не удалось распознать. Укажите IP-адрес, например --bind 127.0.0.1";
  int err = 0;
  int s = ::socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
  if (s >= 0) {
    int yes = 1;
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(s, res->ai_addr, res->ai_addrlen) != 0 || ::listen(s, 1) != 0) err = errno;
    ::close(s);
  }
  ::freeaddrinfo(res);
  const std::string where = host + ":" + std::to_string(port);
  const std::string next = std::to_string(port < 65535 ? port + 1 : 8081);
  if (err == EACCES)
    return "нет прав открыть порт " + std::to_string(port) +
           " (порты до 1024 — только для администратора).\n  подсказка: выберите другой порт, например: nastavnik serve --port 8080";
  if (err == EADDRNOTAVAIL)
    return "адрес " + host + " не принадлежит этому компьютеру.\n  подсказка: для просмотра на этом компьютере — --bind 127.0.0.1";
  return "порт " + std::to_string(port) + " на " + where.substr(0, where.rfind(':')) +
         " уже занят: им пользуется другая программа (возможно, уже запущен nastavnik serve).\n"
         "  подсказка: закройте её или выберите другой порт, например: nastavnik serve --port " + next;
}

std::string clock_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

std::string seconds_ru(std::chrono::steady_clock::duration d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::chrono::duration<double>(d).count());
  std::string s = buf;
  for (auto& c : s)
    if (c == '.') c = ',';
  return s + " с";
}

/// One build into the private folder; publishes the result to the open pages and prints it.
void rebuild(const pipeline::Options& opt, serve::LiveReload& live, const std::string& why) {
  auto started = std::chrono::steady_clock::now();
  diag::Sink sink;
  auto result = pipeline::run(opt, sink);
  auto took = std::chrono::steady_clock::now() - started;
  PrintOptions po;
  po.site_dir = opt.site_dir;
  print_diagnostics(sink, po);  // diagnostics and the summary line (when any), with source lines
  const std::string stamp = "[" + clock_now() + "] ";
  switch (result.outcome) {
    case pipeline::Outcome::ok: {
      live.publish_ok(result.write.written > 0);
      std::cout << stamp << why << "сайт собран за " << seconds_ru(took) << " (изменено файлов: "
                << result.write.written << ", без изменений: " << result.write.unchanged;
      if (opt.caches) {
        auto st = opt.caches->load.last();
        std::cout << "; прочитано заново текстов: " << st.parsed << " из " << st.sources;
      }
      std::cout << ")\n" << std::flush;
      break;
    }
    case pipeline::Outcome::content_errors: {
      std::string summary = util::count_ru(sink.errors(), "ошибка", "ошибки", "ошибок");
      live.publish_errors(serve::render_error_box(sink.sorted(), opt.site_dir, summary), summary);
      std::cout << stamp << why << "сайт не собран: " << summary
                << ". Исправьте и сохраните файл — браузер покажет ошибки и обновится сам.\n"
                << std::flush;
      break;
    }
    case pipeline::Outcome::not_a_site:
    case pipeline::Outcome::io_error: {
      diag::Diagnostic d;
      d.code = "serve.build";
      d.message = result.error;
      d.pos.file = "site.yaml";
      std::string summary = "сборка невозможна";
      live.publish_errors(serve::render_error_box({d}, opt.site_dir, summary), summary);
      print_error(result.error);
      break;
    }
  }
}

std::string describe_changes(const std::vector<std::string>& changed, bool overflow) {
  if (overflow || changed.empty()) return "Изменения в папке сайта — ";
  std::string s = "Изменено: " + changed.front();
  if (changed.size() > 1) s += " и ещё " + std::to_string(changed.size() - 1);
  return s + " — ";
}

}  // namespace

ExitStatus cmd_serve(const std::vector<std::string>& args) {
  ServeArgs a;
  auto app = make_app("serve",
                      "Предпросмотр сайта в браузере: собрать во временную папку, открыть на http://127.0.0.1:8080/, "
                      "пересобирать при каждом сохранении файла и обновлять открытые страницы. Остановить: Ctrl+C.");
  app->add_option("-s,--source", a.site, "папка сайта (по умолчанию — текущая)")->type_name("DIR");
  app->add_option("--bind", a.bind, "адрес, на котором принимать запросы (по умолчанию 127.0.0.1 — только этот компьютер)")
      ->type_name("ADDR");
  app->add_option("--port", a.port, "порт (по умолчанию 8080; 0 — любой свободный)")->type_name("PORT");
  app->add_flag("--drafts", a.drafts, "показывать черновики (draft: true)");
  app->add_flag("--future", a.future, "показывать новости с датой в будущем");
  app->add_option("--now", a.now, "считать сегодняшней эту дату (по умолчанию — системная)")->type_name("YYYY-MM-DD");
  app->add_option("--cache-dir", a.cache_dir,
                  "папка кэша разбора (по умолчанию — $NASTAVNIK_CACHE_DIR, $XDG_CACHE_HOME/nastavnik или ~/.cache/nastavnik)")
      ->type_name("DIR");
  app->add_flag("--no-cache", a.no_cache, "не читать и не записывать кэш разбора (между сохранениями serve помнит разбор сам)");
  if (auto st = parse(*app, args)) return *st;
  if (a.port < 0 || a.port > 65535) {
    print_error("--port: порт должен быть числом от 1 до 65535 (или 0 — любой свободный)");
    return ExitStatus::usage;
  }
  pipeline::Options opt;
  opt.site_dir = a.site;
  opt.drafts = a.drafts;
  opt.future = a.future;
  opt.serve_mode = true;
  if (!a.no_cache) opt.cache_dir = a.cache_dir.empty() ? content::default_cache_dir() : fs::path(a.cache_dir);
  if (!resolve_now(a.now, opt.now)) return ExitStatus::usage;
  std::error_code ec;
  if (!fs::is_directory(opt.site_dir, ec)) {
    print_error("папка сайта «" + a.site + "» не найдена");
    return ExitStatus::usage;
  }
  if (!fs::exists(opt.site_dir / "site.yaml", ec)) {
    print_error("в папке «" + a.site +
                "» нет site.yaml — это не папка сайта. Укажите папку сайта в -s или создайте сайт: nastavnik init ПАПКА");
    return ExitStatus::usage;
  }

  SignalFd signals;  // before any thread (TBB's workers, the server's pool) is created
  PrivateDir dir;
  if (dir.path().empty()) {
    print_error("не удалось создать временную папку для предпросмотра (проверьте TMPDIR и свободное место)");
    return ExitStatus::usage;
  }
  opt.out_dir = dir.path() / "site";
  pipeline::Caches caches;  // unchanged sources are not parsed again on the next save
  opt.caches = &caches;

  serve::LiveReload live;
  serve::PreviewServer server(opt.out_dir, live);
  int port = server.bind(a.bind, a.port);
  if (port < 0) {
    print_error(bind_failure(a.bind, a.port));
    return ExitStatus::usage;
  }
  std::optional<serve::Watcher> watcher;
  try {
    watcher.emplace(opt.site_dir);
  } catch (const std::exception& e) {
    print_error(std::string("не удалось следить за изменениями файлов (inotify): ") + e.what() +
                ". Возможно, исчерпан лимит: sysctl fs.inotify.max_user_watches");
    return ExitStatus::usage;
  }

  rebuild(opt, live, "");
  // The first build took what earlier builds of this site stored in the parse cache (and stored
  // what they had not); later ones keep their own in memory and leave the store to `build`.
  opt.cache_dir.clear();
  server.start();
  std::string host = a.bind.find(':') != std::string::npos ? "[" + a.bind + "]" : a.bind;
  std::cout << "Предпросмотр: http://" << host << ":" << port << "/\n"
            << "Слежу за изменениями в site.yaml, content/ и layouts/ — страницы в браузере обновятся сами.\n"
            << "Временная папка сборки: " << opt.out_dir.string() << "\n"
            << "Остановить: Ctrl+C\n"
            << std::flush;

  for (;;) {
    serve::WatchBatch batch = watcher->wait(signals.fd());
    if (batch.interrupted) break;
    if (batch.changed.empty() && !batch.overflow) continue;
    rebuild(opt, live, describe_changes(batch.changed, batch.overflow));
  }
  server.stop();
  watcher.reset();
  std::cout << "Предпросмотр остановлен.\n" << std::flush;
  return ExitStatus::ok;
}

}  // namespace nastavnik::cli
