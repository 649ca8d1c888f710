#pragma once
// What loading each Markdown source produced, kept between the builds of one process (`serve`
// rebuilds on every save): a file whose bytes did not change is not parsed again, and its body
// is not rendered again while everything the rendering asked about still has the same answer.
//
// Correct by construction, like the page cache (render/page_cache.hpp):
// - front matter: a pure function of the source's kind, path and bytes (XXH3-128 of the bytes);
// - Markdown body: a pure function of the body text, the two markup switches, and the answers
//   of the two questions rendering asks the rest of the site — "where does this link go?"
//   (the link map) and "is this heading a withheld result section?" (the rules and today's
//   date). Each question and answer is recorded with the body; a reuse asks every recorded
//   question again and reuses the body only if every answer, diagnostics included, is equal.
// Diagnostics are recorded as reported and replayed into each build's sink, so a warning
// stays visible on every rebuild until the file is fixed.
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/front_matter.hpp"
#include "content/markdown.hpp"
#include "diag/sink.hpp"
#include "model/pages.hpp"
#include "model/site.hpp"
#include "util/file.hpp"

namespace nastavnik::content {

/// A page as its front matter describes it (no URL, no body yet), of its kind.
using AnyPage = std::variant<model::Landing, model::Regulation, model::Program, model::Practice, model::NewsItem,
                             model::Page>;

/// A body together with the questions its rendering asked and their answers.
struct BodyMemo {
  struct LinkAnswer {
    std::string url;
    diag::SourcePos pos;
    std::optional<std::string> href;
    std::vector<diag::Diagnostic> diags;
  };
  bool unsafe_html = false;
  bool typography = true;
  bool withholding = false;  ///< a withhold predicate was given
  std::vector<std::pair<std::string, bool>> headings;  ///< heading → withheld
  std::vector<LinkAnswer> links;
  model::Body body;
  std::vector<diag::Diagnostic> diags;  ///< all of the rendering's, link diagnostics included
  /// The body is lent to the Site being built (moved, not copied: 10,000 bodies are 100 MB)
  /// until return_bodies gives it back; a body never given back is rendered again.
  bool lent = false;
  /// The world its links were last seen to resolve in (links_world: the link map's digest and
  /// the page's URL), when every recorded answer held there; empty when unknown. Not part of
  /// the entry's bytes: the store keeps it in its index, for the entries its last run checked.
  std::string links_world;
};

/// What a page's link answers depend on besides the questions: the link map (LinkMap::digest)
/// and the page's URL.
std::string links_world(std::string_view map_digest, std::string_view page_url);

/// One Markdown source after the front matter stage.
struct LoadedSource {
  std::string key;                          ///< kind, path and XXH3-128 of the bytes
  std::shared_ptr<const std::string> text;  ///< normalised text; null when it could not be decoded
  FrontMatterSplit split;                   ///< views into *text
  bool ok = false;                          ///< front matter parsed (fields may still have problems)
  std::string slug_field;
  diag::SourcePos slug_pos;
  AnyPage page;
  std::vector<diag::Diagnostic> diags;  ///< reported while decoding and parsing
  std::optional<BodyMemo> body;         ///< the last rendering of the body
  /// The stamp of the bytes hashed into `key`, and the start of the run that read them (0:
  /// unknown): a later run need not read the file again while its stamp is the same and was
  /// old enough then (load_store.hpp explains the rule).
  util::FileStamp stamp;
  std::int64_t read_ns = 0;
  /// Read back from the store: decoded once, but its text is not derived again yet (a null
  /// text otherwise means the bytes could not be decoded).
  bool text_pending = false;
};

/// The rule of load_store.hpp: `now`, a file's stamp at this moment, shows it unwritten since
/// its bytes were read (at `read_ns`) with stamp `then`, which was already old then.
bool stamp_vouches(const util::FileStamp& then, std::int64_t read_ns, const util::FileStamp& now);

/// Renders a body through `options` exactly as render_markdown does, recording its questions
/// and diagnostics. `resolve` answers link questions into the sink it is given.
using RecordingResolver =
    std::function<std::optional<std::string>(std::string_view url, const diag::SourcePos& pos, diag::Sink& sink)>;
BodyMemo render_recorded(std::string_view text, const diag::FileName& file, int first_line, const MarkdownOptions& options,
                         const RecordingResolver& resolve);

/// True when rendering with `options` and `resolve` now would give the memo's body and
/// diagnostics: the switches are equal and every recorded question gets the recorded answer —
/// without asking the link questions again when `world` (links_world) is the one the memo's
/// answers were last seen to hold in. `asked`, when given, is set to whether they were asked.
bool memo_holds(const BodyMemo& memo, const MarkdownOptions& options, const RecordingResolver& resolve,
                std::string_view world = {}, bool* asked = nullptr);

/// Gives a page's lent body back to its memo (nothing when it was not lent).
void return_body(model::PageBase& page, const class LoadCache& cache);
/// return_body for every page of `site` (call once the build is done with it).
void return_bodies(model::Site& site, const LoadCache& cache);

class LoadStore;

/// The cache itself: source path → its last load. Used by one build at a time. `serve` keeps
/// one for the whole session; a single `build` or `check` makes one for its run, backed by the
/// store on disk (content/load_store.hpp), and lets it go after loading.
class LoadCache {
 public:
  LoadCache() = default;
  /// A cache for one run, backed by `store`: what is not in memory is looked up there, and
  /// what the run parses or renders goes there. Its entries are not kept after the run
  /// (retains() is false: pages are moved out of them, texts dropped).
  explicit LoadCache(LoadStore* store) : m_store(store), m_retains(false), m_whole(false) {}
  /// serve's cache, kept between rebuilds, backed by the store for one build (null: no longer).
  void attach_store(LoadStore* store) { m_store = store; }

  /// The entry of `rel` loaded from the bytes with this key: from memory, else from the store
  /// (then its text and split are not set yet); null when neither has it.
  /// `read`: the stamp of the bytes hashed into `key` (null when the store's stamp vouched for
  /// them: LoadStore::unchanged).
  std::shared_ptr<LoadedSource> lookup(const std::string& rel, const std::string& key,
                                       const util::FileStamp* read = nullptr, const diag::FileName& file = {}) const;
  /// The key of `rel`'s entry in memory or in the store when its stamp vouches that the file is
  /// unchanged (stamp_vouches): then it need not be read.
  std::optional<std::string> unchanged(const std::string& rel, const util::FileStamp& now) const;
  /// Whether neither memory nor the store has any entry: every source is read and parsed, and
  /// asking for its stamp first would be wasted (10,000 `fstatat` of a first build).
  bool remembers_nothing() const;
  /// The start of this run, in file-time nanoseconds (pipeline sets it; tests set it ahead).
  void set_run_clock(std::int64_t ns) { m_run_ns = ns; }
  std::int64_t run_clock() const { return m_run_ns; }
  LoadStore* store() const { return m_store; }
  /// Entries from the store come with their HTML read at once (LoadStore::find's `whole`): for
  /// serve, which keeps them, and for a build that renders every page (no earlier output).
  void read_whole(bool whole) { m_whole = whole; }
  bool retains() const { return m_retains; }

  struct Stats {
    std::size_t sources = 0;         ///< Markdown sources of the last build
    std::size_t parsed = 0;          ///< whose front matter was parsed (new or changed bytes)
    std::size_t bodies_rendered = 0; ///< whose body was rendered
    std::size_t unread = 0;          ///< not even read: the stamp vouched for them
    /// whose memo's link questions were asked again (the link map or the page's URL is not the
    /// one its answers were last seen to hold for)
    std::size_t links_asked = 0;
  };

  std::shared_ptr<LoadedSource> find(const std::string& rel) const;
  /// Replaces the whole cache by the sources of the build just done (deleted files leave).
  void replace(std::map<std::string, std::shared_ptr<LoadedSource>> entries, Stats stats);
  /// A run's own cache (not retains()): keeps the run's entries, not to be looked up, until it is
  /// let go.
  void hold(std::vector<std::shared_ptr<LoadedSource>> entries, Stats stats);
  Stats last() const;

 private:
  LoadStore* m_store = nullptr;
  bool m_retains = true;
  bool m_whole = true;
  std::int64_t m_run_ns = 0;
  mutable std::mutex m_mutex;
  std::map<std::string, std::shared_ptr<LoadedSource>> m_entries;
  std::vector<std::shared_ptr<LoadedSource>> m_held;  ///< hold()
  Stats m_last;
};

}  // namespace nastavnik::content
