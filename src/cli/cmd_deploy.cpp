// nastavnik deploy: uploads the built output to the hosting.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "config/load_config.hpp"
#include "net/deploy.hpp"
#include "util/plural.hpp"

namespace nastavnik::cli {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string format_size(std::uint64_t bytes) {
  char buf[32];
  if (bytes < 1024) return std::to_string(bytes) + " Б";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " КБ";
  std::snprintf(buf, sizeof buf, "%.1f МБ", static_cast<double>(bytes) / (1024.0 * 1024.0));
  std::string s = buf;
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

std::string home_file(const char* rel) {
  std::string home = env("HOME");
  if (home.empty()) return {};
  fs::path p = fs::path(home) / rel;
  std::error_code ec;
  return fs::exists(p, ec) ? p.string() : std::string{};
}

std::string files_ru(std::size_t n) { return util::count_ru(static_cast<long>(n), "файл", "файла", "файлов"); }

}  // namespace

ExitStatus cmd_deploy(const std::vector<std::string>& args) {
  std::string site = ".", out, target_text;
  bool dry_run = false, remove = false, yes = false, verbose = false;
  auto app = make_app("deploy",
                      "Загрузить собранный сайт на хостинг: ftp://, ftps:// (FTP с TLS), sftp://, https:// "
                      "(WebDAV) или file:///папка/. Загружаются только изменённые файлы.\n"
                      "Пароль: переменная NASTAVNIK_DEPLOY_PASSWORD или ~/.netrc; ключ SFTP: "
                      "NASTAVNIK_DEPLOY_KEY или ~/.ssh/id_ed25519, ~/.ssh/id_rsa.");
  app->add_option("-s,--source", site, "папка сайта (по умолчанию — текущая)")->type_name("DIR");
  app->add_option("-o,--output", out, "папка собранного сайта (по умолчанию — public/ в папке сайта)")->type_name("DIR");
  app->add_option("--target", target_text, "куда загружать (по умолчанию deploy.target из site.yaml)")->type_name("URL");
  app->add_flag("--dry-run", dry_run, "только показать план, ничего не менять на сервере");
  app->add_flag("--delete", remove, "удалить на сервере файлы, которых больше нет в сборке (только загруженные nastavnik)");
  app->add_flag("--yes", yes, "подтвердить удаление большого числа файлов");
  app->add_flag("-v,--verbose", verbose, "печатать каждый загруженный и удалённый файл");
  if (auto st = parse(*app, args)) return *st;

  fs::path site_dir = site;
  diag::Sink sink;
  auto cfg = config::load_site_config(site_dir, sink);
  if (cfg.status == config::ConfigStatus::missing && (out.empty() || target_text.empty())) {
    print_error("в папке «" + site_dir.string() + "» нет site.yaml — это не папка сайта. Укажите папку сайта в -s");
    return ExitStatus::usage;
  }
  // An error in site.yaml (a max_delete of "5abc", a target that is not a string) would
  // otherwise be replaced by a default in silence: deletions are not where to guess.
  if (cfg.status != config::ConfigStatus::missing && sink.errors() > 0) {
    PrintOptions po;
    po.site_dir = site_dir;
    print_diagnostics(sink, po);
    print_error("в site.yaml есть ошибки — исправьте их, затем загружайте (nastavnik check покажет их все)");
    return ExitStatus::content;
  }
  if (target_text.empty()) target_text = cfg.config.deploy_target;
  if (target_text.empty()) {
    print_error("не указано, куда загружать: добавьте в site.yaml deploy: { target: \"ftps://логин@хост/public_html/\" } "
                "или укажите --target");
    return ExitStatus::usage;
  }
  std::string error;
  auto target = net::parse_target(target_text, error);
  if (!target) {
    print_error(error);
    return ExitStatus::usage;
  }

  net::DeployOptions opt;
  opt.out_dir = out.empty() ? site_dir / "public" : fs::path(out);
  opt.dry_run = dry_run;
  opt.remove = remove;
  opt.yes = yes;
  opt.max_delete = cfg.config.deploy_max_delete;
  net::Credentials& c = opt.credentials;
  c.user = target->url.user;
  c.password = target->url.has_password ? target->url.password : env("NASTAVNIK_DEPLOY_PASSWORD");
  c.netrc = c.password.empty();
  c.ca_file = env("NASTAVNIK_DEPLOY_CA");
  c.insecure = env("NASTAVNIK_DEPLOY_INSECURE") == "1";
  if (target->scheme == "sftp") {
    c.ssh_key = env("NASTAVNIK_DEPLOY_KEY");
    if (c.ssh_key.empty()) c.ssh_key = home_file(".ssh/id_ed25519");
    if (c.ssh_key.empty()) c.ssh_key = home_file(".ssh/id_rsa");
    c.known_hosts = home_file(".ssh/known_hosts");
    if (c.known_hosts.empty() && !c.insecure && !dry_run) {
      print_error("нет файла ~/.ssh/known_hosts, поэтому подлинность сервера " + target->url.host +
                  " проверить нельзя. Добавьте его ключ: ssh-keyscan" +
                  (target->url.port.empty() ? "" : " -p " + target->url.port) + " " + target->url.host +
                  " >> ~/.ssh/known_hosts (и сверьте отпечаток с данными хостинга)");
      return ExitStatus::usage;
    }
  }
  opt.target = *target;
  if (target->url.has_password)
    std::cerr << "nastavnik: внимание: пароль записан прямо в адресе назначения; лучше задать его в "
                 "NASTAVNIK_DEPLOY_PASSWORD или ~/.netrc (см. docs/deploy.md)\n";

  bool tty = ::isatty(STDERR_FILENO);
  if (tty) {
    opt.progress = [](const net::DeployProgress& p) {
      constexpr int k_width = 24;
      int filled = p.files_total ? static_cast<int>(k_width * p.files_done / p.files_total) : k_width;
      std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
                << std::string(static_cast<std::size_t>(k_width - filled), ' ') << "] " << p.files_done << "/"
                << p.files_total << " файлов, " << format_size(p.bytes_done) << " из " << format_size(p.bytes_total)
                << "\033[K" << std::flush;
    };
  }
  if (verbose) opt.log = [](const std::string& line) { std::cout << line << std::endl; };

  if (!dry_run) std::cerr << "Загрузка в " << target->display << "\n";
  auto r = net::deploy(opt);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  const auto& plan = r.plan;
  switch (r.status) {
    case net::DeployStatus::io_error: print_error(r.error); return ExitStatus::usage;
    case net::DeployStatus::refused: print_error(r.error); return ExitStatus::usage;
    case net::DeployStatus::failed:
      print_error(r.error);
      if (r.uploaded || r.deleted)
        std::cerr << "Успели загрузить " << files_ru(r.uploaded) << ", удалить " << r.deleted
                  << ". Повторите команду: она догрузит остальное.\n";
      return ExitStatus::content;
    case net::DeployStatus::ok: break;
  }
  if (dry_run) {
    std::cout << "План загрузки в " << target->display << (r.had_manifest ? "" : " (загрузка в первый раз)") << ":\n";
    std::cout << "  загрузить " << files_ru(plan.upload.size()) << " (" << format_size(plan.upload_bytes) << ")\n";
    std::cout << "  удалить " << files_ru(plan.remove.size()) << "\n";
    std::cout << "  без изменений " << files_ru(plan.unchanged) << "\n";
    for (const auto& f : plan.upload) std::cout << "  + " << f.rel << "\n";
    for (const auto& f : plan.remove) std::cout << "  - " << f << "\n";
    if (!plan.stale.empty())
      std::cout << "На сервере " << (plan.stale.size() == 1 ? "остался " : "остались ") << files_ru(plan.stale.size())
                << " прежней сборки; удалить их: --delete\n";
    std::cout << "Пробный запуск: на сервере ничего не изменено.\n";
    return ExitStatus::ok;
  }
  std::cout << util::plural_ru(static_cast<long>(r.uploaded), "загружен", "загружено", "загружено") << " "
            << files_ru(r.uploaded) << " (" << format_size(r.bytes_uploaded) << "), удалено " << r.deleted
            << ", без изменений " << plan.unchanged << "\n";
  if (!plan.stale.empty())
    std::cout << "На сервере " << (plan.stale.size() == 1 ? "остался " : "остались ") << files_ru(plan.stale.size())
              << " прежней сборки; удалить их: nastavnik deploy --delete\n";
  return ExitStatus::ok;
}

}  // namespace nastavnik::cli
