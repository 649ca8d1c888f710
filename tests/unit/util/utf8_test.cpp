#include "util/utf8.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

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

TEST_CASE("utf8_valid equals the definition on random texts (sixteen bytes at a time)", "[util][utf8]") {
  // RFC 3629's table, one character at a time: the length of the valid sequence at i, or 0.
  auto sequence = [](const std::string& s, std::size_t i) -> std::size_t {
    const auto at = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100u; };
    const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    const unsigned b0 = at(i), b1 = at(i + 1), b2 = at(i + 2), b3 = at(i + 3);
    if (b0 <= 0x7F) return 1;
    if (in(b0, 0xC2, 0xDF)) return in(b1, 0x80, 0xBF) ? 2 : 0;
    if (b0 == 0xE0) return in(b1, 0xA0, 0xBF) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) return in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (b0 == 0xED) return in(b1, 0x80, 0x9F) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (b0 == 0xF0) return in(b1, 0x90, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    if (in(b0, 0xF1, 0xF3)) return in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    if (b0 == 0xF4) return in(b1, 0x80, 0x8F) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    return 0;
  };
  // Mostly what Russian text is made of (the sixteen-byte path), and every kind of error, at
  // every offset in and across blocks: a lead at a block's end, a continuation at its start.
  const std::vector<std::string> pieces = {"а", "я", "ё", "Ж", "«", " ", "a", "1", "\n", "абвгдежз", "        ",
                                           "—", "…", "№", "😀", "\xEF\xBF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF",
                                           "\xF4\x8F\xBF\xBF", "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xC2", "\xDF",
                                           "\xD0", "\xE0\x80\x80", "\xED\xA0\x80", "\xE2\x80", "\xF4\x90\x80\x80",
                                           "\xF5\x80\x80\x80", "\xFF", std::string(1, '\0')};
  std::uint32_t seed = 2026;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  std::size_t invalid = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text;
    // Most rounds valid pieces only, so that the first error comes late, after many blocks.
    const std::size_t kinds = round % 4 == 0 ? pieces.size() : 14;
    const int count = static_cast<int>(next() % 60);
    for (int k = 0; k < count; ++k) text += pieces[next() % kinds];
    if (round % 8 == 1 && !text.empty()) text[next() % text.size()] = static_cast<char>(next() & 0xFF);
    std::size_t want_bad = std::string::npos;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t len = sequence(text, i);
      if (len == 0) {
        want_bad = i;
        break;
      }
      i += len;
    }
    INFO(round << ": " << text.size() << " bytes");
    std::size_t bad = 999999;
    const bool valid = utf8_valid(text, &bad);
    REQUIRE(valid == (want_bad == std::string::npos));
    if (!valid) {
      CHECK(bad == want_bad);
      ++invalid;
    }
  }
  CHECK(invalid > 3000);
  CHECK(invalid < 27000);
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
