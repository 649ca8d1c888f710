#include "util/paths.hpp"

namespace nastavnik::util {

namespace {

constexpr std::size_t k_max_component = 255;

/// The parts of a path between slashes one by one, empty ones included ("a//b/" → a, "", b, "").
class Parts {
 public:
  explicit Parts(std::string_view s) : m_s(s) {}
  /// The next part into `part`; false when there is none left.
  bool next(std::string_view& part) {
    if (m_pos > m_s.size()) return false;
    std::size_t slash = m_s.find('/', m_pos);
    if (slash == std::string_view::npos) slash = m_s.size();
    part = m_s.substr(m_pos, slash - m_pos);
    m_pos = slash + 1;
    return true;
  }

 private:
  std::string_view m_s;
  std::size_t m_pos = 0;
};

/// The folders of a directory path one by one: parts other than empty ones and ".".
class DirComponents {
 public:
  explicit DirComponents(std::string_view dir) : m_parts(dir) {}
  /// The next folder; empty when there is none left (a folder's name is never empty).
  std::string_view next() {
    for (std::string_view part; m_parts.next(part);)
      if (!part.empty() && part != ".") return part;
    return {};
  }

 private:
  Parts m_parts;
};

bool looks_absolute(std::string_view p) {
  if (!p.empty() && p.front() == '/') return true;
  // «C:/…» or «C:…»: a Windows drive is never a relative path.
  return p.size() >= 2 && p[1] == ':' && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z'));
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

  // The result itself is the stack of folders: ".." cuts its last part off. No vectors: every
  // link of every page is resolved here.
  std::string out;
  out.reserve(base_dir.size() + rel.size() + 1);
  for (std::string_view source : {base_dir, rel}) {
    Parts parts(source);
    for (std::string_view part; parts.next(part);) {
      if (part.size() > k_max_component) return fail(PathProblem::too_long);
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (out.empty()) return fail(PathProblem::escapes);
        const std::size_t slash = out.rfind('/');
        out.resize(slash == std::string::npos ? 0 : slash);
        continue;
      }
      if (!out.empty()) out.push_back('/');
      out.append(part);
    }
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
  std::size_t q = 0;
  while (q < to.size() && to[q] != '?' && to[q] != '#') ++q;  // find_first_of calls memchr per byte
  if (q < to.size()) {
    suffix = to.substr(q);
    to = to.substr(0, q);
  }
  while (!to.empty() && to.front() == '/') to.remove_prefix(1);
  const std::size_t last_slash = to.rfind('/');
  const std::string_view to_dir =
      last_slash == std::string_view::npos ? std::string_view{} : to.substr(0, last_slash);
  const std::string_view leaf = last_slash == std::string_view::npos ? to : to.substr(last_slash + 1);

  // Past the folders both paths share, one "../" for each folder left of `from_dir`, then the
  // folders left of the target.
  DirComponents from(from_dir), target(to_dir);
  std::string_view a = from.next(), b = target.next();
  while (!a.empty() && a == b) {
    a = from.next();
    b = target.next();
  }
  std::string out;
  out.reserve(from_dir.size() + to.size() + suffix.size() + 8);
  for (; !a.empty(); a = from.next()) out += "../";
  for (; !b.empty(); b = target.next()) {
    out.append(b);
    out.push_back('/');
  }
  out.append(leaf);
  if (out.empty() && suffix.empty()) out = "./";
  out.append(suffix);
  return out;
}

std::string root_prefix(std::string_view page_dir) {
  std::string out;
  DirComponents dirs(page_dir);
  for (std::string_view d = dirs.next(); !d.empty(); d = dirs.next()) out += "../";
  return out;
}

}  // namespace nastavnik::util
