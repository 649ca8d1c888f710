#pragma once
// Short excerpts of plain text: a page's description, a search result's snippet, the lead a
// body keeps for its description (model::Body::lead).
#include <cstddef>
#include <string>
#include <string_view>

namespace nastavnik::util {

/// Cuts plain text to at most `max_chars` code points at a word boundary, adding «…».
std::string truncate_text(std::string_view text, std::size_t max_chars);
/// Collapses runs of white space (including newlines) into single spaces and trims.
std::string collapse_spaces(std::string_view text);

}  // namespace nastavnik::util
