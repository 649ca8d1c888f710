#pragma once
// The build-time search index (poisk/index.json): Russian words reduced to their Snowball stems
// (libstemmer), so that «наставников» finds «наставник». layouts/assets/search.js stems the query
// with the same algorithm and looks the stems up. Withheld sections and drafts never get here:
// the page builders give only published plain text.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/markdown.hpp"

namespace nastavnik::render {

/// Views into the pages being rendered (the index is built while they live).
struct SearchDoc {
  std::string_view title;    ///< typographed title
  std::string_view url;      ///< site-root-relative ("novosti/a/")
  std::string_view section;  ///< section title («Новости»)
  std::string_view text;     ///< published plain text, unless `body`
  /// Instead of text: a body's plain text, read only when the index does not know the document
  /// (a rebuild finds nearly all of them by their keys, which take the digest).
  const model::StoredText* body = nullptr;
  std::string_view words() const { return body ? std::string_view(body->text()) : text; }
  std::string digest() const { return body ? body->digest() : model::StoredText::digest_of(text); }
};

/// Words of a text for the index: runs of letters and digits, lower case, ё → е; words of one
/// character and the stop words are left out.
std::vector<std::string> search_words(std::string_view text);

/// True for the short function words that are not indexed («и», «в», «на», «для», …).
bool is_stop_word(std::string_view lower_word);

/// Characters of a page's text kept for its snippet.
inline constexpr std::size_t k_snippet_text_chars = 1200;
/// Documents per file of snippets. The snippets are 85 % of the text an index would carry (22 of
/// 26 MB at 10,000 news), so they live in files of their own (as Pagefind's fragments do): the
/// search page loads only the files of the results it shows, and an edited page changes one
/// file of 32 snippets instead of the whole index.
inline constexpr std::size_t k_snippet_chunk_docs = 32;

/// File n of snippets, `x/<n>.json` beside index.json: a JSON array of the snippets of
/// documents [n × k_snippet_chunk_docs, (n + 1) × k_snippet_chunk_docs). Its name stays while its
/// texts change (the file is rewritten, not left behind on the server under an old name); the
/// index asks for `x/<n>.json?v=<version>`, so a browser's cached copy is never stale.
struct SearchChunk {
  std::string file;   ///< "x/<n>.json", relative to index.json
  std::string key;    ///< XXH3-128 (hex) of its documents' keys: what its bytes are a function of
  std::string bytes;  ///< the JSON; empty when the caller keeps the file it already has
  /// What the index appends to the file's address: 16 hex digits of `key`.
  std::string_view version() const { return std::string_view(key).substr(0, 16); }
  bool operator==(const SearchChunk&) const = default;
};

/// What is known of the index before the pages are rendered: each document's key (XXH3-128 of
/// title, URL, section and the text's digest) and the files of snippets, without their bytes.
struct SearchPlan {
  std::vector<std::string> keys;
  std::vector<SearchChunk> chunks;
};
SearchPlan plan_search_index(const std::vector<SearchDoc>& docs);

struct SearchIndex {
  std::string index;  ///< index.json
  std::vector<SearchChunk> chunks;
  bool operator==(const SearchIndex&) const = default;
};

/// The index as compact JSON:
///   {"docs":[{"s":section,"t":title,"u":url}],
///    "snippets":{"files":["x/0.json?v=<version>", …],"per":k_snippet_chunk_docs},
///    "terms":{stem:[doc, weight, doc, weight, …]},"version":2}
/// and the files of snippets (SearchChunk). weight = occurrences in the text + 10 × occurrences
/// in the title. Terms are sorted, so the bytes are the same on every run. Documents are stemmed
/// in parallel, one stemmer per thread.
/// Each document's stems and JSON entry by the document's key, so that a rebuild after one
/// saved file stems one document. Kept in memory between the builds of one process (serve), or
/// saved beside the page manifest for the next `build` (render/page_cache.hpp, k_search_memo).
/// The output is the same bytes with or without it.
class SearchMemo {
 public:
  SearchMemo();
  ~SearchMemo();
  SearchMemo(const SearchMemo&) = delete;
  SearchMemo& operator=(const SearchMemo&) = delete;
  struct Impl;

  /// The documents of the last build as bytes, under `identity` (what else shapes an entry:
  /// the binary and the stemmer library; see search_memo_identity). Sorted by key: the same
  /// documents give the same bytes, so an unchanged memo file is not rewritten.
  std::string save(std::string_view identity) const;
  /// Replaces the memo by saved bytes. False, and the memo empty, when they are of another
  /// identity or format, truncated or damaged (a checksum covers every byte).
  bool load(std::string_view bytes, std::string_view identity);
  /// Documents of the last build taken from the memo, not stemmed again.
  std::size_t last_reused() const;
  /// Documents the memo held before the last build (of them, last_reused were still wanted).
  std::size_t last_held() const;
  /// Documents of the last build stemmed (not in the memo).
  std::size_t last_stemmed() const;

 private:
  friend SearchIndex build_search_index(const std::vector<SearchDoc>& docs, SearchMemo* memo,
                                        const std::function<void()>& meanwhile, const SearchPlan* plan,
                                        const std::function<bool(std::size_t chunk)>& keep);
  std::unique_ptr<Impl> m;
};

/// `meanwhile` (may be empty) runs beside the formatting of the index, once the memo holds
/// exactly `docs`: the caller saves the memo there, off the index's critical path. `plan`, when
/// given, is plan_search_index(docs), made earlier. A chunk (by its number) for which `keep` (may
/// be empty) returns true is returned without its bytes: the caller has them already.
SearchIndex build_search_index(const std::vector<SearchDoc>& docs, SearchMemo* memo = nullptr,
                               const std::function<void()>& meanwhile = {}, const SearchPlan* plan = nullptr,
                               const std::function<bool(std::size_t chunk)>& keep = {});

/// The identity a saved memo is valid under: this binary and the stemmer library, by their build
/// IDs (an upgraded libstemmer may stem differently). Empty when either is unknown: nothing saved.
const std::string& search_memo_identity();

}  // namespace nastavnik::render
