#include "util/utf8.hpp"

#include <catch2/catch.hpp>

using namespace nastavnik::util;

TEST_CASE("utf8_valid accepts well-formed text and reports the first bad byte", "[util][utf8]") {
  struct Case {
    std::string text;
    bool valid;
    std::size_t bad;
  };
  const std::vector<Case> cases = {
      {"", true, 0},
      {"ascii", true, 0},
      {"Наставник ё № «»", true, 0},
      {"\xF0\x9F\x98\x80", true, 0},      // U+1F600
      {"ab\xFF", false, 2},               // never valid
      {"a\xC0\xAF", false, 1},            // overlong '/'
      {"\xE0\x80\xAF", false, 0},         // overlong, 3 bytes
      {"x\xED\xA0\x80", false, 1},        // surrogate U+D800
      {"\xF4\x90\x80\x80", false, 0},     // > U+10FFFF
      {"Ша\xD0", false, 4},               // truncated
      {"\xD0\x41", false, 0},             // bad continuation
      {std::string("a\0b", 3), true, 0},  // NUL is valid UTF-8
  };
  for (const auto& c : cases) {
    INFO(c.text);
    std::size_t bad = 999;
    CHECK(utf8_valid(c.text, &bad) == c.valid);
    if (!c.valid) CHECK(bad == c.bad);
  }
  CHECK(utf8_valid("ok"));
}

TEST_CASE("utf8_valid finds a bad byte after ASCII runs of every length (read eight bytes at a time)",
          "[util][utf8]") {
  for (std::size_t before = 0; before < 40; ++before)
    for (std::size_t after = 0; after < 20; ++after)
      for (const std::string bad : {"\xFF", "\x80", "\xD0", "\xD0\x41", "\xE2\x80"}) {
        const std::string text = std::string(before, 'a') + bad + std::string(after, 'b');
        INFO(before << " " << after);
        std::size_t at = 999;
        CHECK_FALSE(utf8_valid(text, &at));
        CHECK(at == before);
        // The same run around valid two-byte letters is valid.
        CHECK(utf8_valid(std::string(before, 'a') + "ё" + std::string(after, 'b')));
      }
}

TEST_CASE("utf8_length, utf8_column and line_start count characters", "[util][utf8]") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("abc") == 3);
  CHECK(utf8_length("ёжик") == 4);
  CHECK(utf8_length("a\xFF"
                    "b") == 3);
  CHECK(utf8_column("форма: x", 0) == 1);
  CHECK(utf8_column("форма: x", std::string("форма: ").size()) == 8);
  CHECK(utf8_column("abc", 100) == 4);  // clamped to the end of the line
  const std::string text = "первая\nвторая\n\nчетвёртая";
  CHECK(line_start(text, 1) == 0);
  CHECK(line_start(text, 2) == std::string("первая\n").size());
  CHECK(line_start(text, 3) == std::string("первая\nвторая\n").size());
  CHECK(line_start(text, 4) == std::string("первая\nвторая\n\n").size());
  CHECK(line_start(text, 5) == std::string::npos);
  CHECK(line_start(text, 0) == std::string::npos);
}

TEST_CASE("to_u32 and to_utf8 round-trip and replace bad bytes", "[util][utf8]") {
  const std::string s = "Школа № 6 — «ёлки» 😀";
  CHECK(to_utf8(to_u32(s)) == s);
  CHECK(to_u32("a\xFF") == std::u32string{U'a', 0xFFFD});
  CHECK(to_u32("\xE2\x80") == std::u32string{0xFFFD, 0xFFFD});
  std::string out;
  append_utf8(out, 0xD800);
  append_utf8(out, 0x110000);
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
  std::size_t pos = 0;
  CHECK(next_code_point("Ё!", pos) == U'Ё');
  CHECK(pos == 2);
}
