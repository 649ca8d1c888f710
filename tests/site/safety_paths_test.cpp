// Issue 4: no slug, `file:`, link, image or front-matter value reads outside the site directory or
// writes outside the output directory. Each attempt is path.outside (and only that code), and even
// with path.outside turned off nothing from outside reaches the output.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <regex>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

const char* k_secret = "SECRET-zq9-outside-the-site";

struct Case {
  const char* name;
  std::string files;  ///< written over the base site
  std::function<void(const fs::path& site, const fs::path& outside)> setup = {};
};

std::string news_with(const std::string& front, const std::string& body = "Текст.") {
  return "-- content/news/vtoraya.md --\n---\ntitle: \"Вторая\"\ndate: 2024-09-16\n" + front + "---\n" + body + "\n";
}

std::string document_file(const std::string& value) {
  return "-- content/documents.yaml --\ndocuments:\n  - title: \"Приказ\"\n    level: local\n    file: " + value + "\n";
}

std::vector<Case> cases() {
  std::string long_name(300, 'a');
  return {
      {"file: ../..", document_file("\"../../etc/passwd\"")},
      {"file: absolute", document_file("\"/etc/passwd\"")},
      {"file: through files/..", document_file("\"files/../../site.yaml\"")},
      {"file: Windows separators", document_file("\"..\\\\..\\\\x.pdf\"")},
      {"file: NUL byte", document_file("\"files/prikaz.pdf\\0.txt\"")},
      {"file: over-long name", document_file("\"files/" + long_name + ".pdf\"")},
      {"Положение file:", "",
       [](const fs::path& site, const fs::path&) {
         std::string text = test::read_file(site / "content/polozhenie.md");
         text.insert(text.find("approved:"), "file: \"../../../etc/passwd\"\n");
         std::ofstream(site / "content/polozhenie.md") << text;
       }},
      {"news image: ..", news_with("image: \"../../secret.jpg\"\nimage_alt: \"x\"\n")},
      {"news image: absolute", news_with("image: \"/etc/passwd\"\nimage_alt: \"x\"\n")},
      {"Markdown link ..", news_with("", "[x](../../../../etc/passwd)")},
      {"Markdown image ..", news_with("", "![x](../../../secret.png)")},
      {"Markdown link root-relative ..", news_with("", "[x](/../../etc/passwd)")},
      {"Markdown link percent-encoded ..", news_with("", "[x](..%2F..%2F..%2Fetc%2Fpasswd)")},
      {"Markdown link backslashes", news_with("", "[x](..\\..\\..\\etc\\passwd)")},
      {"roadmap details link ..",
       "-- content/roadmap.yaml --\ntitle: \"Карта\"\nstages:\n  - title: \"Подготовка условий\"\n    events:\n"
       "      - title: \"Встреча\"\n        details: \"[x](../../etc/passwd)\"\n"},
      {"slug: ..", news_with("slug: \"../../x\"\n")},
      {"slug: absolute", news_with("slug: \"/etc\"\n")},
      {"slug: backslash", news_with("slug: \"..\\\\x\"\n")},
      {"slug: NUL", news_with("slug: \"a\\0b\"\n")},
      {"slug: over-long", news_with("slug: \"" + long_name + "\"\n")},
      {"sections: ..", "-- site.yaml --\ntitle: \"Т\"\nbase_url: \"https://e.ru/n/\"\nschool: { name: \"Ш\" }\n"
                       "sections: { news: \"../x\" }\n"},
      {"sections: absolute", "-- site.yaml --\ntitle: \"Т\"\nbase_url: \"https://e.ru/n/\"\nschool: { name: \"Ш\" }\n"
                             "sections: { bank: \"/tmp/x\" }\n"},
      {"sections: nested", "-- site.yaml --\ntitle: \"Т\"\nbase_url: \"https://e.ru/n/\"\nschool: { name: \"Ш\" }\n"
                           "sections: { documents: \"a/b\" }\n"},
      {"file name with backslashes", "-- content/news/x\\..\\..\\y.md --\n---\ntitle: \"Х\"\ndate: 2024-09-16\n---\n"},
      {"symlink in content/files", "",
       [](const fs::path& site, const fs::path& outside) {
         fs::create_symlink(outside / "secret.pdf", site / "content/files/leak.pdf");
       }},
      {"symlink in content/files named by file:", document_file("files/leak.pdf"),
       [](const fs::path& site, const fs::path& outside) {
         fs::create_symlink(outside / "secret.pdf", site / "content/files/leak.pdf");
       }},
      {"symlinked folder in content/files", "",
       [](const fs::path& site, const fs::path& outside) { fs::create_directory_symlink(outside, site / "content/files/dir"); }},
      {"content/files is a symlink", "",
       [](const fs::path& site, const fs::path& outside) {
         fs::remove_all(site / "content/files");
         fs::create_directory_symlink(outside, site / "content/files");
       }},
      {"symlinked news file", "",
       [](const fs::path& site, const fs::path& outside) {
         fs::create_symlink(outside / "secret.md", site / "content/news/leak.md");
       }},
      {"content/news is a symlink", "",
       [](const fs::path& site, const fs::path& outside) {
         fs::remove_all(site / "content/news");
         fs::create_directory_symlink(outside, site / "content/news");
       }},
      {"symlinked bank.yaml", "",
       [](const fs::path& site, const fs::path& outside) {
         fs::remove(site / "content/bank.yaml");
         fs::create_symlink(outside / "bank.yaml", site / "content/bank.yaml");
       }},
  };
}

void write_outside(const fs::path& outside) {
  std::ofstream(outside / "secret.pdf") << k_secret;
  std::ofstream(outside / "secret.md") << "---\ntitle: \"" << k_secret << "\"\ndate: 2024-09-16\n---\n" << k_secret << "\n";
  std::ofstream(outside / "bank.yaml") << "mentors:\n  - id: m1\n    name: \"" << k_secret
                                       << " Анна\"\n    role: педагог\n    position: \"" << k_secret
                                       << "\"\n    consent: { processing: 2024-09-01, dissemination: 2024-09-01 }\n"
                                          "    publish: true\n";
}

bool output_holds(const fs::path& out, std::string_view needle) {
  for (const auto& [rel, bytes] : test::snapshot(out))
    if (bytes.find(needle) != std::string::npos || rel.find("secret") != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("paths: every way out of the site is path.outside, and nothing from outside is read or written",
          "[safety][site]") {
  for (const auto& c : cases()) {
    INFO(c.name);
    test::TempDir dir, outside, out;
    test::copy_base_site(dir.path());
    write_outside(outside.path());
    if (!c.files.empty()) test::write_files(dir.path(), c.files);
    if (c.setup) c.setup(dir.path(), outside.path());

    auto r = test::run_site(dir.path(), out.path() / "public");
    std::vector<std::string> errors;
    for (const auto& d : r.diagnostics) {
      if (d.severity == diag::Severity::error) errors.push_back(d.code);
      CHECK(d.message.find(k_secret) == std::string::npos);
    }
    CHECK(errors.size() >= 1);
    CHECK(std::all_of(errors.begin(), errors.end(), [](const std::string& e) { return e == "path.outside"; }));
    CHECK_FALSE(fs::exists(out.path() / "public"));

    // Turned off, the check still guards the output: the outside bytes are not copied or rendered.
    std::string site = test::read_file(dir.path() / "site.yaml");
    std::ofstream(dir.path() / "site.yaml") << site << "\nrules: { severity: { path.outside: off } }\n";
    auto r2 = test::run_site(dir.path(), out.path() / "public");
    if (r2.outcome == pipeline::Outcome::ok) CHECK_FALSE(output_holds(out.path() / "public", k_secret));
    CHECK(test::snapshot(outside.path()).size() == 3);  // nothing written outside either
  }
}

TEST_CASE("paths: every output path is safe ASCII and files/ keeps names that are safe relative paths",
          "[safety][site]") {
  test::TempDir dir, out;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- content/files/Приказ № 1 (копия).pdf --
%PDF
-- content/files/фото/Школа наставников.jpg --
JPEG
-- content/news/Новость про Школу.md --
---
title: "Новость"
date: 2024-09-16
---
[приказ](../files/Приказ%20№%201%20(копия).pdf)
-- content/pages/Куратор.md --
---
title: "Куратор"
---
)");
  auto r = test::run_site(dir.path(), out.path() / "p");
  REQUIRE(r.errors == 0);
  const std::regex ascii("^[a-z0-9._/-]+$");
  std::size_t files = 0;
  for (const auto& [rel, bytes] : test::snapshot(out.path() / "p")) {
    INFO(rel);
    if (rel.rfind("files/", 0) == 0) {
      ++files;  // copied as they are (SPEC): a relative path inside files/, nothing more
      CHECK(rel.find("..") == std::string::npos);
      CHECK(rel.find('\\') == std::string::npos);
      CHECK(std::none_of(rel.begin(), rel.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; }));
    } else {
      CHECK(std::regex_match(rel, ascii));
    }
  }
  CHECK(files == 3);
  CHECK(fs::exists(out.path() / "p/novosti/novost-pro-shkolu/index.html"));
  CHECK(fs::exists(out.path() / "p/kurator/index.html"));
}

TEST_CASE("paths: two files that transliterate to the same URL are slug.collision", "[safety][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- content/news/Школа.md --
---
title: "А"
date: 2024-09-16
---
-- content/news/shkola.md --
---
title: "Б"
date: 2024-09-16
---
-- content/news/c.md --
---
title: "В"
date: 2024-09-16
slug: shkola
---
-- content/pages/novosti.md --
---
title: "Г"
---
)");
  auto r = test::run_site(dir.path());
  std::vector<std::string> collisions;
  for (const auto& d : r.diagnostics)
    if (d.code == "slug.collision") collisions.push_back(d.pos.file);
  CHECK(collisions == std::vector<std::string>{"content/news/shkola.md", "content/news/Школа.md",
                                               "content/pages/novosti.md"});
}
