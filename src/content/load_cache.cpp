#include "content/load_cache.hpp"

#include <tuple>

#include "content/load_store.hpp"

namespace nastavnik::content {

namespace {

bool same(const diag::Diagnostic& a, const diag::Diagnostic& b) {
  return std::tie(a.code, a.message, a.hint, a.pos.file, a.pos.line, a.pos.column) ==
         std::tie(b.code, b.message, b.hint, b.pos.file, b.pos.line, b.pos.column);
}

bool same(const std::vector<diag::Diagnostic>& a, const std::vector<diag::Diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}

}  // namespace

BodyMemo render_recorded(std::string_view text, const diag::FileName& file, int first_line, const MarkdownOptions& options,
                         const RecordingResolver& resolve) {
  BodyMemo memo;
  memo.unsafe_html = options.unsafe_html;
  memo.typography = options.typography;
  memo.withholding = static_cast<bool>(options.withhold_heading);
  diag::Sink recorder{diag::Sink::Recorder{}};
  MarkdownOptions mo;
  mo.unsafe_html = options.unsafe_html;
  mo.typography = options.typography;
  if (options.withhold_heading) {
    mo.withhold_heading = [&](std::string_view heading) {
      bool withheld = options.withhold_heading(heading);
      memo.headings.emplace_back(std::string(heading), withheld);
      return withheld;
    };
  }
  mo.resolve_link = [&](std::string_view url, const diag::SourcePos& pos) {
    diag::Sink call{diag::Sink::Recorder{}};
    BodyMemo::LinkAnswer answer{std::string(url), pos, resolve(url, pos, call), call.items()};
    recorder.replay(answer.diags);
    auto href = answer.href;
    memo.links.push_back(std::move(answer));
    return href;
  };
  memo.body = render_markdown(text, file, first_line, mo, recorder);
  memo.diags = recorder.items();
  return memo;
}

bool stamp_vouches(const util::FileStamp& then, std::int64_t read_ns, const util::FileStamp& now) {
  // Racily clean (git): times within a second of the reading could be those of a write that
  // came after it in the same clock tick.
  constexpr std::int64_t racy_ns = 1000000000;
  return read_ns != 0 && then == now && then.mtime_ns < read_ns - racy_ns && then.ctime_ns < read_ns - racy_ns;
}

std::string links_world(std::string_view map_digest, std::string_view page_url) {
  // Both as they are (the digest is 32 hex digits): compared, never hashed again.
  std::string world;
  world.reserve(map_digest.size() + 1 + page_url.size());
  world.append(map_digest).append(1, ' ').append(page_url);
  return world;
}

bool memo_holds(const BodyMemo& memo, const MarkdownOptions& options, const RecordingResolver& resolve,
                std::string_view world, bool* asked) {
  if (asked) *asked = false;
  if (memo.unsafe_html != options.unsafe_html || memo.typography != options.typography ||
      memo.withholding != static_cast<bool>(options.withhold_heading))
    return false;
  for (const auto& [heading, withheld] : memo.headings)
    if (options.withhold_heading(heading) != withheld) return false;
  // The same link map and page URL: every answer is the one recorded (resolve reads nothing else).
  if (!world.empty() && memo.links_world == world) return true;
  if (asked) *asked = !memo.links.empty();
  for (const auto& link : memo.links) {
    diag::Sink call{diag::Sink::Recorder{}};
    if (resolve(link.url, link.pos, call) != link.href || !same(call.items(), link.diags)) return false;
  }
  return true;
}

void return_body(model::PageBase& page, const LoadCache& cache) {
  auto e = cache.find(page.source);
  if (e && e->body && e->body->lent) {
    e->body->body = std::move(page.body);
    e->body->lent = false;
  }
}

void return_bodies(model::Site& site, const LoadCache& cache) {
  auto give_back = [&](model::PageBase& page) { return_body(page, cache); };
  if (site.landing) give_back(*site.landing);
  if (site.regulation) give_back(*site.regulation);
  for (auto& p : site.programs) give_back(p);
  for (auto& p : site.practices) give_back(p);
  for (auto& n : site.news) give_back(n);
  for (auto& p : site.pages) give_back(p);
}

std::shared_ptr<LoadedSource> LoadCache::find(const std::string& rel) const {
  std::lock_guard lock(m_mutex);
  auto it = m_entries.find(rel);
  return it == m_entries.end() ? nullptr : it->second;
}

std::shared_ptr<LoadedSource> LoadCache::lookup(const std::string& rel, const std::string& key,
                                                const util::FileStamp* read, const diag::FileName& file) const {
  // A run's own cache holds nothing until the run is over: no lock for each of 10,000 sources.
  if (m_retains)
    if (auto hit = find(rel); hit && hit->key == key) return hit;
  return m_store ? m_store->find(rel, key, read, m_whole, file) : nullptr;
}

std::optional<std::string> LoadCache::unchanged(const std::string& rel, const util::FileStamp& now) const {
  if (auto e = m_retains ? find(rel) : nullptr) {
    if (stamp_vouches(e->stamp, e->read_ns, now)) return e->key;
    return std::nullopt;  // the store holds nothing newer than memory
  }
  return m_store ? m_store->unchanged(rel, now) : std::nullopt;
}

bool LoadCache::remembers_nothing() const {
  if (m_retains) {
    std::lock_guard lock(m_mutex);
    if (!m_entries.empty()) return false;
  }
  return !m_store || m_store->empty();
}

void LoadCache::replace(std::map<std::string, std::shared_ptr<LoadedSource>> entries, Stats stats) {
  std::lock_guard lock(m_mutex);
  m_entries = std::move(entries);
  m_last = stats;
}

void LoadCache::hold(std::vector<std::shared_ptr<LoadedSource>> entries, Stats stats) {
  std::lock_guard lock(m_mutex);
  m_held = std::move(entries);
  m_last = stats;
}

LoadCache::Stats LoadCache::last() const {
  std::lock_guard lock(m_mutex);
  return m_last;
}

}  // namespace nastavnik::content
