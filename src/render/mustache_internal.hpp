#pragma once
// Internals of the Mustache engine behind render::Templates (mustache.hpp). Only the three
// mustache*.cpp files include this header.
//
// A template is parsed once into a flat vector of nodes; a section's children follow it and
// `end` points one past its last child, so rendering is a loop over index ranges with a stack of
// `const nlohmann::json*` contexts. The parse reproduces mstch 1.0.2 (the engine nastavnik used
// before, kept as the reference of a differential test), including its few departures from the
// Mustache spec: see the notes on `parse` and `Op::indent`.
#include <atomic>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "diag/sink.hpp"

namespace nastavnik::render::mustache {

inline constexpr std::string_view k_code = "template.error";
/// Sections and partials nested deeper than this while rendering stop the render with a
/// diagnostic: a partial that includes itself through its data would otherwise overflow the stack.
inline constexpr int k_max_depth = 200;

enum class Op : std::uint8_t {
  text,      ///< `text` as it is
  indent,    ///< the including tag's indentation, when rendered as a standalone partial
  var,       ///< {{name}}: escaped
  raw_var,   ///< {{{name}}}, {{&name}}
  section,   ///< {{#name}} … {{/name}}
  inverted,  ///< {{^name}} … {{/name}}
  partial,   ///< {{> name}}; `text` is its indentation
  unclosed,  ///< a section never closed: renders nothing to the end (kept for the partial check)
};

/// A tag's name as mstch resolves it: `head` is looked up through the context stack ("." is the
/// innermost context that is not an object), each of `tail` then in the value found only.
struct Name {
  std::string head;
  std::vector<std::string> tail;
};

struct Template;

struct Node {
  Op op = Op::text;
  std::uint32_t end = 0;   ///< section, inverted, unclosed: index one past the last child
  std::uint32_t line = 0;  ///< 1-based line of the tag
  Name name;               ///< var, raw_var, section, inverted
  std::string text;        ///< text; partial: indentation
  std::string partial_name;
  const Template* partial = nullptr;  ///< resolved by Templates' constructor; null: renders nothing
};

struct Template {
  std::string file;  ///< "layouts/base.mustache", for diagnostics
  std::vector<Node> nodes;
  /// The size of the last output, to reserve the next one in one allocation.
  mutable std::atomic<std::size_t> size_hint{0};
  /// The nesting limit is reported once per template, not once per page.
  mutable std::atomic<bool> depth_reported{false};
};

/// Parses `text` (the bytes of `tmpl.file`) into `tmpl.nodes`. Problems (unclosed tag, unclosed,
/// stray or crossed sections, empty tag names, broken delimiter changes) are reported into the
/// sink with the file and line; the template is still usable and renders like mstch would.
/// `indents`: keep `Op::indent` nodes (partials only: a top-level template never has indentation).
void parse(Template& tmpl, std::string_view text, bool indents, diag::Sink& sink);

/// Appends template `t` rendered with `root` to `out`. Returns false (after a diagnostic) when the
/// nesting limit was hit; `out` then holds a partial result.
bool render(const Template& t, const nlohmann::json& root, std::string& out, diag::Sink& sink);

}  // namespace nastavnik::render::mustache
