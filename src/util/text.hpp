#pragma once
// Text normalisation for every comparison of names, headings and enum values (SPEC
// "Matching"): lower case, ё = е, non-alphanumerics → space, spaces collapsed, leading
// numbering («2.», «6.1.», «IV.») dropped.
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::util {

/// Lower case of Cyrillic and Latin letters (ICU full case folding for others).
std::string to_lower(std::string_view s);
/// SPEC normalisation. «Учитель—ученик» → «учитель ученик», «2. Цель и задачи» → «цель и задачи».
std::string normalize(std::string_view s);
/// Normalises both and tests that `phrase` occurs in `text` (substring of the normalised forms).
bool contains_normalized(std::string_view text, std::string_view phrase);
/// Normalised equality.
bool equals_normalized(std::string_view a, std::string_view b);
std::string trim(std::string_view s);
std::vector<std::string> split_lines(std::string_view s);
/// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view s);
/// html_escape appended to `out`.
void append_html_escaped(std::string& out, std::string_view s);
/// Escapes for XML (Atom, sitemap): same set as HTML.
inline std::string xml_escape(std::string_view s) { return html_escape(s); }

}  // namespace nastavnik::util
