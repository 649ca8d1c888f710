#pragma once
// Splitting a Markdown file into its YAML front matter and body.
#include <string_view>

namespace nastavnik::content {

struct FrontMatterSplit {
  bool has_front_matter = false;
  bool unterminated = false;  ///< starts with '---' but has no closing '---'
  std::string_view yaml;      ///< without the delimiter lines
  int yaml_line = 2;          ///< file line of the first YAML line
  std::string_view body;
  int body_line = 1;          ///< file line of the first body line
};

/// The front matter is the block between a first line `---` and the next line `---` or `...`
/// (trailing spaces allowed). Without it the whole text is the body.
FrontMatterSplit split_front_matter(std::string_view text);

}  // namespace nastavnik::content
