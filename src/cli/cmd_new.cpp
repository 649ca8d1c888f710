// `nastavnik new KIND "Заголовок"`: a new content file from a commented template.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "config/load_config.hpp"
#include "scaffold/scaffold.hpp"
#include "util/slug.hpp"
#include "util/suggest.hpp"

namespace nastavnik::cli {

namespace fs = std::filesystem;

namespace {

/// Writes a new file; false when it exists already (never overwrites, even in a race).
bool create_exclusive(const fs::path& path, const std::string& bytes, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = errno == EEXIST ? "exists" : std::strerror(errno);
    return false;
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return ::close(fd) == 0;
}

std::string section_of(scaffold::Kind kind, const config::Sections& s) {
  switch (kind) {
    case scaffold::Kind::practice: return s.practices + "/";
    case scaffold::Kind::news: return s.news + "/";
    case scaffold::Kind::program: return s.programs + "/";
    case scaffold::Kind::page: return "";
  }
  return "";
}

/// A page slug that some section or a built-in folder already takes.
bool reserved_page_slug(const std::string& slug, const config::Sections& s) {
  for (const std::string& taken : {s.regulation, s.roadmap, s.bank, s.programs, s.practices, s.news, s.documents,
                                   s.monitoring, s.search, std::string("assets"), std::string("files"),
                                   std::string("page")})
    if (slug == taken) return true;
  return false;
}

}  // namespace

ExitStatus cmd_new(const std::vector<std::string>& args) {
  std::string kind_text, title, site = ".";
  auto app = make_app("new",
                      "Создать файл новой практики, новости (анонса), программы или страницы с заполненным шаблоном.\n"
                      "Пример: nastavnik new news \"Стартовала Школа наставников\"");
  app->add_option("KIND", kind_text, "что создать: practice (практика), news (новость или анонс), program "
                                     "(программа), page (страница)")
      ->required()
      ->type_name("ВИД");
  app->add_option("TITLE", title, "заголовок по-русски, в кавычках")->required()->type_name("ЗАГОЛОВОК");
  app->add_option("-s,--source", site, "папка сайта (по умолчанию — текущая)")->type_name("DIR");
  if (auto st = parse(*app, args)) return *st;

  auto kind = scaffold::parse_kind(kind_text);
  if (!kind) {
    std::string msg = "неизвестный вид «" + kind_text + "»: допустимо practice, news, program или page";
    if (auto best = util::closest(kind_text, {"practice", "news", "program", "page"}))
      msg += "\n  подсказка: возможно, имелось в виду «" + *best + "»";
    print_error(msg);
    return ExitStatus::usage;
  }
  std::error_code ec;
  const fs::path root = site;
  if (!fs::exists(root / "site.yaml", ec)) {
    print_error("в папке «" + site +
                "» нет site.yaml — это не папка сайта. Укажите папку сайта в -s или создайте сайт: nastavnik init ПАПКА");
    return ExitStatus::usage;
  }
  std::string slug = util::slugify(title);
  if (slug.empty()) {
    print_error("из заголовка «" + title + "» не получается адрес страницы: нужны буквы или цифры");
    return ExitStatus::usage;
  }
  diag::Sink sink;  // problems of site.yaml are reported by build; here the defaults stand in
  auto cfg = config::load_site_config(root, sink);
  const auto& sections = cfg.config.sections;
  if (*kind == scaffold::Kind::page && reserved_page_slug(slug, sections)) {
    print_error("адрес «" + slug + "/» уже занят разделом сайта.\n  подсказка: выберите другой заголовок страницы");
    return ExitStatus::usage;
  }
  const std::string rel = "content/" + std::string(scaffold::folder_of(*kind)) + "/" + slug + ".md";
  const fs::path path = root / rel;
  if (fs::exists(path, ec)) {
    print_error("файл " + rel + " уже есть — nastavnik не перезаписывает файлы.\n"
                "  подсказка: откройте этот файл или выберите другой заголовок");
    return ExitStatus::usage;
  }
  fs::create_directories(path.parent_path(), ec);
  std::string error;
  const std::string text = scaffold::new_content(*kind, title, util::today(), cfg.config.rules);
  if (!create_exclusive(path, text, error)) {
    if (error == "exists")
      print_error("файл " + rel + " уже есть — nastavnik не перезаписывает файлы.");
    else
      print_error("не удалось создать " + rel + ": " + error);
    return ExitStatus::usage;
  }
  const std::string url_path = section_of(*kind, sections) + slug + "/";
  std::string base = cfg.config.base_url.empty() ? std::string("/") : cfg.config.base_url;
  std::cout << "Создан файл: " << rel << "\n"
            << "Адрес страницы: " << base << url_path << "\n"
            << "Откройте файл в редакторе, заполните поля и текст, затем проверьте: nastavnik serve\n";
  return ExitStatus::ok;
}

}  // namespace nastavnik::cli
