#pragma once
// The one adapter around mstch. The rest of render/ builds contexts as JSON values and asks
// this class to render a named template; nothing else includes <mstch/mstch.hpp>.
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "diag/sink.hpp"

namespace nastavnik::render {

/// A template context: objects, arrays, strings, numbers, booleans. Strings are raw text; the
/// engine escapes them in `{{double}}` tags, `{{{triple}}}` inserts pre-rendered HTML.
using Context = nlohmann::json;

class Templates {
 public:
  /// `files`: every layout file, path relative to layouts/ → bytes (embedded files merged with
  /// the site's overrides). `*.mustache` at the top level are templates, `partials/*.mustache`
  /// partials (named without folder and extension). Problems found while loading (unbalanced
  /// sections, unknown partials) are reported into the sink.
  Templates(const std::map<std::string, std::string>& files, diag::Sink& sink);

  bool has(std::string_view name) const;
  /// Renders template `name` ("base", "news_item"). Never throws: an engine error is reported
  /// into the sink and gives an empty string. Safe to call from several threads at once.
  std::string render(const std::string& name, const Context& ctx, diag::Sink& sink) const;

 private:
  std::map<std::string, std::string, std::less<>> m_templates;
  std::map<std::string, std::string> m_partials;
  /// For each template, only the partials it can reach: mstch parses every partial it is given
  /// on every render call, so handing it all of them costs more than the rendering itself.
  std::map<std::string, std::map<std::string, std::string>, std::less<>> m_reachable;
};

}  // namespace nastavnik::render
