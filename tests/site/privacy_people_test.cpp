// Issue 4: default-deny publishing of people. Every combination of minor × consents × publish is
// rendered, and every output byte is searched for what must never reach it. No name is printed:
// failures report the index of a needle and the file, not the needle itself.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <set>

#include "support/site_builder.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

struct Combo {
  bool minor, processing, dissemination, guardian;
  int publish;  // 0 absent, 1 true, 2 false
};

struct Person {
  std::string id, surname, given, patronymic, position, grade, category;
  std::array<std::string, 3> dates;  // processing, dissemination, guardian (ISO), empty when absent
  Combo c;
  bool mentor;
  bool publishable() const { return c.publish == 1 && !c.minor && c.processing && c.dissemination; }
  std::string full() const { return surname + " " + given + " " + patronymic; }
};

const char* k_months[] = {"января", "февраля", "марта", "апреля", "мая", "июня",
                          "июля", "августа", "сентября", "октября", "ноября", "декабря"};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

/// The text as a person reading it would see it: entities of spaces resolved, lower case, ё = е,
/// every run of white space one space.
std::string fold(std::string_view s) {
  std::string t(s);
  for (const char* nb : {"&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "\xC2\xA0", "\\u00a0", "\\u00A0"}) {
    std::string from(nb);
    for (std::size_t p; (p = t.find(from)) != std::string::npos;) t.replace(p, from.size(), " ");
  }
  t = util::to_lower(t);
  for (std::size_t p; (p = t.find("ё")) != std::string::npos;) t.replace(p, 2, "е");
  std::string out;
  for (char ch : t) {
    bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space && !out.empty() && out.back() == ' ') continue;
    out.push_back(space ? ' ' : ch);
  }
  return out;
}

std::string initial(const std::string& word) { return word.substr(0, 2) + "."; }  // one Cyrillic letter

std::vector<Person> make_people() {
  // Syllables that form no Russian word, so a hit is a leak and never a coincidence.
  const std::array<const char*, 8> heads = {"Щуг", "Жвор", "Фырг", "Цвел", "Хмуз", "Брыщ", "Глюз", "Дрёш"};
  const std::array<const char*, 12> tails = {"анов", "енко", "ицкий", "ович", "ский", "ухин",
                                             "ялов", "ёмин", "ушко", "арев", "илин", "оцкий"};
  const std::array<const char*, 6> givens = {"Пётр", "Зульфия", "Евлампий", "Ядвига", "Ксаверий", "Юстина"};
  const std::array<const char*, 4> patrs = {"Фролович", "Щукиновна", "Эрастович", "Жоржевна"};
  std::vector<Person> people;
  int i = 0;
  for (int mentor = 0; mentor < 2; ++mentor)
    for (int minor = 0; minor < 2; ++minor)
      for (int pr = 0; pr < 2; ++pr)
        for (int di = 0; di < 2; ++di)
          for (int gu = 0; gu < 2; ++gu)
            for (int pub = 0; pub < 3; ++pub, ++i) {
              Person p;
              p.c = {minor == 1, pr == 1, di == 1, gu == 1, pub};
              p.mentor = mentor == 1;
              p.id = "zqid" + two(i) + "x";
              p.surname = std::string(heads[i % 8]) + tails[i / 8];
              p.given = givens[i % 6];
              p.patronymic = patrs[i % 4];
              p.position = "должностьщ" + two(i);
              p.grade = "классщ" + two(i);
              p.category = i % 2 ? "группа риска" : "ОВЗ";
              int month = 1 + i / 28, day = 1 + i % 28;
              if (p.c.processing) p.dates[0] = "2019-" + two(month) + "-" + two(day);
              if (p.c.dissemination) p.dates[1] = "2018-" + two(month) + "-" + two(day);
              if (p.c.guardian) p.dates[2] = "2017-" + two(month) + "-" + two(day);
              people.push_back(p);
            }
  return people;
}

std::string bank_yaml(const std::vector<Person>& people) {
  std::string mentors = "mentors:\n", mentees = "mentees:\n", pairs = "pairs:\n";
  std::vector<const Person*> ms, ss;
  for (const auto& p : people) {
    std::string y = "  - id: " + p.id + "\n    name: \"" + p.full() + "\"\n    role: " +
                    (p.mentor ? "педагог" : "обучающийся") + "\n    position: \"" + p.position +
                    "\"\n    grade: \"" + p.grade + "\"\n    minor: " + (p.c.minor ? "true" : "false") +
                    "\n    categories: [\"" + p.category + "\"]\n    consent: {";
    std::string sep;
    const char* keys[] = {"processing", "dissemination", "guardian"};
    for (int k = 0; k < 3; ++k)
      if (!p.dates[k].empty()) {
        y += sep + " " + keys[k] + ": " + p.dates[k];
        sep = ",";
      }
    y += " }\n";
    if (p.c.publish == 1) y += "    publish: true\n";
    if (p.c.publish == 2) y += "    publish: false\n";
    (p.mentor ? mentors : mentees) += y;
    (p.mentor ? ms : ss).push_back(&p);
  }
  // p1: the base site's programme refers to it.
  pairs += "  - id: p1\n    mentor: " + ms[0]->id + "\n    mentees: [" + ss[0]->id +
           "]\n    form: \"учитель – ученик\"\n    order: { number: \"zqord99x\", date: 2016-04-01 }\n";
  for (std::size_t k = 0; k < ms.size() && k < ss.size(); ++k)
    pairs += "  - id: zqpair" + two(int(k)) + "x\n    mentor: " + ms[k]->id + "\n    mentees: [" + ss[k]->id +
             "]\n    form: \"учитель – ученик\"\n    order: { number: \"zqord" + two(int(k)) +
             "x\", date: 2016-03-" + two(int(k % 28) + 1) + " }\n    start: 2024-09-10\n    end: 2025-05-30\n";
  return mentors + mentees + pairs;
}

/// Every date as it could be written on a page.
std::vector<std::string> date_forms(const std::string& iso) {
  int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
  return {iso, two(d) + "." + two(m) + "." + std::to_string(y),
          std::to_string(d) + " " + k_months[m - 1] + " " + std::to_string(y), iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2)};
}

}  // namespace

TEST_CASE("default deny: no bank field but the allowed ones reaches any output byte", "[privacy][site]") {
  auto people = make_people();
  REQUIRE(people.size() == 96);
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), "-- content/bank.yaml --\n" + bank_yaml(people));

  // As written, the bank has errors (consent.missing, consent.guardian-missing): nothing is written.
  test::TempDir out;
  fs::path pub = out.path() / "public";
  auto failed = test::run_site(dir.path(), pub);
  CHECK(failed.outcome == pipeline::Outcome::content_errors);
  CHECK(test::has_code(failed.diagnostics, "consent.missing"));
  CHECK(test::has_code(failed.diagnostics, "consent.guardian-missing"));
  CHECK_FALSE(fs::exists(pub));
  for (const auto& d : failed.diagnostics)
    for (const auto& p : people) CHECK(d.message.find(p.surname) == std::string::npos);

  // With those two codes turned off the same bank builds (warnings only) and is published.
  std::string site = test::read_file(dir.path() / "site.yaml");
  site += "rules:\n  severity: { consent.missing: off, consent.guardian-missing: off }\n";
  test::write_files(dir.path(), "-- site.yaml --\n" + site);
  auto r = test::run_site(dir.path(), pub);
  for (const auto& d : r.diagnostics)
    if (d.severity == diag::Severity::error) UNSCOPED_INFO(d.pos.file << ":" << d.pos.line << " " << d.code);
  REQUIRE(r.outcome == pipeline::Outcome::ok);
  CHECK(r.errors == 0);
  CHECK(test::has_code(r.diagnostics, "privacy.minor-published"));
  CHECK(test::has_code(r.diagnostics, "consent.dissemination-missing"));

  auto files = test::snapshot(pub);
  REQUIRE(files.size() > 20);
  std::string all;  // every output byte, folded, one file after another
  std::vector<std::pair<std::size_t, std::string>> starts;
  for (const auto& [rel, bytes] : files) {
    starts.emplace_back(all.size(), rel);
    all += fold(bytes) + "\n";
  }
  auto file_at = [&](std::size_t at) {
    std::string f;
    for (const auto& [s, rel] : starts)
      if (s <= at) f = rel;
    return f;
  };

  std::vector<std::string> forbidden;
  std::size_t published = 0;
  for (const auto& p : people) {
    if (!p.publishable()) {
      const std::string S = p.surname, G = p.given, P = p.patronymic, g = initial(G), o = initial(P);
      for (const auto& form : {p.full(), S + " " + G, G + " " + S, S + " " + g, g + " " + S, S + " " + g + " " + o,
                               g + " " + o + " " + S, g + o + " " + S, S + " " + g + o, G + " " + P + " " + S,
                               S, p.position})
        forbidden.push_back(form);
    } else {
      ++published;
      // The allowed fields are there: the scan would see a leak.
      CHECK(all.find(fold(p.full())) != std::string::npos);
      CHECK(all.find(fold(p.position)) != std::string::npos);
    }
    forbidden.push_back(p.id);
    forbidden.push_back(p.grade);
    for (const auto& d : p.dates)
      if (!d.empty())
        for (const auto& f : date_forms(d)) forbidden.push_back(f);
  }
  for (int k = 0; k < 48; ++k) {
    forbidden.push_back("zqpair" + two(k) + "x");
    forbidden.push_back("zqord" + two(k) + "x");
    for (const auto& f : date_forms("2016-03-" + two(k % 28 + 1))) forbidden.push_back(f);
  }
  forbidden.push_back("zqord99x");
  for (const auto& f : date_forms("2016-04-01")) forbidden.push_back(f);
  CHECK(published == 4);  // adult × publish: true × both consents × guardian or not, mentors and mentees

  std::size_t found = 0;
  for (std::size_t k = 0; k < forbidden.size(); ++k) {
    auto at = all.find(fold(forbidden[k]));
    if (at != std::string::npos) {
      ++found;
      FAIL_CHECK("forbidden string #" << k << " found in " << file_at(at));
    }
  }
  WARN("default deny: " << forbidden.size() << " forbidden strings searched in " << files.size() << " output files ("
                        << all.size() << " bytes), found " << found);
  CHECK(found == 0);
}
