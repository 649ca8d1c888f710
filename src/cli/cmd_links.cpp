// nastavnik links: checks the links of the built output.
#include <unistd.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "config/load_config.hpp"
#include "net/link_check.hpp"
#include "util/plural.hpp"

namespace nastavnik::cli {

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string summary(const net::LinkReport& r) {
  long n = static_cast<long>(r.checked);
  std::string out = std::string(util::plural_ru(n, "проверена", "проверено", "проверено")) + " " + util::count_ru(n, "ссылка", "ссылки", "ссылок");
  long broken = static_cast<long>(r.broken.size());
  out += broken == 0 ? ", битых нет" : ", " + util::count_ru(broken, "битая", "битые", "битых");
  if (!r.redirects.empty())
    out += ", " + util::count_ru(static_cast<long>(r.redirects.size()), "постоянное перенаправление",
                                 "постоянных перенаправления", "постоянных перенаправлений");
  if (r.cached) out += " (из кэша: " + std::to_string(r.cached) + ")";
  if (r.excluded) out += "; пропущено по links.exclude: " + std::to_string(r.excluded);
  return out;
}

void print_text(const net::LinkReport& r) {
  if (!r.broken.empty()) {
    std::cout << "Битые ссылки:\n";
    for (const auto& l : r.broken) {
      std::cout << "\n" << l.url << " — " << l.error << "\n";
      std::cout << "  " << (l.pages.size() == 1 ? "страница: " : "страницы: ") << join(l.pages) << "\n";
    }
    std::cout << "\n";
  }
  if (!r.redirects.empty()) {
    std::cout << "Постоянные перенаправления (не ошибка; лучше заменить адрес на новый):\n";
    for (const auto& l : r.redirects) {
      std::cout << "\n" << l.url << " → " << l.redirect_to << " (" << l.redirect_status << ")\n";
      std::cout << "  " << (l.pages.size() == 1 ? "страница: " : "страницы: ") << join(l.pages) << "\n";
    }
    std::cout << "\n";
  }
  std::cout << summary(r) << "\n";
}

void print_json(const net::LinkReport& r) {
  auto item = [](const net::LinkResult& l) {
    nlohmann::json j = {{"url", l.url}, {"external", l.external}, {"pages", l.pages}};
    if (l.status) j["status"] = l.status;
    if (!l.error.empty()) j["error"] = l.error;
    if (l.redirect_status) {
      j["redirect"] = l.redirect_status;
      j["location"] = l.redirect_to;
    }
    return j;
  };
  nlohmann::json broken = nlohmann::json::array(), redirects = nlohmann::json::array();
  for (const auto& l : r.broken) broken.push_back(item(l));
  for (const auto& l : r.redirects) redirects.push_back(item(l));
  nlohmann::json doc = {{"checked", r.checked}, {"internal", r.internal}, {"external", r.external},
                        {"cached", r.cached},   {"excluded", r.excluded}, {"requests", r.requests},
                        {"max_in_flight", r.max_in_flight},
                        {"broken", std::move(broken)}, {"redirects", std::move(redirects)}};
  std::cout << doc.dump(2) << "\n";
}

}  // namespace

ExitStatus cmd_links(const std::vector<std::string>& args) {
  std::string site = ".", out, format = "text";
  bool external = false;
  double timeout = 0;
  int jobs = 0;
  auto app = make_app("links",
                      "Проверить ссылки собранного сайта: внутренние ссылки, картинки и якоря (#…), "
                      "а с --external — и внешние адреса.");
  app->add_option("-s,--source", site, "папка сайта (по умолчанию — текущая)")->type_name("DIR");
  app->add_option("-o,--output", out, "папка собранного сайта (по умолчанию — public/ в папке сайта)")->type_name("DIR");
  app->add_flag("--external", external, "проверять и внешние ссылки (нужен доступ в интернет)");
  app->add_option("--timeout", timeout, "сколько секунд ждать ответа сервера (по умолчанию links.timeout, 10)")
      ->type_name("SEC");
  app->add_option("-j,--jobs", jobs, "сколько запросов одновременно (по умолчанию links.concurrency, 8)")->type_name("N");
  app->add_option("--format", format, "вид отчёта: text или json")->type_name("text|json");
  if (auto st = parse(*app, args)) return *st;
  if (format != "text" && format != "json") {
    print_error("--format: «" + format + "» — допустимо text или json");
    return ExitStatus::usage;
  }
  if (jobs < 0 || jobs > 256) {
    print_error("-j: число одновременных запросов должно быть от 1 до 256");
    return ExitStatus::usage;
  }
  if (timeout < 0 || timeout > 600 || std::isnan(timeout)) {
    print_error("--timeout: нужно число секунд от 1 до 600");
    return ExitStatus::usage;
  }

  std::filesystem::path site_dir = site;
  diag::Sink sink;
  auto cfg = config::load_site_config(site_dir, sink);
  if (cfg.status == config::ConfigStatus::missing) {
    print_error("в папке «" + site_dir.string() + "» нет site.yaml — это не папка сайта. Укажите папку сайта в -s");
    return ExitStatus::usage;
  }
  if (cfg.status == config::ConfigStatus::invalid || cfg.config.base_url.empty()) {
    PrintOptions po;
    po.site_dir = site_dir;
    print_diagnostics(sink, po);
    print_error("site.yaml содержит ошибки: исправьте их и соберите сайт заново");
    return ExitStatus::usage;
  }
  const auto& c = cfg.config;
  net::LinkCheckOptions opt;
  opt.site_dir = site_dir;
  opt.out_dir = out.empty() ? site_dir / "public" : std::filesystem::path(out);
  opt.base_url = c.base_url;
  opt.monitoring_slug = c.sections.monitoring;
  opt.documents_slug = c.sections.documents;
  opt.external = external;
  opt.timeout = std::chrono::milliseconds(static_cast<long>((timeout > 0 ? timeout : c.links.timeout) * 1000));
  opt.concurrency = jobs > 0 ? jobs : c.links.concurrency;
  opt.exclude = c.links.exclude;
  opt.cache_file = site_dir / ".nastavnik-cache" / "links.json";
  bool tty = ::isatty(STDERR_FILENO);
  if (tty) {
    opt.progress = [](std::size_t done, std::size_t total) {
      std::cerr << "\rпроверено " << done << " из " << total << "…" << std::flush;
    };
  }
  auto report = net::check_links(opt);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  if (!report.ok) {
    print_error(report.error);
    return ExitStatus::usage;
  }
  if (format == "json") print_json(report);
  else print_text(report);
  return report.broken.empty() ? ExitStatus::ok : ExitStatus::content;
}

}  // namespace nastavnik::cli
