#include "util/excerpt.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "util/utf8.hpp"

using namespace nastavnik::util;

TEST_CASE("truncate_text cuts at a word and collapse_spaces trims", "[util][excerpt]") {
  CHECK(truncate_text("один два три четыре", 9) == "один два…");
  CHECK(truncate_text("один два", 9) == "один два");
  CHECK(collapse_spaces("  а \n\t б  ") == "а б");
}

TEST_CASE("truncate_text equals the whole-string definition on random texts", "[util][excerpt]") {
  // Reference: collapse all white space, decode everything, cut at a space in the second half.
  auto reference = [](std::string_view text, std::size_t max_chars) {
    std::string flat;
    bool space = false;
    for (char c : text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !flat.empty();
      } else {
        if (space) flat += ' ';
        space = false;
        flat += c;
      }
    }
    std::u32string u = to_u32(flat);
    if (u.size() <= max_chars) return flat;
    std::size_t cut = max_chars;
    while (cut > max_chars / 2 && u[cut] != U' ') --cut;
    if (cut <= max_chars / 2) cut = max_chars;
    std::u32string head = u.substr(0, cut);
    while (!head.empty() && (head.back() == U' ' || head.back() == U',' || head.back() == U';' ||
                             head.back() == U':' || head.back() == U'.'))
      head.pop_back();
    return to_utf8(head) + "…";
  };
  // Three- and four-byte characters too: a prefix of two bytes a character then holds too few,
  // and truncate_text must take the longer one.
  const std::vector<std::string> pieces = {"а", "ё", "слово", " ", "  ", "\n", "\t", ",", ".", ":", "x", "\xff", "\xd0", "😀",
                                           "😀😀😀", "—", "日本語", "\r"};
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 8000; ++round) {
    // Half the rounds valid UTF-8 (truncate_text counts its characters by their first bytes),
    // half with bad bytes (decoded one by one, each a U+FFFD).
    const bool valid_only = round % 2 == 0;
    std::string text;
    int len = static_cast<int>(next() % 80);
    for (int k = 0; k < len; ++k) {
      const std::string& piece = pieces[next() % pieces.size()];
      if (!(valid_only && (piece == "\xff" || piece == "\xd0"))) text += piece;
    }
    std::size_t max_chars = 1 + next() % 20;
    INFO(text << " / " << max_chars);
    CHECK(truncate_text(text, max_chars) == reference(text, max_chars));
  }
}
