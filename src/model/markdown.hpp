#pragma once
// What the rest of the program needs to know about a Markdown body once it is parsed and
// rendered: the content adapter fills this; nothing outside content/ sees cmark.
#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "util/excerpt.hpp"
#include "util/hash.hpp"

namespace nastavnik::model {

struct Heading {
  int level = 0;
  std::string text;  ///< plain text of the heading as written
  std::string id;    ///< the `id` attribute in the rendered HTML (anchor)
  diag::SourcePos pos;
  bool withheld = false;  ///< inside a removed «Результаты» section
};

/// A block of text (paragraph, heading, list item text, table cell) for the leak scan. Its text
/// is read through Body::text_of: a block read back from the parse cache is mostly a piece of
/// the body's plain text, and is kept as its place there rather than as a copy.
struct TextBlock {
  std::string text;       ///< the block's own text, unless in_plain
  bool in_plain = false;  ///< the text is plain.substr(at, size) of its Body
  std::size_t at = 0, size = 0;
  diag::SourcePos pos;
};

/// A body's rendered HTML or its plain text. Made by rendering, it is held in memory; read back
/// from the parse cache (content/load_store.hpp), it stays in the cache's pack until first used
/// and is then fetched once — most pages of a rebuild are not rendered again, and their keys
/// take the digest, not the bytes; the plain text is read only by the leak scan (when the bank
/// names people) and by the search index (for a page it did not know). Copies share one text.
/// Thread-safe: a news body is read by its page and by the feed at once.
class StoredText {
 public:
  /// Reads the bytes into `out`; false when they are not the ones stored (the fetcher checks
  /// size and digest and counts the failure where the build will see it).
  using Fetch = std::function<bool(std::string& out)>;

  /// Empty, without an allocation: every page carries a body, and most are moved from.
  StoredText() = default;
  StoredText(std::string bytes) : m(std::make_shared<State>()) {  // NOLINT: implicit, as a string
    m->size = bytes.size();
    m->digest = digest_of(bytes);
    m->text = std::move(bytes);
  }
  /// Bytes in memory whose digest is known (checked by whoever read them).
  StoredText(std::string bytes, std::string digest) : m(std::make_shared<State>()) {
    m->size = bytes.size();
    m->digest = std::move(digest);
    m->text = std::move(bytes);
  }
  StoredText(const char* bytes) : StoredText(std::string(bytes)) {}  // NOLINT: implicit, as a string
  /// Stored bytes, not read yet: `size` bytes with `digest` (digest_of).
  StoredText(std::size_t size, std::string digest, Fetch fetch) : m(std::make_shared<State>()) {
    m->size = size;
    m->digest = std::move(digest);
    m->fetch = std::move(fetch);
  }

  /// The bytes; fetched on the first call. Empty when the fetch failed.
  const std::string& text() const {
    if (!m) return none().text;
    if (m->fetch) std::call_once(m->once, [this] {
        std::string bytes;
        if (m->fetch(bytes) && bytes.size() == m->size) m->text = std::move(bytes);
        m->done = true;
      });
    return m->text;
  }
  std::size_t size() const { return m ? m->size : 0; }
  bool empty() const { return size() == 0; }
  /// XXH3-128 of the bytes as 32 hex digits, known without fetching them.
  const std::string& digest() const { return m ? m->digest : none().digest; }
  static std::string digest_of(std::string_view bytes) { return util::Hasher().update(bytes).hex(); }
  /// Not fetched yet (and not made in memory).
  bool pending() const { return m && m->fetch && !m->done; }

 private:
  struct State {
    std::size_t size = 0;
    std::string digest;
    Fetch fetch;  ///< set once, at construction: read without a lock
    std::once_flag once;
    std::atomic<bool> done{false};
    std::string text;
  };
  /// What a body without a state reads: no bytes, and the digest of none.
  static const State& none() {
    static const State* const none = [] {
      auto* s = new State();  // never freed: bodies are read until the process ends
      s->digest = digest_of({});
      return s;
    }();
    return *none;
  }
  std::shared_ptr<State> m;  ///< null: empty
};

/// Characters of a body's plain text kept as its lead (Body::lead).
inline constexpr std::size_t k_lead_chars = 160;

struct Body {
  StoredText html;                 ///< rendered HTML (links rewritten, withheld sections removed)
  StoredText plain;                ///< plain text of what was rendered, for search and the leak scan
  std::string lead;                ///< the plain text's first k_lead_chars characters, cut at a word
                                   ///< (util::truncate_text): the description of a page without a summary
  std::vector<Heading> headings;   ///< every heading of the source, in order
  std::vector<TextBlock> blocks;   ///< every text block of the source (withheld ones too)
  bool has_withheld = false;       ///< a result section was removed from html/plain

  /// Sets the plain text and the lead made of it.
  void set_plain(std::string text) {
    lead = util::truncate_text(text, k_lead_chars);
    plain = StoredText(std::move(text));
  }

  /// A block's text; a place in the plain text fetches it (see StoredText).
  std::string_view text_of(const TextBlock& b) const {
    if (!b.in_plain) return b.text;
    // The parse cache's decoder checks the place against plain's size; the bounds hold, and a
    // failed fetch (an empty text, counted as a late failure) gives an empty block.
    const std::string& text = plain.text();
    const std::size_t at = std::min(b.at, text.size());
    return std::string_view(text).substr(at, std::min(b.size, text.size() - at));
  }
};

}  // namespace nastavnik::model
