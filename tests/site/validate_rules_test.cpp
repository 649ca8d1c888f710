// The rule set in site.yaml: severity overrides, rule overrides, --now, --strict.
#include <catch2/catch.hpp>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

const char* k_site_head = R"(-- site.yaml --
title: "Целевая модель наставничества"
base_url: "https://test.example.ru/nastavnichestvo/"
school:
  name: "МБОУ «Тестовая школа»"
)";

/// The base site with an overdue event and a too short programme.
void broken_site(const fs::path& dir, std::string_view rules) {
  test::copy_base_site(dir);
  test::write_files(dir, std::string(k_site_head) + std::string(rules));
  test::write_files(dir, R"(-- content/programs/adaptatsiya.md --
---
title: "Адаптация"
form: "учитель – ученик"
start: 2024-09-10
end: 2024-10-30
pair: p1
---
## Цель
Текст.
)");
  auto roadmap = test::read_file(dir / "content/roadmap.yaml");
  auto at = roadmap.find("due: \"май 2030\"");
  REQUIRE(at != std::string::npos);
  roadmap.replace(at, std::string("due: \"май 2030\"").size(), "due: \"май 2025\"");
  test::write_files(dir, "-- content/roadmap.yaml --\n" + roadmap);
}

std::vector<std::string> codes(const test::RunResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.code + ":" + std::string(diag::severity_name(d.severity)));
  return out;
}

}  // namespace

TEST_CASE("without overrides: default severities", "[validate][site]") {
  test::TempDir dir;
  broken_site(dir.path(), "");
  auto r = test::run_site(dir.path());
  CHECK(codes(r) == std::vector<std::string>{"program.duration:error", "roadmap.overdue:warning"});
  CHECK(r.outcome == pipeline::Outcome::content_errors);
}

TEST_CASE("rules.severity: off bare and quoted, error, Russian names", "[validate][site]") {
  test::TempDir dir;
  SECTION("bare off (YAML reads it as false)") {
    broken_site(dir.path(), "rules:\n  severity:\n    roadmap.overdue: off\n    program.duration: warning\n");
    auto r = test::run_site(dir.path());
    CHECK(codes(r) == std::vector<std::string>{"program.duration:warning"});
    CHECK(r.outcome == pipeline::Outcome::ok);
  }
  SECTION("quoted off in a flow map") {
    broken_site(dir.path(), "rules: { severity: { \"roadmap.overdue\": \"off\", program.duration: \"off\" } }\n");
    auto r = test::run_site(dir.path());
    CHECK(r.diagnostics.empty());
  }
  SECTION("a warning made an error blocks the build") {
    broken_site(dir.path(), "rules:\n  severity:\n    roadmap.overdue: error\n    program.duration: предупреждение\n");
    auto r = test::run_site(dir.path());
    CHECK(codes(r) == std::vector<std::string>{"program.duration:warning", "roadmap.overdue:error"});
    CHECK(r.outcome == pipeline::Outcome::content_errors);
  }
}

TEST_CASE("rule overrides in site.yaml: programme months, forms, required sections", "[validate][site]") {
  test::TempDir dir;
  broken_site(dir.path(), R"(rules:
  program_months: { min: 1, max: 6 }
  severity: { roadmap.overdue: off }
  required_sections: [regulation, roadmap, bank, programs, practices, documents, news, monitoring]
  required_documents: [regulation_order]
  forms:
    - name: "Учитель — ученик"
      mentor: [педагог]
      mentee: [обучающийся]
)");
  auto r = test::run_site(dir.path());
  // 1.5 months is fine with min 1; the practice's «учитель – ученик» is the same form as «Учитель — ученик».
  CHECK(r.diagnostics.empty());
  fs::remove(dir.path() / "content/monitoring.yaml");
  r = test::run_site(dir.path());
  CHECK(test::keys(r.diagnostics) == std::vector<std::string>{"content/monitoring.yaml:0:0 site.missing-section"});
}

TEST_CASE("now past a programme's end publishes «Результаты» by itself", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::TempDir out;
  auto before = test::run_site(dir.path(), out.path() / "a", util::Date{2025, 5, 29});
  CHECK(test::keys(before.diagnostics) ==
        std::vector<std::string>{"content/practices/keys-1.md:12:1 publish.before-completion",
                                 "content/programs/adaptatsiya.md:10:1 publish.before-completion"});
  CHECK(before.outcome == pipeline::Outcome::ok);  // warnings do not block without --strict
  auto page_a = test::read_file(out.path() / "a/programmy/adaptatsiya/index.html");
  CHECK(page_a.find("Итоги программы") == std::string::npos);
  // The end day itself: still running (end is after today only from the next day).
  auto on_end = test::run_site(dir.path(), {}, util::Date{2025, 5, 30});
  CHECK(on_end.diagnostics.empty());
  auto after = test::run_site(dir.path(), out.path() / "b", util::Date{2025, 5, 31});
  CHECK(after.diagnostics.empty());
  auto page_b = test::read_file(out.path() / "b/programmy/adaptatsiya/index.html");
  CHECK(page_b.find("Итоги программы") != std::string::npos);
}

TEST_CASE("strict: a warning blocks the build and nothing is written", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::TempDir out;
  pipeline::Options opt;
  opt.site_dir = dir.path();
  opt.out_dir = out.path() / "public";
  opt.now = util::Date{2025, 1, 15};  // results withheld: two warnings
  opt.strict = true;
  diag::Sink sink;
  CHECK(pipeline::run(opt, sink).outcome == pipeline::Outcome::content_errors);
  CHECK(sink.errors() == 0);
  CHECK(sink.warnings() == 2);
  CHECK_FALSE(fs::exists(out.path() / "public"));
  diag::Sink relaxed;
  opt.strict = false;
  CHECK(pipeline::run(opt, relaxed).outcome == pipeline::Outcome::ok);
  CHECK(fs::exists(out.path() / "public/index.html"));
}

TEST_CASE("strict through the binary: exit 1 on a warning, 0 on a clean site", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  auto clean = test::run_binary({"check", "-s", dir.path().string(), "--now", "2026-11-20", "--strict"});
  CHECK(clean.exit_code == 0);
  auto warned = test::run_binary({"check", "-s", dir.path().string(), "--now", "2025-01-15", "--strict"});
  CHECK(warned.exit_code == 1);
  auto relaxed = test::run_binary({"check", "-s", dir.path().string(), "--now", "2025-01-15"});
  CHECK(relaxed.exit_code == 0);
  CHECK((relaxed.out + relaxed.err).find("publish.before-completion") != std::string::npos);
}

TEST_CASE("the demo site has no diagnostics on the pinned date and builds today", "[validate][site]") {
  auto root = test::source_dir();
  auto pinned = test::run_site(root, {}, util::Date{2026, 11, 20});
  CHECK(test::keys(pinned.diagnostics) == std::vector<std::string>{});
  // Today the demo's planned events may have become overdue (warnings): the README's first
  // command must still build it, so only errors fail here — the test must not expire with time.
  auto today = test::run_site(root, {}, util::today());
  INFO(util::to_iso(util::today()));
  CHECK(today.errors == 0);
}
