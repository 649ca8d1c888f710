#include "content/front_matter.hpp"

namespace nastavnik::content {

namespace {

bool is_delimiter(std::string_view line, bool allow_dots) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (allow_dots && line == "...");
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit out;
  out.body = text;
  std::size_t eol = text.find('\n');
  std::string_view first = text.substr(0, eol);
  if (!is_delimiter(first, false)) return out;
  out.has_front_matter = true;
  if (eol == std::string_view::npos) {
    out.unterminated = true;
    out.body = {};
    return out;
  }
  std::size_t yaml_start = eol + 1;
  std::size_t pos = yaml_start;
  int line = 2;
  while (pos <= text.size()) {
    std::size_t next = text.find('\n', pos);
    std::string_view cur = text.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
    if (is_delimiter(cur, true)) {
      out.yaml = text.substr(yaml_start, pos - yaml_start);
      out.body = next == std::string_view::npos ? std::string_view{} : text.substr(next + 1);
      out.body_line = line + 1;
      return out;
    }
    if (next == std::string_view::npos) break;
    pos = next + 1;
    ++line;
  }
  out.unterminated = true;
  out.yaml = text.substr(yaml_start);
  out.body = {};
  return out;
}

}  // namespace nastavnik::content
