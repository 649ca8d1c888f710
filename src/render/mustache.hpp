#pragma once
// The Mustache engine of render/: the rest of render/ builds contexts as JSON values and asks
// this class to render a named template. Templates are parsed once, here; rendering reads the
// JSON context directly (mustache_internal.hpp, mustache_parse.cpp, mustache_render.cpp).
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "diag/sink.hpp"

namespace nastavnik::render {

/// A template context: objects, arrays, strings, numbers, booleans. Strings are raw text; the
/// engine escapes them in `{{double}}` tags, `{{{triple}}}` inserts pre-rendered HTML.
using Context = nlohmann::json;

class Templates {
 public:
  /// `files`: every layout file, path relative to layouts/ → bytes (embedded files merged with
  /// the site's overrides). `*.mustache` at the top level are templates, `partials/*.mustache`
  /// partials (named without folder and extension). Every template and partial is parsed here,
  /// once. Problems found while loading (unbalanced sections, unknown partials, partials that
  /// include themselves) are reported into the sink with file and line.
  Templates(const std::map<std::string, std::string>& files, diag::Sink& sink);

  bool has(std::string_view name) const;
  /// Renders template `name` ("base", "news_item"). Never throws: an engine error (such as
  /// partials nested deeper than the limit) is reported into the sink and gives an empty string.
  /// Safe to call from several threads at once.
  std::string render(const std::string& name, const Context& ctx, diag::Sink& sink) const;

 private:
  struct Library;
  /// Parsed templates and partials, immutable after construction (copies share them).
  std::shared_ptr<const Library> m_lib;
};

}  // namespace nastavnik::render
