#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "pipeline/pipeline.hpp"
#include "util/plural.hpp"

namespace nastavnik::cli {

namespace {

struct BuildArgs {
  std::string site = ".";
  std::string out;
  std::string base_url;
  bool drafts = false, future = false, strict = false, quiet = false;
  int jobs = 0;
  bool no_cache = false;
  std::string cache_dir;
  std::string now;
  std::string format = "text";
};

void add_common(CLI::App& app, BuildArgs& a, bool building) {
  app.add_option("-s,--source", a.site, "папка сайта (по умолчанию — текущая)")->type_name("DIR");
  if (building) {
    app.add_option("-o,--output", a.out, "папка результата (по умолчанию — public/ в папке сайта)")->type_name("DIR");
    app.add_option("--base-url", a.base_url, "адрес раздела вместо base_url из site.yaml")->type_name("URL");
    app.add_flag("--drafts", a.drafts, "включить черновики (draft: true)");
    app.add_flag("--future", a.future, "включить новости с датой в будущем");
    app.add_option("-j,--jobs", a.jobs, "число потоков (по умолчанию — все ядра)")->type_name("N");
  }
  app.add_option("--now", a.now, "считать сегодняшней эту дату (по умолчанию — системная)")->type_name("YYYY-MM-DD");
  app.add_option("--format", a.format, "вид сообщений: text или json")->type_name("text|json");
  app.add_flag("--strict", a.strict, "считать предупреждения ошибками");
  app.add_option("--cache-dir", a.cache_dir,
                 "папка кэша разбора (по умолчанию — $NASTAVNIK_CACHE_DIR, $XDG_CACHE_HOME/nastavnik или ~/.cache/nastavnik)")
      ->type_name("DIR");
  app.add_flag("--no-cache", a.no_cache, "разобрать все файлы заново, не читая и не записывая кэш разбора");
  if (building) app.add_flag("-q,--quiet", a.quiet, "печатать только ошибки");
}

ExitStatus run_pipeline(const BuildArgs& a, bool write) {
  if (a.format != "text" && a.format != "json") {
    print_error("--format: «" + a.format + "» — допустимо text или json");
    return ExitStatus::usage;
  }
  if (a.jobs < 0 || a.jobs > 256) {
    print_error("-j: число потоков должно быть от 1 до 256");
    return ExitStatus::usage;
  }
  pipeline::Options opt;
  opt.site_dir = a.site;
  opt.out_dir = a.out;
  if (!a.base_url.empty()) opt.base_url = a.base_url;
  opt.drafts = a.drafts;
  opt.future = a.future;
  opt.strict = a.strict;
  opt.jobs = a.jobs;
  opt.write = write;
  opt.last_run = true;  // the process ends with this run
  if (!a.no_cache) opt.cache_dir = a.cache_dir.empty() ? content::default_cache_dir() : std::filesystem::path(a.cache_dir);
  if (!resolve_now(a.now, opt.now)) return ExitStatus::usage;
  auto started = std::chrono::steady_clock::now();
  diag::Sink sink;
  auto result = pipeline::run(opt, sink);
  PrintOptions po;
  po.json = a.format == "json";
  po.quiet = a.quiet;
  po.site_dir = a.site;
  if (result.outcome == pipeline::Outcome::not_a_site) {
    if (po.json) print_diagnostics(sink, po);
    print_error(result.error);
    return ExitStatus::usage;
  }
  print_diagnostics(sink, po);
  if (!result.cache_note.empty() && !a.quiet && !po.json)
    std::cerr << "Кэш разбора не используется (файлы разобраны заново): " << result.cache_note << "\n";
  if (result.outcome == pipeline::Outcome::content_errors) {
    if (!po.json) {
      std::cerr << (write ? "Сайт не собран: исправьте ошибки выше; прежний результат не тронут.\n"
                          : "Проверка не пройдена.\n");
      if (a.strict && sink.errors() == 0) std::cerr << "(включён --strict: предупреждения считаются ошибками)\n";
    }
    return ExitStatus::content;
  }
  if (result.outcome == pipeline::Outcome::io_error) {
    print_error(result.error);
    return ExitStatus::usage;
  }
  if (write && !a.quiet && !po.json) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char time[32];
    std::snprintf(time, sizeof time, "%.2f", secs);
    std::string t = time;
    for (auto& c : t)
      if (c == '.') c = ',';
    std::cout << "Сайт собран: " << util::count_ru(static_cast<long>(result.files), "файл", "файла", "файлов") << " в "
              << result.out_dir.string() << " (записано " << result.write.written << ", без изменений "
              << result.write.unchanged << ") за " << t << " с\n";
  }
  return ExitStatus::ok;
}

}  // namespace

ExitStatus cmd_build(const std::vector<std::string>& args) {
  BuildArgs a;
  auto app = make_app("build", "Проверить сайт и собрать раздел в папку public/. При ошибках ничего не записывается.");
  add_common(*app, a, true);
  if (auto st = parse(*app, args)) return *st;
  return run_pipeline(a, true);
}

ExitStatus cmd_check(const std::vector<std::string>& args) {
  BuildArgs a;
  auto app = make_app("check", "Проверить сайт по Положению и правилам, не собирая результат (обновляется только кэш разбора вне сайта).");
  add_common(*app, a, false);
  if (auto st = parse(*app, args)) return *st;
  return run_pipeline(a, false);
}

}  // namespace nastavnik::cli
