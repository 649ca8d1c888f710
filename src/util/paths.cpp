#include "util/paths.hpp"

#include <vector>

namespace nastavnik::util {

namespace {

constexpr std::size_t k_max_component = 255;

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t slash = s.find('/', pos);
    if (slash == std::string_view::npos) slash = s.size();
    parts.push_back(s.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return parts;
}

bool looks_absolute(std::string_view p) {
  if (!p.empty() && p.front() == '/') return true;
  // «C:/…» or «C:…»: a Windows drive is never a relative path.
  return p.size() >= 2 && p[1] == ':' && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z'));
}

std::vector<std::string_view> dir_components(std::string_view dir) {
  std::vector<std::string_view> out;
  for (std::string_view part : split(dir)) {
    if (!part.empty() && part != ".") out.push_back(part);
  }
  return out;
}

}  // namespace

std::optional<std::string> join_relative(std::string_view base_dir, std::string_view rel,
                                         PathProblem* problem) {
  auto fail = [&](PathProblem p) -> std::optional<std::string> {
    if (problem) *problem = p;
    return std::nullopt;
  };
  if (problem) *problem = PathProblem::none;
  if (rel.empty()) return fail(PathProblem::empty);
  for (std::string_view s : {base_dir, rel}) {
    if (s.find('\0') != std::string_view::npos) return fail(PathProblem::nul_byte);
    if (s.find('\\') != std::string_view::npos) return fail(PathProblem::backslash);
  }
  if (looks_absolute(rel) || looks_absolute(base_dir)) return fail(PathProblem::absolute);

  std::vector<std::string_view> stack;
  for (std::string_view source : {base_dir, rel}) {
    for (std::string_view part : split(source)) {
      if (part.size() > k_max_component) return fail(PathProblem::too_long);
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (stack.empty()) return fail(PathProblem::escapes);
        stack.pop_back();
        continue;
      }
      stack.push_back(part);
    }
  }
  std::string out;
  for (std::string_view part : stack) {
    if (!out.empty()) out.push_back('/');
    out.append(part);
  }
  return out;
}

std::string_view describe(PathProblem p) {
  switch (p) {
    case PathProblem::none:
      return "";
    case PathProblem::absolute:
      return "абсолютный путь: укажите путь относительно папки сайта";
    case PathProblem::escapes:
      return "путь выходит за пределы папки сайта";
    case PathProblem::nul_byte:
      return "путь содержит нулевой байт";
    case PathProblem::backslash:
      return "путь содержит обратную косую черту «\\»: используйте «/»";
    case PathProblem::too_long:
      return "слишком длинное имя файла или папки (больше 255 байт)";
    case PathProblem::empty:
      return "путь пуст";
  }
  return "";
}

std::string parent_dir(std::string_view rel) {
  const std::size_t slash = rel.rfind('/');
  if (slash == std::string_view::npos) return {};
  return std::string(rel.substr(0, slash));
}

std::string relative_url(std::string_view from_dir, std::string_view to) {
  // Keep «?query» and «#fragment» out of the path arithmetic.
  std::string_view suffix;
  if (const std::size_t q = to.find_first_of("?#"); q != std::string_view::npos) {
    suffix = to.substr(q);
    to = to.substr(0, q);
  }
  while (!to.empty() && to.front() == '/') to.remove_prefix(1);
  const std::size_t last_slash = to.rfind('/');
  const std::string_view to_dir =
      last_slash == std::string_view::npos ? std::string_view{} : to.substr(0, last_slash);
  const std::string_view leaf = last_slash == std::string_view::npos ? to : to.substr(last_slash + 1);

  const auto from = dir_components(from_dir);
  const auto target = dir_components(to_dir);
  std::size_t common = 0;
  while (common < from.size() && common < target.size() && from[common] == target[common]) ++common;

  std::string out;
  for (std::size_t i = common; i < from.size(); ++i) out += "../";
  for (std::size_t i = common; i < target.size(); ++i) {
    out.append(target[i]);
    out.push_back('/');
  }
  out.append(leaf);
  if (out.empty() && suffix.empty()) out = "./";
  out.append(suffix);
  return out;
}

std::string root_prefix(std::string_view page_dir) {
  std::string out;
  for (std::size_t i = 0, n = dir_components(page_dir).size(); i < n; ++i) out += "../";
  return out;
}

}  // namespace nastavnik::util
