#include <algorithm>

#include "util/suggest.hpp"
#include "util/text.hpp"
#include "validate/checks.hpp"

namespace nastavnik::validate {

diag::SourcePos whole_file(std::string_view file) { return {std::string(file), 0, 0}; }

bool has_heading(const model::Body& body, const config::NamedMatch& what) {
  for (const auto& h : body.headings) {
    if (h.level < 1 || h.level > 3) continue;
    const std::string text = util::normalize(h.text);
    for (const auto& phrase : what.match) {
      const std::string p = util::normalize(phrase);
      if (!p.empty() && text.find(p) != std::string::npos) return true;
    }
  }
  return false;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, std::string fallback) {
  if (auto best = util::closest(word, candidates)) return "возможно, имелось в виду «" + *best + "»";
  return fallback;
}

bool unreadable(const diag::Sink& sink, std::string_view file) {
  for (const auto& d : sink.sorted())
    if (d.pos.file == file && (d.code == "yaml.syntax" || d.code == "utf8.invalid")) return true;
  return false;
}

std::string join_quoted(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += "«" + s + "»";
  }
  return out;
}

}  // namespace nastavnik::validate
