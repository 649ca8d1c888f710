#pragma once
// What every page builder shares: the site, the options, section slugs and titles, and the
// page description (PageSpec) that the orchestrator turns into a file.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/site.hpp"
#include "render/mustache.hpp"
#include "render/render.hpp"
#include "util/hash.hpp"

namespace nastavnik::render {

/// A built-in section: its key (as in site.yaml `sections:`), slug, menu title and what the
/// page will show once published (used on empty pages).
struct SectionInfo {
  std::string key;
  std::string slug;
  std::string title;     ///< menu and breadcrumb title
  std::string planned;   ///< what the page shows once published (empty pages)
  std::string blurb;     ///< one line for the landing page
};

struct Crumb {
  std::string title;
  std::string url;  ///< site-root-relative directory URL
};

/// One HTML page to render.
struct PageSpec {
  std::string url;       ///< site-root-relative directory URL ("" for the landing page)
  std::string path;      ///< output path ("novosti/a/index.html")
  std::string tmpl;      ///< template name ("news_item")
  std::string section;   ///< nav key ("news", "page:kurator", "" for the landing page)
  std::string title;     ///< <h1> and <title>, typographed, not escaped
  std::string description;
  std::vector<Crumb> crumbs;  ///< between «Главная» and the page itself
  std::string og_type = "website";
  std::string image;     ///< site-root-relative image for og:image, may be empty
  std::optional<util::Date> lastmod;
  bool in_sitemap = true;
  bool in_search = true;
  std::string search_section;  ///< section title for the search index
  std::string search_text;     ///< plain text for the search index
  /// Instead of search_text: a page body's plain text, which lives in the Site (not copied:
  /// 10,000 news bodies are 44 MB) and is read only if the search index needs it (SearchDoc).
  const model::StoredText* search_body = nullptr;
  std::string root_override;   ///< 404: root-relative prefix instead of "../"
  Context ctx;  ///< page-specific keys (null until the builder sets one: no map for each news item)
  /// Instead of ctx, for the pages there are thousands of (news): `make_ctx` builds the page's
  /// keys only when the page is rendered, and `ctx_key` (32 hex digits) hashes everything they
  /// are a pure function of besides what the render identity holds (binary, layouts, the
  /// typography switch, the site-wide keys and the site frame). The page cache keys such a page
  /// on ctx_key: a reused page's context is never built.
  std::function<Context()> make_ctx;
  std::string ctx_key;
};

class Env {
 public:
  Env(const model::Site& site, const RenderOptions& options);

  const model::Site& site;
  const config::SiteConfig& config;
  const RenderOptions& options;
  util::Date now;

  /// Typography on a YAML text value when `typography: true`.
  std::string text(std::string_view s) const;
  const SectionInfo& section(std::string_view key) const;
  /// "novosti/"
  std::string section_url(std::string_view key) const { return section(key).slug + "/"; }
  std::string absolute(std::string_view url) const { return config.base_url + std::string(url); }
  const std::vector<SectionInfo>& sections() const { return m_sections; }
  /// Size of a copied file by its output path ("files/a.pdf"); 0 when unknown.
  std::uint64_t file_size(std::string_view output) const;

 private:
  std::vector<SectionInfo> m_sections;
};

/// Page description for <meta>: the summary, else the start of the text (the body's lead), else
/// the fallback.
std::string describe_page(const Env& env, std::string_view summary, std::string_view lead, std::string_view fallback);

// One builder per section; each appends its pages.
void build_landing(const Env& env, std::vector<PageSpec>& out);
void build_regulation(const Env& env, std::vector<PageSpec>& out);
void build_roadmap(const Env& env, std::vector<PageSpec>& out);
void build_bank(const Env& env, std::vector<PageSpec>& out);
void build_monitoring(const Env& env, std::vector<PageSpec>& out);
void build_programs(const Env& env, std::vector<PageSpec>& out);
void build_practices(const Env& env, std::vector<PageSpec>& out);
void build_news(const Env& env, std::vector<PageSpec>& out);
/// How many list pages the news section has (at least one).
int news_page_count(const Env& env);
/// Page numbers a news list page links to: all up to 9 pages, else 1, the last and the current
/// ±2, with 0 where numbers are left out («…»). Bounded, so list pages stay linear in size.
std::vector<int> pager_window(int page, int pages);
void build_documents(const Env& env, std::vector<PageSpec>& out);
void build_pages(const Env& env, std::vector<PageSpec>& out);
void build_not_found(const Env& env, std::vector<PageSpec>& out);
/// The search page lists every other page; call it last.
void build_search(const Env& env, std::vector<PageSpec>& out);

// Shared pieces of contexts.
/// A news card for lists; `root` is the prefix of the page that shows it.
Context news_card(const Env& env, const model::NewsItem& n, std::string_view root);
/// Everything news_card(env, n, root) reads, into `h` (besides config.typography, which is in
/// the render identity). Kept beside news_card: a field news_card starts to read must be fed
/// here too, or a changed news item could leave a stale page (render_keys_test changes each).
void news_card_inputs(util::Hasher& h, const model::NewsItem& n, std::string_view root);
/// Roadmap progress: done / all, where cancelled events count in neither.
struct Progress {
  int done = 0;
  int all = 0;
  int cancelled = 0;
};
Progress roadmap_progress(const std::vector<model::RoadmapEvent>& events);
Progress roadmap_progress(const model::Roadmap& roadmap);
Context progress_context(const Progress& p);
/// {list: [{name}]}, or false when there are none (so a wrapper renders only when needed).
Context tags_context(const Env& env, const std::vector<std::string>& tags);
/// «Утверждено приказом …»: {order, date, date_iso, by}, or false when absent.
Context approval_context(const Env& env, const std::optional<model::Approval>& a);
/// Overdue: not done or cancelled, with an end that is before today (SPEC "Dates").
bool is_overdue(const model::RoadmapEvent& e, const util::Date& now);
/// [{name}] of authors, typographed.
Context authors_list(const Env& env, const std::vector<std::string>& authors);
/// The root prefix of a page: "../" per directory level.
std::string root_of(std::string_view url);

}  // namespace nastavnik::render
