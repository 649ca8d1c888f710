// Tier 5: the real binary, its exit codes and its messages.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

#include "render/page_cache.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;
using test::run_binary;

TEST_CASE("every command has --help in Russian and exits 0", "[cli]") {
  for (const char* cmd : {"build", "check", "version"}) {
    auto r = run_binary({cmd, "--help"});
    INFO(cmd);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Использование: nastavnik") != std::string::npos);
  }
  auto top = run_binary({"--help"});
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("Команды:") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a Russian message and a suggestion", "[cli]") {
  auto unknown_cmd = run_binary({"bild"});
  CHECK(unknown_cmd.exit_code == 2);
  CHECK(unknown_cmd.err.find("неизвестная команда") != std::string::npos);
  CHECK(unknown_cmd.err.find("build") != std::string::npos);

  auto unknown_opt = run_binary({"build", "--draft"});
  CHECK(unknown_opt.exit_code == 2);
  CHECK(unknown_opt.err.find("неизвестный параметр") != std::string::npos);
  CHECK(unknown_opt.err.find("--drafts") != std::string::npos);

  CHECK(run_binary({"build", "--now", "2024-02-30"}).exit_code == 2);
  CHECK(run_binary({"build", "--format", "xml"}).exit_code == 2);
  CHECK(run_binary({}).exit_code == 2);
}

TEST_CASE("a folder without site.yaml is a usage error", "[cli]") {
  test::TempDir dir;
  auto r = run_binary({"check", "-s", dir.path().string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("site.yaml") != std::string::npos);
}

TEST_CASE("the binary does not load libcurl at start: only deploy and links open it", "[cli]") {
  // Thirty libraries come with libcurl (TLS, SSH, Kerberos, LDAP…): 3.5 ms of every start of
  // `build`, `check` and `serve`, which never transfer anything (net/transfer.cpp opens it).
  std::string libs;
  if (FILE* p = ::popen((std::string("ldd ") + NASTAVNIK_BIN + " 2>&1").c_str(), "r")) {
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) libs.append(buf, n);
    CHECK(::pclose(p) == 0);
  }
  INFO(libs);
  CHECK(libs.find("libc.so") != std::string::npos);  // ldd did list the libraries
  CHECK(libs.find("libcurl") == std::string::npos);
}

TEST_CASE("version prints the version", "[cli]") {
  auto r = run_binary({"version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("nastavnik ", 0) == 0);
#ifdef NASTAVNIK_MIMALLOC
  // The release build's allocator (bench/README.md: a quarter of the build's CPU was glibc's
  // malloc): mimalloc must really serve malloc, not merely be linked.
  CHECK(r.out.find("память: mimalloc 2.") != std::string::npos);
#else
  CHECK(r.out.find("память: malloc библиотеки C") != std::string::npos);
#endif
}

TEST_CASE("build writes the site, check writes nothing, content errors exit 1", "[cli]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  auto check = run_binary({"check", "-s", dir.path().string(), "--now", "2026-11-20"});
  CHECK(check.exit_code == 0);
  CHECK_FALSE(fs::exists(dir.path() / "public"));

  auto build = run_binary({"build", "-s", dir.path().string(), "--now", "2026-11-20"});
  CHECK(build.exit_code == 0);
  CHECK(fs::exists(dir.path() / "public/index.html"));
  CHECK(build.out.find("Сайт собран") != std::string::npos);

  test::write_files(dir.path(), R"(-- content/news/pervaya.md --
---
title: "Первая"
date: 15.09.2024
tittle: "x"
---
)");
  auto bad = run_binary({"build", "-s", dir.path().string(), "--now", "2026-11-20"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("content/news/pervaya.md:3:7: ошибка [field.type]") != std::string::npos);
  CHECK(bad.err.find("content/news/pervaya.md:4:1: предупреждение [field.unknown]") != std::string::npos);
  CHECK(bad.err.find("подсказка: возможно, имелось в виду «title»") != std::string::npos);
  CHECK(bad.err.find("1 ошибка, 1 предупреждение") != std::string::npos);

  auto json = run_binary({"check", "-s", dir.path().string(), "--now", "2026-11-20", "--format", "json"});
  CHECK(json.exit_code == 1);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["errors"] == 1);
  CHECK(j["warnings"] == 1);
  CHECK(j["diagnostics"][0]["code"] == "field.type");
  CHECK(j["diagnostics"][0]["line"] == 3);
  CHECK(j["diagnostics"][0]["column"] == 7);
}

TEST_CASE("the strict flag fails on warnings", "[cli]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- content/news/pervaya.md --
---
title: "Первая"
date: 2024-09-15
colour: red
---
)");
  CHECK(run_binary({"check", "-s", dir.path().string(), "--now", "2026-11-20"}).exit_code == 0);
  auto strict = run_binary({"build", "-s", dir.path().string(), "--now", "2026-11-20", "--strict"});
  CHECK(strict.exit_code == 1);
  CHECK_FALSE(fs::exists(dir.path() / "public"));
}

TEST_CASE("the output folder must be nastavnik's own", "[cli]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::TempDir home;
  std::ofstream(home.path() / "diploma.docx") << "important";
  auto r = run_binary({"build", "-s", dir.path().string(), "-o", home.path().string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("не пуста") != std::string::npos);
  CHECK(test::read_file(home.path() / "diploma.docx") == "important");
  CHECK(run_binary({"build", "-s", dir.path().string(), "-o", "/"}).exit_code == 2);
}

TEST_CASE("the demo site builds with zero errors and zero warnings", "[cli][demo]") {
  test::TempDir out;
  auto r = run_binary({"build", "-s", test::source_dir().string(), "-o", (out.path() / "p").string(), "--now",
                       "2026-11-20", "--strict", "--format", "json"});
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["errors"] == 0);
  CHECK(j["warnings"] == 0);
  CHECK(j["diagnostics"].dump() == "[]");
}

TEST_CASE("build and check keep the load store in the cache folder, never in the site", "[cli][load-store]") {
  test::TempDir dir, cache;
  const fs::path site = dir.path() / "site";
  test::copy_base_site(site);
  const std::string s = site.string(), c = (cache.path() / "c").string();
  auto first = run_binary({"build", "-s", s, "--now", "2026-11-20", "--cache-dir", c});
  CHECK(first.exit_code == 0);
  CHECK(first.err.find("Кэш разбора") == std::string::npos);
  CHECK(fs::exists(cache.path() / "c/load"));
  for (const auto& e : fs::recursive_directory_iterator(site))  // nothing of it beside the sources
    CHECK(e.path().filename().string().rfind("pack-", 0) != 0);
  // The site's files: the caches' own may differ (without the parse cache, the search memo is
  // kept in the output).
  auto site_files = [&] {
    auto files = test::snapshot(site / "public");
    std::erase_if(files, [](const auto& f) { return render::is_cache_file(f.first); });
    return files;
  };
  const auto built = site_files();
  auto again = run_binary({"check", "-s", s, "--now", "2026-11-20", "--cache-dir", c});
  CHECK(again.exit_code == 0);

  SECTION("--no-cache neither reads nor makes it") {
    const std::string other = (cache.path() / "other").string();
    auto r = run_binary({"build", "-s", s, "--now", "2026-11-20", "--no-cache", "--cache-dir", other});
    CHECK(r.exit_code == 0);
    CHECK_FALSE(fs::exists(other));
    CHECK(site_files() == built);
  }
  SECTION("a cache folder open to everyone is not used, and the build goes on") {
    fs::permissions(c, fs::perms::all);
    auto r = run_binary({"build", "-s", s, "--now", "2026-11-20", "--cache-dir", c});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("Кэш разбора не используется") != std::string::npos);
    CHECK(r.err.find("открыта на запись другим") != std::string::npos);
    CHECK(site_files() == built);
  }
}
