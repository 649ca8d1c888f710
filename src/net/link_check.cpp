#include "net/link_check.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "net/html_links.hpp"
#include "net/url.hpp"

namespace nastavnik::net {

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Removes "." and ".." from an absolute URL path; ".." above the root stays at the root.
std::string normalize_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  bool trailing = !path.empty() && path.back() == '/';
  while (pos <= path.size()) {
    auto slash = path.find('/', pos);
    std::string_view seg = path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
      if (slash == std::string_view::npos) trailing = true;
    } else if (seg == ".") {
      if (slash == std::string_view::npos) trailing = true;
    } else if (!seg.empty()) {
      parts.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  std::string out = "/";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += parts[i];
    if (i + 1 < parts.size()) out += '/';
  }
  if (trailing && !parts.empty()) out += '/';
  return out;
}

bool has_scheme(std::string_view link) {
  for (std::size_t i = 0; i < link.size(); ++i) {
    char c = link[i];
    if (c == ':') return i > 0;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

struct Base {
  std::string url;     ///< https://host/section/
  std::string origin;  ///< https://host
  std::string scheme;
  std::string path;    ///< /section/
};

/// Resolves `link` found on the page at site path `page_path` ("/section/novosti/") to an
/// absolute URL; empty when the link is not something to check (mailto:, tel:, …).
std::string resolve(const Base& base, const std::string& page_path, std::string_view link) {
  if (link.empty()) return {};
  if (link.rfind("//", 0) == 0) return base.scheme + ":" + std::string(link);
  if (has_scheme(link)) {
    std::string scheme;
    for (char c : link.substr(0, link.find(':'))) scheme.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (scheme != "http" && scheme != "https") return {};
    return std::string(link);
  }
  std::string suffix;  // ?query#fragment
  auto cut = link.find_first_of("?#");
  std::string_view path = link.substr(0, cut);
  if (cut != std::string_view::npos) suffix = std::string(link.substr(cut));
  std::string abs;
  if (path.empty()) abs = page_path;
  else if (path.front() == '/') abs = normalize_path(path);
  else abs = normalize_path(page_path.substr(0, page_path.rfind('/') + 1) + std::string(path));
  return base.origin + abs + suffix;
}

struct Target {
  std::string rel;       ///< output-relative file path, decoded
  std::string fragment;  ///< decoded
  std::string display;   ///< site path shown to the user
};

std::string output_file_for(const fs::path& out, std::string rel) {
  if (rel.empty() || rel.back() == '/') return rel + "index.html";
  std::error_code ec;
  if (fs::is_directory(out / rel, ec)) return rel + "/index.html";
  return rel;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> data_file_urls(const LinkCheckOptions& options);

LinkReport check_links(const LinkCheckOptions& options) {
  LinkReport report;
  std::error_code ec;
  if (!fs::is_directory(options.out_dir, ec)) {
    report.ok = false;
    report.error = "папка результата " + options.out_dir.string() + " не найдена: сначала соберите сайт командой nastavnik build";
    return report;
  }
  std::vector<std::regex> exclude;
  for (const auto& pattern : options.exclude) {
    try {
      exclude.emplace_back(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      report.ok = false;
      report.error = "links.exclude: «" + pattern + "» — неверное регулярное выражение";
      return report;
    }
  }
  Base base;
  base.url = options.base_url;
  if (auto u = parse_url(base.url)) {
    base.scheme = u->scheme;
    base.origin = u->scheme + "://" + u->host + (u->port.empty() ? "" : ":" + u->port);
    base.path = u->path.empty() ? "/" : u->path;
  } else {
    report.ok = false;
    report.error = "base_url в site.yaml не является абсолютным адресом";
    return report;
  }

  // Every HTML page with its links and anchors.
  std::map<std::string, HtmlLinks> pages;  // output-relative path → parsed
  try {
    for (auto it = fs::recursive_directory_iterator(options.out_dir); it != fs::recursive_directory_iterator(); ++it) {
      if (!it->is_regular_file()) continue;
      auto rel = fs::relative(it->path(), options.out_dir).generic_string();
      if (it->path().extension() == ".html" || it->path().extension() == ".htm")
        pages.emplace(rel, extract_links(read_all(it->path())));
    }
  } catch (const fs::filesystem_error& e) {
    report.ok = false;
    report.error = "не удалось прочитать папку результата: " + e.path1().string();
    return report;
  }

  std::map<std::string, LinkResult> internal;  // key: rel#fragment
  std::map<std::string, LinkResult> external;  // key: URL without fragment
  std::set<std::string> excluded;
  auto is_excluded = [&](const std::string& url) {
    return std::any_of(exclude.begin(), exclude.end(), [&](const std::regex& re) { return std::regex_search(url, re); });
  };
  auto add_external = [&](const std::string& url, const std::string& page) {
    std::string key = url.substr(0, url.find('#'));
    if (is_excluded(key)) {
      excluded.insert(key);
      return;
    }
    auto& r = external[key];
    r.url = key;
    r.external = true;
    r.pages.push_back(page);
  };

  for (const auto& [page, parsed] : pages) {
    std::string page_dir = page.substr(0, page.rfind('/') + 1);
    std::string page_path = base.path + page_dir;
    if (page.size() >= 10 && page.compare(page.size() - 10, 10, "index.html") == 0) {
      // a directory page: its URL is the directory
    } else {
      page_path = base.path + page;
    }
    for (const auto& link : parsed.links) {
      std::string abs = resolve(base, page_path, link.url);
      if (abs.empty()) continue;
      std::string no_frag = abs.substr(0, abs.find('#'));
      std::string fragment = abs.find('#') == std::string::npos ? "" : abs.substr(abs.find('#') + 1);
      std::string no_query = no_frag.substr(0, no_frag.find('?'));
      if (no_query.rfind(base.url, 0) == 0 || no_query + "/" == base.url) {
        std::string rel = no_query.size() >= base.url.size() ? percent_decode(no_query.substr(base.url.size())) : "";
        Target t{output_file_for(options.out_dir, rel), percent_decode(fragment), base.path + rel};
        std::string key = t.rel + "#" + t.fragment;
        auto& r = internal[key];
        if (r.url.empty()) {
          r.url = t.display + (t.fragment.empty() ? "" : "#" + t.fragment);
          std::error_code fe;
          if (!fs::is_regular_file(options.out_dir / t.rel, fe)) {
            r.broken = true;
            r.error = "файл не найден";
          } else if (!t.fragment.empty()) {
            auto target = pages.find(t.rel);
            if (target != pages.end() && !target->second.ids.count(t.fragment)) {
              r.broken = true;
              r.error = "на странице нет якоря «#" + t.fragment + "»";
            }
          }
        }
        r.pages.push_back(page);
      } else if (options.external) {
        add_external(abs, page);
      }
    }
  }
  if (options.external) {
    for (const auto& [url, page] : data_file_urls(options)) {
      if (url.rfind(base.url, 0) == 0) continue;  // internal: the pages cover it
      add_external(url, page);
    }
  }

  auto finish_pages = [](LinkResult& r) {
    std::sort(r.pages.begin(), r.pages.end());
    r.pages.erase(std::unique(r.pages.begin(), r.pages.end()), r.pages.end());
  };
  report.internal = internal.size();
  report.external = external.size();
  report.excluded = excluded.size();
  report.checked = internal.size() + external.size();
  for (auto& [key, r] : internal) {
    finish_pages(r);
    if (r.broken) report.broken.push_back(r);
  }
  std::vector<LinkResult> ext;
  for (auto& [key, r] : external) {
    finish_pages(r);
    ext.push_back(std::move(r));
  }
  if (options.progress) options.progress(internal.size(), report.checked);
  if (!ext.empty()) check_external(ext, options, report);
  for (auto& r : ext) {
    if (r.broken) report.broken.push_back(r);
    else if (r.redirect_status) report.redirects.push_back(r);
  }
  auto by_url = [](const LinkResult& a, const LinkResult& b) { return a.url < b.url; };
  std::sort(report.broken.begin(), report.broken.end(), by_url);
  std::sort(report.redirects.begin(), report.redirects.end(), by_url);
  return report;
}

}  // namespace nastavnik::net
