#pragma once
// "Did you mean": the closest candidate by edit distance over normalised strings.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::util {

/// Levenshtein distance in code points.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);
/// The candidate closest to `word` (normalised comparison), if it is close enough to be a
/// plausible typo: distance ≤ max(2, length/3) and at most half of the longer string (so a
/// one-letter word suggests nothing). The first of equally close candidates wins. Returns the
/// candidate as written.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace nastavnik::util
