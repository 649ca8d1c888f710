#pragma once
// What the rest of the program needs to know about a Markdown body once it is parsed and
// rendered: the content adapter fills this; nothing outside content/ sees cmark.
#include <algorithm>
#include <string>
#include <string_view>
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

/// A block of text (paragraph, heading, list item text, table cell) for the leak scan. Its text
/// is read through Body::text_of: a block read back from the parse cache is mostly a piece of
/// the body's plain text, and is kept as its place there rather than as a copy.
struct TextBlock {
  std::string text;       ///< the block's own text, unless in_plain
  bool in_plain = false;  ///< the text is plain.substr(at, size) of its Body
  std::size_t at = 0, size = 0;
  diag::SourcePos pos;
};

struct Body {
  std::string html;                ///< rendered HTML (links rewritten, withheld sections removed)
  std::string plain;               ///< plain text of what was rendered, for search and descriptions
  std::vector<Heading> headings;   ///< every heading of the source, in order
  std::vector<TextBlock> blocks;   ///< every text block of the source (withheld ones too)
  bool has_withheld = false;       ///< a result section was removed from html/plain

  std::string_view text_of(const TextBlock& b) const {
    if (!b.in_plain) return b.text;
    // The parse cache's decoder checks the place against plain; the bounds hold.
    const std::size_t at = std::min(b.at, plain.size());
    return std::string_view(plain).substr(at, std::min(b.size, plain.size() - at));
  }
};

}  // namespace nastavnik::model
