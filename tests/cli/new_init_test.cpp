// `nastavnik new` and `nastavnik init`: what they create builds with zero errors.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

#include "scaffold/scaffold.hpp"
#include "support/site_builder.hpp"
#include "util/date.hpp"
#include "util/slug.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;
using test::run_binary;

namespace {

/// `check --format json` of a site (system date, as new and init use today's date).
nlohmann::json check_json(const fs::path& site, bool strict = false) {
  std::vector<std::string> args = {"check", "-s", site.string(), "--format", "json"};
  if (strict) args.push_back("--strict");
  auto r = run_binary(args);
  INFO(r.err);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("slugs of Russian titles cover ё, й, ъ, ь and щ", "[cli][new]") {
  CHECK(util::slugify("Школа наставников") == "shkola-nastavnikov");
  CHECK(util::slugify("Щедрый подъезд: ёлка, йогурт и мальчик") == "shchedryy-podezd-elka-yogurt-i-malchik");
}

TEST_CASE("new creates each kind from a template that builds with zero errors", "[cli][new]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  const std::string site = dir.path().string();

  auto news = run_binary({"new", "news", "Школа наставников", "-s", site});
  INFO(news.err);
  REQUIRE(news.exit_code == 0);
  CHECK(fs::exists(dir.path() / "content/news/shkola-nastavnikov.md"));
  CHECK(news.out.find("content/news/shkola-nastavnikov.md") != std::string::npos);
  CHECK(news.out.find("https://test.example.ru/nastavnichestvo/novosti/shkola-nastavnikov/") != std::string::npos);
  std::string text = test::read_file(dir.path() / "content/news/shkola-nastavnikov.md");
  CHECK(text.find("date: " + util::to_iso(util::today())) != std::string::npos);
  CHECK(text.find("# event:") != std::string::npos);

  auto practice = run_binary({"new", "practice", "Щедрый подъезд: ёлка, йогурт и мальчик", "-s", site});
  REQUIRE(practice.exit_code == 0);
  const auto practice_file = dir.path() / "content/practices/shchedryy-podezd-elka-yogurt-i-malchik.md";
  REQUIRE(fs::exists(practice_file));
  text = test::read_file(practice_file);
  CHECK(text.find("title: \"Щедрый подъезд: ёлка, йогурт и мальчик\"") != std::string::npos);
  CHECK(text.find("#   ученик – ученик") != std::string::npos);  // the forms of the rules, as a comment
  for (const char* h : {"## Цель", "## Содержание", "## Результаты"}) CHECK(text.find(h) != std::string::npos);
  CHECK(practice.out.find("/praktiki/shchedryy-podezd-elka-yogurt-i-malchik/") != std::string::npos);

  auto program = run_binary({"new", "program", "Адаптация: «первый год»", "-s", site});
  REQUIRE(program.exit_code == 0);
  text = test::read_file(dir.path() / "content/programs/adaptatsiya-pervyy-god.md");
  const util::Date today = util::today();
  CHECK(text.find("start: " + util::to_iso(today)) != std::string::npos);
  CHECK(text.find("end: " + util::to_iso(util::add_days(util::add_months(today, 9), -1))) != std::string::npos);

  auto page = run_binary({"new", "page", "Наставники года", "-s", site});
  REQUIRE(page.exit_code == 0);
  CHECK(fs::exists(dir.path() / "content/pages/nastavniki-goda.md"));
  CHECK(page.out.find("https://test.example.ru/nastavnichestvo/nastavniki-goda/") != std::string::npos);

  auto j = check_json(dir.path());
  INFO(j.dump(2));
  CHECK(j["errors"] == 0);
  // Nothing the templates add warns either (the base site itself may warn).
  for (const auto& d : j["diagnostics"]) {
    std::string file = d["file"];
    CHECK(file.find("shkola-nastavnikov") == std::string::npos);
    CHECK(file.find("shchedryy") == std::string::npos);
    CHECK(file.find("adaptatsiya-pervyy-god") == std::string::npos);
    CHECK(file.find("nastavniki-goda") == std::string::npos);
  }
  test::TempDir out;
  CHECK(run_binary({"build", "-s", site, "-o", (out.path() / "public").string()}).exit_code == 0);
  CHECK(fs::exists(out.path() / "public/novosti/shkola-nastavnikov/index.html"));
}

TEST_CASE("new never overwrites and rejects what it cannot do", "[cli][new]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  const std::string site = dir.path().string();
  REQUIRE(run_binary({"new", "news", "Школа наставников", "-s", site}).exit_code == 0);
  const auto file = dir.path() / "content/news/shkola-nastavnikov.md";
  const std::string before = test::read_file(file);
  auto again = run_binary({"new", "news", "Школа  наставников!", "-s", site});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("уже есть") != std::string::npos);
  CHECK(test::read_file(file) == before);

  auto kind = run_binary({"new", "novost", "Заголовок", "-s", site});
  CHECK(kind.exit_code == 2);
  CHECK(kind.err.find("неизвестный вид") != std::string::npos);
  CHECK(run_binary({"new", "news", "!!!", "-s", site}).exit_code == 2);
  CHECK(run_binary({"new", "page", "Новости", "-s", site}).exit_code == 2);  // novosti/ is the news section
  CHECK(run_binary({"new", "news"}).exit_code == 2);
  test::TempDir empty;
  CHECK(run_binary({"new", "news", "Заголовок", "-s", empty.path().string()}).exit_code == 2);
  CHECK(run_binary({"new", "новость", "Русский вид", "-s", site}).exit_code == 0);
}

TEST_CASE("init creates a minimal site that passes build --strict", "[cli][init]") {
  test::TempDir dir;
  const fs::path site = dir.path() / "novyy-sayt";
  auto r = run_binary({"init", site.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* f : {"site.yaml", "content/_index.md", "content/polozhenie.md", "content/roadmap.yaml",
                        "content/bank.yaml", "content/documents.yaml", "content/monitoring.yaml"})
    CHECK(fs::exists(site / f));
  const std::string yaml = test::read_file(site / "site.yaml");
  CHECK(yaml.find("# ") != std::string::npos);
  const std::string bank = test::read_file(site / "content/bank.yaml");
  CHECK(bank.find("guardian") != std::string::npos);  // the consent example for a minor

  auto j = check_json(site, true);
  INFO(j.dump(2));
  CHECK(j["errors"] == 0);
  CHECK(j["warnings"] == 0);
  auto build = run_binary({"build", "--strict", "-s", site.string()});
  INFO(build.err);
  CHECK(build.exit_code == 0);
  CHECK(fs::exists(site / "public/index.html"));

  // new works in the new site, and the result still passes --strict.
  CHECK(run_binary({"new", "news", "Школа наставников", "-s", site.string()}).exit_code == 0);
  CHECK(run_binary({"new", "practice", "Кейс: наставник молодого учителя", "-s", site.string()}).exit_code == 0);
  CHECK(run_binary({"new", "program", "Шаг навстречу", "-s", site.string()}).exit_code == 0);
  CHECK(run_binary({"new", "page", "Куратор", "-s", site.string()}).exit_code == 0);
  j = check_json(site, true);
  INFO(j.dump(2));
  CHECK(j["errors"] == 0);
  CHECK(j["warnings"] == 0);
}

TEST_CASE("init refuses a non-empty folder and a file", "[cli][init]") {
  test::TempDir dir;
  std::ofstream(dir.path() / "keep.txt") << "x";
  auto r = run_binary({"init", dir.path().string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("не пуста") != std::string::npos);
  CHECK(test::read_file(dir.path() / "keep.txt") == "x");
  CHECK(run_binary({"init", (dir.path() / "keep.txt").string()}).exit_code == 2);
  CHECK(run_binary({"init"}).exit_code == 2);
  test::TempDir empty;
  CHECK(run_binary({"init", empty.path().string()}).exit_code == 0);
}
