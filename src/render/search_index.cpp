#include "render/search_index.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "render/format.hpp"
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

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  std::size_t chars = 0;
  auto flush = [&] {
    if (chars > 1 && !is_stop_word(word)) out.push_back(word);
    word.clear();
    chars = 0;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = util::next_code_point(text, pos);
    if (is_word_char(c)) {
      util::append_utf8(word, lower(c));
      ++chars;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string build_search_index(const std::vector<SearchDoc>& docs) {
  util::Stemmer stemmer("russian");
  std::unordered_map<std::string, std::string> cache;
  auto stem = [&](const std::string& w) -> const std::string& {
    auto it = cache.find(w);
    if (it == cache.end()) it = cache.emplace(w, stemmer.stem(w)).first;
    return it->second;
  };

  std::map<std::string, std::vector<std::pair<int, int>>> terms;  // stem → (doc, weight), docs ascending
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const auto& d = docs[i];
    std::map<std::string, int> weight;
    for (const auto& w : search_words(d.title)) weight[stem(w)] += 10;
    for (const auto& w : search_words(d.section)) weight[stem(w)] += 1;
    for (const auto& w : search_words(d.text)) weight[stem(w)] += 1;
    for (const auto& [s, n] : weight) terms[s].emplace_back(static_cast<int>(i), n);
    list.push_back({{"t", d.title}, {"u", d.url}, {"s", d.section}, {"x", truncate_text(collapse_spaces(d.text), k_snippet_text_chars)}});
  }
  nlohmann::json t = nlohmann::json::object();
  for (const auto& [s, postings] : terms) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& [doc, w] : postings) {
      arr.push_back(doc);
      arr.push_back(w);
    }
    t[s] = std::move(arr);
  }
  nlohmann::json root = {{"version", 1}, {"docs", std::move(list)}, {"terms", std::move(t)}};
  return root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace nastavnik::render
