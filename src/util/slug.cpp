#include "util/slug.hpp"

#include <array>

#include "util/utf8.hpp"

namespace nastavnik::util {

namespace {

constexpr std::size_t k_max_slug = 80;

/// а..я (U+0430..U+044F); the table in docs/slugs.md.
constexpr std::array<std::string_view, 32> k_cyrillic = {
    "a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};

/// Latin transliteration of one lower-case or upper-case letter; nullopt-like empty view with
/// `known == false` for characters that are not letters we handle.
std::string_view translit(char32_t c, bool& known) {
  known = true;
  if (c >= 0x0410 && c <= 0x042F) c += 0x20;  // А..Я → а..я
  if (c >= 0x0430 && c <= 0x044F) return k_cyrillic[c - 0x0430];
  switch (c) {
    case 0x0401:  // Ё
    case 0x0451:
      return "e";
    case 0x0406:  // І (Ukrainian, Belarusian)
    case 0x0456:
      return "i";
    case 0x0407:  // Ї
    case 0x0457:
      return "yi";
    case 0x0404:  // Є
    case 0x0454:
      return "ye";
    case 0x0490:  // Ґ
    case 0x0491:
      return "g";
    case 0x040E:  // Ў
    case 0x045E:
      return "u";
    default:
      break;
  }
  known = false;
  return {};
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019 || c == 0x02BC || c == 0x2018; }

}  // namespace

std::string transliterate(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = next_code_point(text, pos);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(static_cast<char>(c));
    } else if (is_apostrophe(c)) {
      // «д'Артаньян» → «dartanyan»: an apostrophe does not split a word.
    } else {
      bool known = false;
      const std::string_view latin = translit(c, known);
      if (known) {
        out.append(latin);
      } else if (out.empty() || out.back() != ' ') {
        out.push_back(' ');
      }
    }
  }
  return out;
}

std::string slugify(std::string_view text) {
  const std::string latin = transliterate(text);
  std::string slug;
  slug.reserve(latin.size());
  for (char c : latin) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      slug.push_back(c);
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > k_max_slug) {
    // Cut at the last '-' that keeps at most k_max_slug bytes, else cut hard.
    const std::size_t dash = slug.rfind('-', k_max_slug);
    slug.resize(dash != std::string::npos && dash > 0 ? dash : k_max_slug);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

}  // namespace nastavnik::util
