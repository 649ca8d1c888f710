#pragma once
// What the rest of the program needs to know about a Markdown body once it is parsed and
// rendered: the content adapter fills this; nothing outside content/ sees cmark.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace nastavnik::model {

struct Heading {
  int level = 0;
  std::string text;  ///< plain text of the heading as written
  std::string id;    ///< the `id` attribute in the rendered HTML (anchor)
  diag::SourcePos pos;
  bool withheld = false;  ///< inside a removed «Результаты» section
};

/// A block of text (paragraph, heading, list item text, table cell) for the leak scan.
struct TextBlock {
  std::string text;
  diag::SourcePos pos;
};

struct Body {
  std::string html;                ///< rendered HTML (links rewritten, withheld sections removed)
  std::string plain;               ///< plain text of what was rendered, for search and descriptions
  std::vector<Heading> headings;   ///< every heading of the source, in order
  std::vector<TextBlock> blocks;   ///< every text block of the source (withheld ones too)
  bool has_withheld = false;       ///< a result section was removed from html/plain
};

}  // namespace nastavnik::model
