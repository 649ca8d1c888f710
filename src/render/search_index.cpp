#include "render/search_index.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>

#include <nlohmann/json.hpp>

#include "render/format.hpp"
#include "util/hash.hpp"
#include "util/stemmer.hpp"
#include "util/utf8.hpp"

namespace nastavnik::render {

namespace {

bool is_word_char(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= U'а' && c <= U'я') || (c >= U'А' && c <= U'Я') || c == U'ё' || c == U'Ё';
}

char32_t lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= U'А' && c <= U'Я') return c + 32;
  if (c == U'Ё' || c == U'ё') return U'е';
  return c;
}

// Kept in step with STOP in layouts/assets/search.js.
constexpr std::array<std::string_view, 38> k_stop = {
    "а",   "без", "бы",  "в",   "во",   "вы",  "да",  "до",  "его", "ее",  "если", "же", "за",
    "и",   "из",  "или", "им",  "их",   "к",   "ко",  "ли",  "на",  "не",  "ни",   "о",  "об",
    "от",  "по",  "при", "с",   "со",   "так", "то",  "у",   "уже", "что", "это",  "для"};

}  // namespace

bool is_stop_word(std::string_view w) { return std::find(k_stop.begin(), k_stop.end(), w) != k_stop.end(); }

namespace {

/// Calls f(word) for each indexed word of text (see search_words), reusing one buffer.
template <class F>
void for_each_word(std::string_view text, std::string& word, F&& f) {
  std::size_t chars = 0;
  auto flush = [&] {
    if (chars > 1 && !is_stop_word(word)) f(std::string_view(word));
    word.clear();
    chars = 0;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = util::next_code_point(text, pos);
    if (is_word_char(c)) {
      util::append_utf8(word, lower(c));
      ++chars;
    } else if (chars > 0) {
      flush();
    }
  }
  flush();
}

/// A hash map from words that is looked up by string_view, without a temporary string.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for_each_word(text, word, [&](std::string_view w) { out.emplace_back(w); });
  return out;
}

struct SearchMemo::Impl {
  /// Stems seen in this process, for good: ids stay valid for the documents kept below.
  std::mutex stems_mutex;
  std::unordered_map<std::string, int> stem_ids;
  std::vector<std::string> stems;  // id → stem
  /// A document's weights and JSON entry, by its key (XXH3-128 of title, URL, section, text).
  struct Doc {
    std::vector<std::pair<int, int>> weights;  // (stem id, weight)
    std::string entry;
  };
  std::unordered_map<std::string, std::shared_ptr<const Doc>> docs;  // of the last build
};

SearchMemo::SearchMemo() : m(std::make_unique<Impl>()) {}
SearchMemo::~SearchMemo() = default;

std::string build_search_index(const std::vector<SearchDoc>& docs, SearchMemo* memo) {
  // Per document, in parallel: words → stems (one stemmer and word cache per thread: libstemmer
  // is not thread-safe) → (stem id, weight), and the document's JSON entry. Ids come from one
  // table; they are only internal: the output is ordered by the stems themselves, so it is the
  // same on every run. With a memo, a document whose bytes did not change is not stemmed again.
  SearchMemo local_memo;
  SearchMemo::Impl& impl = memo ? *memo->m : *local_memo.m;
  struct Local {
    util::Stemmer stemmer{"russian"};
    std::unordered_map<std::string, int, WordHash, std::equal_to<>> ids;  // word → stem id
    std::string word;                                                       // tokenizer buffer
  };
  tbb::enumerable_thread_specific<Local> locals;
  const auto dump = [](const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
  std::vector<std::string> keys(docs.size());
  std::vector<std::shared_ptr<const SearchMemo::Impl::Doc>> done(docs.size());
  tbb::parallel_for(std::size_t(0), docs.size(), [&](std::size_t i) {
    const auto& d = docs[i];
    if (memo) {
      util::Hasher h;
      for (std::string_view part : {d.title, d.url, d.section, d.text})
        h.update(static_cast<std::uint64_t>(part.size())).update(part);
      keys[i] = h.hex();
      if (auto it = impl.docs.find(keys[i]); it != impl.docs.end()) {  // read-only during the loop
        done[i] = it->second;
        return;
      }
    }
    Local& local = locals.local();
    auto id_of = [&](std::string_view word) {
      if (auto it = local.ids.find(word); it != local.ids.end()) return it->second;
      std::string stem = local.stemmer.stem(word);
      int id;
      {
        std::lock_guard lock(impl.stems_mutex);  // only a thread's first sight of a word gets here
        auto [it, fresh] = impl.stem_ids.try_emplace(stem, static_cast<int>(impl.stems.size()));
        if (fresh) impl.stems.push_back(stem);
        id = it->second;
      }
      local.ids.emplace(word, id);
      return id;
    };
    std::unordered_map<int, int> w;
    for_each_word(d.title, local.word, [&](std::string_view word) { w[id_of(word)] += 10; });
    for_each_word(d.section, local.word, [&](std::string_view word) { w[id_of(word)] += 1; });
    for_each_word(d.text, local.word, [&](std::string_view word) { w[id_of(word)] += 1; });
    auto doc = std::make_shared<SearchMemo::Impl::Doc>();
    doc->weights.assign(w.begin(), w.end());
    doc->entry = dump({{"t", d.title}, {"u", d.url}, {"s", d.section}, {"x", truncate_text(d.text, k_snippet_text_chars)}});
    done[i] = std::move(doc);
  });
  if (memo) {
    impl.docs.clear();
    for (std::size_t i = 0; i < docs.size(); ++i) impl.docs.emplace(keys[i], done[i]);
  }

  // Postings in document order, stems in byte order (as the JSON object they become); stems of
  // documents gone since an earlier build have none and are left out.
  const auto& stems = impl.stems;
  std::vector<std::vector<std::pair<int, int>>> postings(stems.size());
  for (std::size_t i = 0; i < docs.size(); ++i)
    for (const auto& [id, n] : done[i]->weights) postings[static_cast<std::size_t>(id)].emplace_back(static_cast<int>(i), n);
  std::vector<int> order;
  order.reserve(stems.size());
  for (std::size_t k = 0; k < stems.size(); ++k)
    if (!postings[k].empty()) order.push_back(static_cast<int>(k));
  std::sort(order.begin(), order.end(), [&](int a, int b) { return stems[static_cast<std::size_t>(a)] < stems[static_cast<std::size_t>(b)]; });

  // Each stem's postings are formatted in parallel, then joined in order: the same bytes as one
  // nlohmann object, without building a 50,000-key tree.
  std::vector<std::string> lists(order.size());
  tbb::parallel_for(std::size_t(0), order.size(), [&](std::size_t k) {
    auto& plist = postings[static_cast<std::size_t>(order[k])];
    std::sort(plist.begin(), plist.end());
    std::string& s = lists[k];
    s = dump(stems[static_cast<std::size_t>(order[k])]);
    s += ":[";
    for (std::size_t n = 0; n < plist.size(); ++n) {
      if (n) s += ',';
      s += std::to_string(plist[n].first);
      s += ',';
      s += std::to_string(plist[n].second);
    }
    s += ']';
  });
  std::size_t total = 64;
  for (const auto& d : done) total += d->entry.size() + 1;
  for (const auto& l : lists) total += l.size() + 1;
  std::string out;
  out.reserve(total);
  out += "{\"docs\":[";
  for (std::size_t i = 0; i < done.size(); ++i) {
    if (i) out += ',';
    out += done[i]->entry;
  }
  out += "],\"terms\":{";
  for (std::size_t k = 0; k < lists.size(); ++k) {
    if (k) out += ',';
    out += lists[k];
  }
  out += "},\"version\":1}\n";
  return out;
}

}  // namespace nastavnik::render
