#pragma once
// The Markdown adapter: cmark-gfm is used here and nowhere else. One call parses a body,
// reports raw HTML and link problems, withholds result sections, applies typography and
// renders HTML with heading anchors.
#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "diag/sink.hpp"
#include "model/markdown.hpp"

namespace nastavnik::content {

/// Decides what a link or image URL becomes. Returns the href to write (relative to the page),
/// or nullopt to keep the URL as written. Reports link.broken / path.outside itself.
using LinkResolver = std::function<std::optional<std::string>(std::string_view url, const diag::SourcePos& pos)>;

struct MarkdownOptions {
  bool unsafe_html = false;  ///< keep raw HTML (markup.unsafe_html in site.yaml)
  bool typography = true;
  /// When set, every section whose heading is a result heading is left out of html/plain.
  std::function<bool(std::string_view heading)> withhold_heading;
  LinkResolver resolve_link;
};

/// Parses and renders `text`, whose first line is line `first_line` of `file`.
model::Body render_markdown(std::string_view text, const diag::FileName& file, int first_line,
                            const MarkdownOptions& options, diag::Sink& sink);

/// True for URLs with a scheme that must never become a link (javascript:, vbscript:, data:, file:).
bool is_dangerous_url(std::string_view url);
/// What cmark-gfm and its extensions are (util::module_identity: build IDs), for the load
/// store's identity.
std::vector<std::string> markdown_library_ids();
/// True for URLs with a scheme or a protocol-relative "//host" (external links).
bool is_external_url(std::string_view url);

}  // namespace nastavnik::content
