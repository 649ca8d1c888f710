#include "content/link_map.hpp"

#include <algorithm>
#include <vector>

#include "content/markdown.hpp"
#include "util/hash.hpp"
#include "util/paths.hpp"

namespace nastavnik::content {

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void LinkMap::add(std::string source, std::string url, bool published) {
  m_urls.insert(url);
  m_sources[std::move(source)] = Target{std::move(url), published};
}

void LinkMap::add_url(std::string url) { m_urls.insert(std::move(url)); }

std::string LinkMap::digest() const {
  // The maps are unordered: each item is hashed on its own, and the sorted hashes make the
  // digest (a multiset's, whatever the order of insertion).
  std::vector<std::uint64_t> items;
  items.reserve(m_sources.size() + m_urls.size());
  std::string buf;
  for (const auto& [source, target] : m_sources) {
    buf.assign("s");
    buf += source;
    buf += '\0';
    buf += target.url;
    buf += target.published ? '1' : '0';
    items.push_back(util::hash64(buf));
  }
  for (const auto& url : m_urls) {
    buf.assign("u");
    buf += url;
    items.push_back(util::hash64(buf));
  }
  std::sort(items.begin(), items.end());
  util::Hasher h;
  h.field("links 1");
  for (auto v : items) h.update(v);
  return h.hex();
}

std::optional<std::string> LinkMap::resolve(std::string_view url, const std::string& source,
                                            const std::string& page_url, const diag::SourcePos& pos,
                                            diag::Sink& sink) const {
  if (url.empty() || url.front() == '#' || url.front() == '?') return std::nullopt;
  if (is_external_url(url)) return std::nullopt;  // http:, mailto:, tel:, //host
  std::string_view path = url;
  std::string suffix;  // "?query#fragment" kept as written
  std::size_t cut = path.find_first_of("?#");
  if (cut != std::string_view::npos) {
    suffix = std::string(path.substr(cut));
    path = path.substr(0, cut);
  }
  std::string decoded = percent_decode(path);
  std::string shown(url);

  auto broken = [&](const std::string& why) {
    sink.report("link.broken", pos, "ссылка «" + shown + "» никуда не ведёт: " + why,
                "Проверьте имя файла и путь: путь считается от папки, где лежит этот файл (../ — на уровень выше).");
    return std::optional<std::string>{};
  };

  // Root-relative: a site path such as "/novosti/".
  if (decoded.front() == '/') {
    util::PathProblem problem = util::PathProblem::none;
    auto joined = util::join_relative("", decoded.substr(1), &problem);
    if (!joined) {
      sink.report("path.outside", pos, "ссылка «" + shown + "»: " + std::string(util::describe(problem)),
                  "Ссылайтесь на файлы внутри сайта.");
      return std::nullopt;
    }
    std::string target = *joined;
    if (!target.empty() && target.back() != '/' && m_urls.count(target + "/")) target += "/";
    if (!target.empty() && !m_urls.count(target)) {
      if (auto it = m_sources.find("content/" + target); it != m_sources.end()) target = it->second.url;
      else return broken("в разделе нет такой страницы");
    }
    return util::relative_url(page_url, target) + suffix;
  }

  util::PathProblem problem = util::PathProblem::none;
  auto joined = util::join_relative(util::parent_dir(source), decoded, &problem);
  if (!joined || joined->rfind("content/", 0) != 0 || *joined == "content") {
    if (problem == util::PathProblem::none) problem = util::PathProblem::escapes;
    sink.report("path.outside", pos, "ссылка «" + shown + "»: " + std::string(util::describe(problem)),
                "Ссылайтесь только на файлы внутри папки content/.");
    return std::nullopt;
  }
  std::string target = *joined;
  if (!target.empty() && target.back() == '/') target.pop_back();
  auto it = m_sources.find(target);
  // Curators often write "files/x.pdf" from any folder: accept it when it exists.
  if (it == m_sources.end() && decoded.rfind("files/", 0) == 0) it = m_sources.find("content/" + decoded);
  if (it == m_sources.end()) {
    // A section folder such as "../practices/" links to the section page.
    static const std::pair<const char*, const char*> folders[] = {
        {"content/programs", "content/programs/"}, {"content/practices", "content/practices/"},
        {"content/news", "content/news/"}, {"content/pages", "content/pages/"}};
    for (const auto& [dir, key] : folders)
      if (target == dir) {
        if (auto sec = m_sources.find(key); sec != m_sources.end()) return util::relative_url(page_url, sec->second.url) + suffix;
      }
    return broken("файла «" + target + "» нет");
  }
  if (!it->second.published) return broken("страница «" + target + "» — черновик или ещё не опубликована");
  return util::relative_url(page_url, it->second.url) + suffix;
}

}  // namespace nastavnik::content
