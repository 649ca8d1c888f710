#include "render/search_index.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_invoke.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <climits>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "render/format.hpp"
#include "render/page_cache.hpp"
#include "util/hash.hpp"
#include "util/stemmer.hpp"
#include "util/utf8.hpp"

namespace nastavnik::render {

namespace {

// Kept in step with STOP in layouts/assets/search.js.
constexpr std::array<std::string_view, 38> k_stop = {
    "а",   "без", "бы",  "в",   "во",   "вы",  "да",  "до",  "его", "ее",  "если", "же", "за",
    "и",   "из",  "или", "им",  "их",   "к",   "ко",  "ли",  "на",  "не",  "ни",   "о",  "об",
    "от",  "по",  "при", "с",   "со",   "так", "то",  "у",   "уже", "что", "это",  "для"};

}  // namespace

bool is_stop_word(std::string_view w) {
  // Longer words than the longest stop word («если», 8 bytes) need no search.
  constexpr std::size_t longest = [] {
    std::size_t n = 0;
    for (std::string_view s : k_stop) n = std::max(n, s.size());
    return n;
  }();
  return w.size() <= longest && std::find(k_stop.begin(), k_stop.end(), w) != k_stop.end();
}

namespace {

/// Calls f(word) for each indexed word of text (see search_words), reusing one buffer. The
/// buffer is written through a pointer (its size is its capacity): appending each letter to a
/// string was a fifth of a build's search stage.
template <class F>
void for_each_word(std::string_view text, std::string& word, F&& f) {
  // On the bytes: a word character is an ASCII letter or digit (one byte) or a Russian letter
  // (two bytes, D0 or D1 and one more), lowered without decoding (util::russian::lower). Anything
  // else ends a word and is stepped over one character at a time (an invalid byte is one
  // character). A word is never longer than the text, so the buffer is sized once.
  if (word.size() < text.size() + 2) word.resize(std::max<std::size_t>(64, text.size() + 2));
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = begin + text.size();
  char* const w0 = word.data();
  char* w = w0;
  std::size_t chars = 0;
  auto flush = [&] {
    const std::string_view found(w0, static_cast<std::size_t>(w - w0));
    if (chars > 1 && !is_stop_word(found)) f(found);
    w = w0;
    chars = 0;
  };
  for (const unsigned char* p = begin; p < end;) {
    const unsigned c = *p;
    if (c < 0x80) {
      if (c - '0' < 10u || (c | 0x20u) - 'a' < 26u) {
        *w++ = static_cast<char>(c - '0' < 10u ? c : (c | 0x20u));
        ++chars;
      } else if (chars > 0) {
        flush();
      }
      ++p;
      continue;
    }
    if (const std::uint16_t lowered = p + 1 < end ? util::russian::lower(c, p[1]) : 0; lowered != 0) {
      w[0] = static_cast<char>(lowered >> 8);
      w[1] = static_cast<char>(lowered & 0xFF);
      w += 2;
      ++chars;
      p += 2;
      continue;
    }
    if (chars > 0) flush();
    std::size_t pos = static_cast<std::size_t>(p - begin);
    util::next_code_point(text, pos);
    p = begin + pos;
  }
  flush();
}

/// A hash map from words that is looked up by string_view, without a temporary string.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return util::hash64(s); }  // XXH3
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
  /// A document's weights and JSON entry (without the snippet), by its key (SearchPlan::keys).
  struct Doc {
    std::vector<std::pair<int, int>> weights;  // (stem id, weight)
    std::string entry;
  };
  std::unordered_map<std::string, std::shared_ptr<const Doc>> docs;  // of the last build
  std::size_t reused = 0;
  std::size_t held = 0;  ///< documents the memo held before the last build
  std::size_t stemmed = 0;
};

SearchMemo::SearchMemo() : m(std::make_unique<Impl>()) {}
SearchMemo::~SearchMemo() = default;
std::size_t SearchMemo::last_reused() const { return m->reused; }
std::size_t SearchMemo::last_held() const { return m->held; }
std::size_t SearchMemo::last_stemmed() const { return m->stemmed; }

namespace {

// The saved memo: header line, then the identity, the checksum of the rest and the rest —
//   u32 stems, each a string; u32 documents, each: key, u32 weights, (u32 stem, u32 weight)…,
//   entry. Strings are u32 length + bytes; numbers in the machine's byte order (the file never
//   leaves the machine: a foreign one fails the identity). Nothing in it is trusted before the
//   checksum and every bound are checked.
constexpr std::string_view k_memo_header = "nastavnik search 2\n";

void put_u32(std::string& out, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out.append(b, 4);
}

void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}

struct Reader {
  std::string_view in;
  bool ok = true;
  std::uint32_t u32() {
    if (!ok || in.size() < 4) return ok = false, 0;
    std::uint32_t v;
    std::memcpy(&v, in.data(), 4);
    in.remove_prefix(4);
    return v;
  }
  std::string_view str() {
    const std::uint32_t n = u32();
    if (!ok || in.size() < n) return ok = false, std::string_view();
    auto s = in.substr(0, n);
    in.remove_prefix(n);
    return s;
  }
};

}  // namespace

std::string SearchMemo::save(std::string_view identity) const {
  std::vector<const std::pair<const std::string, std::shared_ptr<const Impl::Doc>>*> docs;
  docs.reserve(m->docs.size());
  std::size_t size = 64 + identity.size();
  for (const auto& d : m->docs) {
    docs.push_back(&d);
    size += 12 + d.first.size() + 8 * d.second->weights.size() + d.second->entry.size();
  }
  std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) { return a->first < b->first; });
  // Only the stems these documents use, numbered in byte order: ids (and so the order of a
  // document's weights) depend on which thread stemmed what first, the file must not.
  std::vector<char> in_use(m->stems.size(), 0);
  for (const auto* d : docs)
    for (const auto& [id, weight] : d->second->weights) in_use[static_cast<std::size_t>(id)] = 1;
  std::vector<std::size_t> used;
  for (std::size_t id = 0; id < in_use.size(); ++id)
    if (in_use[id]) {
      used.push_back(id);
      size += 4 + m->stems[id].size();
    }
  std::sort(used.begin(), used.end(), [&](std::size_t a, std::size_t b) { return m->stems[a] < m->stems[b]; });
  std::vector<std::uint32_t> renumber(m->stems.size(), 0);
  for (std::size_t n = 0; n < used.size(); ++n) renumber[used[n]] = static_cast<std::uint32_t>(n);
  // One buffer (the memo is tens of megabytes at 10,000 pages); the checksum is filled in last.
  std::string out;
  out.reserve(size);
  out += k_memo_header;
  put_str(out, identity);
  put_str(out, std::string(32, '0'));
  const std::size_t sum_at = out.size() - 32, body_at = out.size();
  put_u32(out, static_cast<std::uint32_t>(used.size()));
  for (std::size_t id : used) put_str(out, m->stems[id]);
  put_u32(out, static_cast<std::uint32_t>(docs.size()));
  std::vector<std::pair<std::uint32_t, std::uint32_t>> weights;
  for (const auto* d : docs) {
    put_str(out, d->first);
    weights.clear();
    for (const auto& [id, weight] : d->second->weights)
      weights.emplace_back(renumber[static_cast<std::size_t>(id)], static_cast<std::uint32_t>(weight));
    std::sort(weights.begin(), weights.end());
    put_u32(out, static_cast<std::uint32_t>(weights.size()));
    for (const auto& [id, weight] : weights) {
      put_u32(out, id);
      put_u32(out, weight);
    }
    put_str(out, d->second->entry);
  }
  const std::string sum = util::Hasher().update(std::string_view(out).substr(body_at)).hex();
  out.replace(sum_at, 32, sum);
  return out;
}

bool SearchMemo::load(std::string_view bytes, std::string_view identity) {
  m = std::make_unique<Impl>();
  if (identity.empty() || bytes.substr(0, k_memo_header.size()) != k_memo_header) return false;
  Reader r{bytes.substr(k_memo_header.size())};
  if (r.str() != identity || !r.ok) return false;
  const std::string_view sum = r.str();
  if (!r.ok || util::Hasher().update(r.in).hex() != sum) return false;
  auto fresh = std::make_unique<Impl>();
  const std::uint32_t stems = r.u32();
  for (std::uint32_t i = 0; r.ok && i < stems; ++i) {
    std::string stem(r.str());
    if (!fresh->stem_ids.try_emplace(stem, static_cast<int>(fresh->stems.size())).second) return false;
    fresh->stems.push_back(std::move(stem));
  }
  const std::uint32_t count = r.u32();
  for (std::uint32_t i = 0; r.ok && i < count; ++i) {
    std::string key(r.str());
    auto doc = std::make_shared<Impl::Doc>();
    const std::uint32_t weights = r.u32();
    if (!r.ok || weights > r.in.size() / 8) return false;
    doc->weights.reserve(weights);
    for (std::uint32_t w = 0; w < weights; ++w) {
      const std::uint32_t id = r.u32(), weight = r.u32();
      if (!r.ok || id >= stems || weight > static_cast<std::uint32_t>(INT32_MAX)) return false;
      doc->weights.emplace_back(static_cast<int>(id), static_cast<int>(weight));
    }
    doc->entry = r.str();
    if (!r.ok || !fresh->docs.emplace(std::move(key), std::move(doc)).second) return false;
  }
  if (!r.ok || !r.in.empty()) return false;
  m = std::move(fresh);
  return true;
}

const std::string& search_memo_identity() {
  static const std::string id = [] {
    const std::string& binary = util::binary_identity();
    const std::string stemmer = util::Stemmer::library_id();
    return binary.empty() || stemmer.empty() ? std::string() : binary + stemmer;
  }();
  return id;
}

namespace {
/// Decimal digits without a temporary string (the index has millions of numbers).
void append_int(std::string& s, int v) {
  char buf[16];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  s.append(buf, end);
}
}  // namespace

namespace {
std::string doc_key(const SearchDoc& d) {
  util::Hasher h;
  const std::string text = d.digest();  // known without reading a stored body's text
  for (std::string_view part : {d.title, d.url, d.section, std::string_view(text)}) h.field(part);
  return h.hex();
}
}  // namespace

SearchPlan plan_search_index(const std::vector<SearchDoc>& docs) {
  SearchPlan plan;
  plan.keys.resize(docs.size());
  tbb::parallel_for(std::size_t(0), docs.size(), [&](std::size_t i) { plan.keys[i] = doc_key(docs[i]); });
  for (std::size_t first = 0; first < docs.size(); first += k_snippet_chunk_docs) {
    util::Hasher h;
    h.field("snippets 1");  // the format of a chunk's bytes
    const std::size_t last = std::min(docs.size(), first + k_snippet_chunk_docs);
    for (std::size_t i = first; i < last; ++i) h.field(plan.keys[i]);
    SearchChunk c;
    c.file = "x/" + std::to_string(plan.chunks.size()) + ".json";
    c.key = h.hex();
    plan.chunks.push_back(std::move(c));
  }
  return plan;
}

SearchIndex build_search_index(const std::vector<SearchDoc>& docs, SearchMemo* memo,
                               const std::function<void()>& meanwhile, const SearchPlan* plan,
                               const std::function<bool(std::size_t chunk)>& keep) {
  SearchPlan own_plan;
  if (!plan || plan->keys.size() != docs.size()) {
    own_plan = plan_search_index(docs);
    plan = &own_plan;
  }
  const std::vector<std::string>& keys = plan->keys;
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
    std::vector<int> weight;  // stem id → weight in the current document (0 when absent)
    std::vector<int> seen;    // stem ids of the current document, in order of first sight
  };
  tbb::enumerable_thread_specific<Local> locals;
  std::vector<std::shared_ptr<const SearchMemo::Impl::Doc>> done(docs.size());
  std::atomic<std::size_t> reused{0};
  tbb::parallel_for(std::size_t(0), docs.size(), [&](std::size_t i) {
    const auto& d = docs[i];
    if (memo) {
      if (auto it = impl.docs.find(keys[i]); it != impl.docs.end()) {  // read-only during the loop
        done[i] = it->second;
        ++reused;
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
    auto add = [&](std::string_view word, int weight) {
      const auto id = static_cast<std::size_t>(id_of(word));
      if (id >= local.weight.size()) local.weight.resize(std::max(id + 1, local.weight.size() * 2), 0);
      if (local.weight[id] == 0) local.seen.push_back(static_cast<int>(id));
      local.weight[id] += weight;
    };
    for_each_word(d.title, local.word, [&](std::string_view word) { add(word, 10); });
    for_each_word(d.section, local.word, [&](std::string_view word) { add(word, 1); });
    for_each_word(d.words(), local.word, [&](std::string_view word) { add(word, 1); });
    auto doc = std::make_shared<SearchMemo::Impl::Doc>();
    doc->weights.reserve(local.seen.size());
    for (int id : local.seen) {
      doc->weights.emplace_back(id, local.weight[static_cast<std::size_t>(id)]);
      local.weight[static_cast<std::size_t>(id)] = 0;
    }
    local.seen.clear();
    // {"s":…,"t":…,"u":…}: the keys in the order of a JSON object dumped by nlohmann.
    std::string& e = doc->entry;
    e.reserve(d.section.size() + d.title.size() + d.url.size() + 24);
    e += "{\"s\":";
    append_json_string(e, d.section);
    e += ",\"t\":";
    append_json_string(e, d.title);
    e += ",\"u\":";
    append_json_string(e, d.url);
    e += '}';
    done[i] = std::move(doc);
  });
  impl.reused = reused.load();
  impl.held = impl.docs.size();
  impl.stemmed = docs.size() - impl.reused;
  if (memo) {
    impl.docs.clear();
    for (std::size_t i = 0; i < docs.size(); ++i) impl.docs.emplace(keys[i], done[i]);
  }

  SearchIndex result;
  result.chunks = plan->chunks;
  std::string& out = result.index;
  auto format = [&] {
    // The files of snippets not kept from before, in parallel with each other.
    tbb::parallel_for(std::size_t(0), result.chunks.size(), [&](std::size_t k) {
      SearchChunk& c = result.chunks[k];
      if (keep && keep(k)) return;
      const std::size_t first = k * k_snippet_chunk_docs, last = std::min(docs.size(), first + k_snippet_chunk_docs);
      c.bytes = "[";
      for (std::size_t i = first; i < last; ++i) {
        if (i > first) c.bytes += ',';
        append_json_string(c.bytes, truncate_text(docs[i].words(), k_snippet_text_chars));
      }
      c.bytes += "]\n";
    });
    // Postings in document order, stems in byte order (as the JSON object they become); stems of
    // documents gone since an earlier build have none and are left out.
    const auto& stems = impl.stems;
    std::vector<std::vector<std::pair<int, int>>> postings(stems.size());
    for (std::size_t i = 0; i < docs.size(); ++i)
      for (const auto& [id, n] : done[i]->weights)
        postings[static_cast<std::size_t>(id)].emplace_back(static_cast<int>(i), n);
    std::vector<int> order;
    order.reserve(stems.size());
    for (std::size_t k = 0; k < stems.size(); ++k)
      if (!postings[k].empty()) order.push_back(static_cast<int>(k));
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return stems[static_cast<std::size_t>(a)] < stems[static_cast<std::size_t>(b)]; });

    // Each stem's postings are formatted in parallel, then joined in order: the same bytes as one
    // nlohmann object, without building a 50,000-key tree.
    std::vector<std::string> lists(order.size());
    tbb::parallel_for(std::size_t(0), order.size(), [&](std::size_t k) {
      // Already in document order, once each: built by documents in order, and a document's
      // weights name each stem once. (Sorting them again was most of this loop.)
      const auto& plist = postings[static_cast<std::size_t>(order[k])];
      std::string& s = lists[k];
      const std::string& stem = stems[static_cast<std::size_t>(order[k])];
      s.reserve(stem.size() + 8 + 12 * plist.size());
      append_json_string(s, stem);
      s += ":[";
      for (std::size_t n = 0; n < plist.size(); ++n) {
        // Into room reserved above: the index has millions of these numbers.
        char doc[12], weight[12];
        const char* doc_end = std::to_chars(doc, doc + sizeof doc, plist[n].first).ptr;
        const char* weight_end = std::to_chars(weight, weight + sizeof weight, plist[n].second).ptr;
        if (n) s += ',';
        s.append(doc, static_cast<std::size_t>(doc_end - doc));
        s += ',';
        s.append(weight, static_cast<std::size_t>(weight_end - weight));
      }
      s += ']';
    });
    std::size_t total = 96 + 26 * result.chunks.size();
    for (const auto& d : done) total += d->entry.size() + 1;
    for (const auto& l : lists) total += l.size() + 1;
    out.reserve(total);
    out += "{\"docs\":[";
    for (std::size_t i = 0; i < done.size(); ++i) {
      if (i) out += ',';
      out += done[i]->entry;
    }
    out += "],\"snippets\":{\"files\":[";
    for (std::size_t k = 0; k < result.chunks.size(); ++k) {
      if (k) out += ',';
      out += '"';  // digits and letters: nothing to escape
      out += result.chunks[k].file;
      out += "?v=";
      out += result.chunks[k].version();
      out += '"';
    }
    out += "],\"per\":";
    append_int(out, static_cast<int>(k_snippet_chunk_docs));
    out += "},\"terms\":{";
    for (std::size_t k = 0; k < lists.size(); ++k) {
      if (k) out += ',';
      out += lists[k];
    }
    out += "},\"version\":2}\n";
  };
  if (meanwhile)
    tbb::parallel_invoke(format, meanwhile);
  else
    format();
  return result;
}

}  // namespace nastavnik::render
