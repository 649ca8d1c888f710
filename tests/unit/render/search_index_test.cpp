#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <random>

#include "render/search_index.hpp"
#include "util/stemmer.hpp"
#include "util/utf8.hpp"

using namespace nastavnik;

namespace {

/// Documents (by url) under the stem of `word`.
std::vector<std::string> docs_for(const nlohmann::json& idx, const std::string& word) {
  util::Stemmer st("russian");
  std::vector<std::string> out;
  auto s = st.stem(word);
  if (!idx["terms"].contains(s)) return out;
  const auto& list = idx["terms"][s];
  for (std::size_t i = 0; i < list.size(); i += 2) out.push_back(idx["docs"][list[i].get<int>()]["u"]);
  return out;
}

}  // namespace

TEST_CASE("search words: lower case, ё = е, no one-letter or stop words", "[render]") {
  auto w = render::search_words("Ёлка и НАСТАВНИКИ в 2024 г. — «Школа-2»");
  CHECK(w == std::vector<std::string>{"елка", "наставники", "2024", "школа"});
  CHECK(render::is_stop_word("для"));
  for (std::string_view w : {"а", "если", "уже", "это", "что", "или"}) CHECK(render::is_stop_word(w));
  CHECK(render::search_words("Если бы не это") == std::vector<std::string>{});
  CHECK_FALSE(render::is_stop_word("наставник"));
}

TEST_CASE("search words equal the definition, letter by letter, on random texts", "[render]") {
  // The definition: runs of ASCII letters and digits and Cyrillic letters, lower case, ё → е,
  // decoded and encoded one code point at a time; one-letter and stop words left out.
  auto reference = [](std::string_view text) {
    auto word_char = [](char32_t c) {
      return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
             (c >= U'а' && c <= U'я') || (c >= U'А' && c <= U'Я') || c == U'ё' || c == U'Ё';
    };
    std::vector<std::string> out;
    std::string w;
    std::size_t chars = 0;
    auto flush = [&] {
      if (chars > 1 && !render::is_stop_word(w)) out.push_back(w);
      w.clear();
      chars = 0;
    };
    for (std::size_t pos = 0; pos < text.size();) {
      char32_t c = util::next_code_point(text, pos);
      if (!word_char(c)) {
        flush();
        continue;
      }
      if ((c >= U'A' && c <= U'Z') || (c >= U'А' && c <= U'Я')) c += 32;
      if (c == U'Ё' || c == U'ё') c = U'е';
      util::append_utf8(w, c);
      ++chars;
    }
    flush();
    return out;
  };
  const std::vector<std::string> pieces = {"а", "Я", "ё", "Ё", "ж", "Щ", "z", "Q", "7", " ", ".", "-", "«", "—",
                                           "\xff", "\xd0", "é", "ß", "中", "😀", "\n", "и", "для", "ъ", "Ь",
                                           "Ѐ", "ѐ", "Ђ", "ђ", "П", "Р", "п", "р", "я", "А", "0", "9", "@", "[", "`", "{"};
  std::mt19937 rng(20261122);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) {
      // Long runs of one letter now and then: words longer than the buffer's first size.
      const auto& piece = pieces[rng() % pieces.size()];
      const int repeat = rng() % 16 == 0 ? static_cast<int>(rng() % 100) : 1;
      for (int r = 0; r < repeat; ++r) text += piece;
    }
    INFO(text);
    REQUIRE(render::search_words(text) == reference(text));
  }
}

TEST_CASE("search index finds other forms of a word by its stem", "[render]") {
  std::vector<render::SearchDoc> docs = {
      {"Школа наставников", "pages/a/", "Страницы", "Наставник помогает молодому педагогу."},
      {"Программа адаптации", "programmy/b/", "Программы", "Программа рассчитана на год."},
      {"Новость", "novosti/c/", "Новости", "Встреча с родителями."},
  };
  auto idx = nlohmann::json::parse(render::build_search_index(docs).index);
  CHECK(idx["version"] == 2);
  REQUIRE(idx["docs"].size() == 3);
  CHECK(idx["docs"][0]["t"] == "Школа наставников");
  CHECK(idx["docs"][1]["s"] == "Программы");
  CHECK(docs_for(idx, "наставников") == std::vector<std::string>{"pages/a/"});
  CHECK(docs_for(idx, "программы") == std::vector<std::string>{"programmy/b/"});
  CHECK(docs_for(idx, "родителей") == std::vector<std::string>{"novosti/c/"});
  CHECK(docs_for(idx, "отсутствует").empty());
  // The title weighs more than the text: «наставник» twice (title 10 + text 1).
  util::Stemmer st("russian");
  CHECK(idx["terms"][st.stem("наставник")] == nlohmann::json::array({0, 11}));
  CHECK_FALSE(idx["terms"].contains("и"));
}

TEST_CASE("search index is byte-identical on every run and keeps short snippets", "[render]") {
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += "слово" + std::to_string(i) + " ";
  std::vector<render::SearchDoc> docs = {{"A", "a/", "S", long_text}};
  auto a = render::build_search_index(docs);
  CHECK(a == render::build_search_index(docs));
  REQUIRE(a.chunks.size() == 1);
  auto snippets = nlohmann::json::parse(a.chunks[0].bytes);
  REQUIRE(snippets.size() == 1);
  const auto x = snippets[0].get<std::string>();
  CHECK(x.size() <= render::k_snippet_text_chars * 2 + 8);
  CHECK(x.rfind("слово0 слово1 ", 0) == 0);
}

TEST_CASE("snippets live in files of 32 documents, versioned by their documents, loaded apart from the index",
          "[render][search]") {
  std::vector<render::SearchDoc> docs;
  std::vector<std::string> urls, texts;  // the views of docs point into these
  urls.reserve(70);
  texts.reserve(70);
  for (int i = 0; i < 70; ++i) {
    urls.push_back("novosti/n" + std::to_string(i) + "/");
    texts.push_back("Встреча наставников номер " + std::to_string(i) + ".");
  }
  for (int i = 0; i < 70; ++i) docs.push_back({"Новость", urls[i], "Новости", texts[i]});
  const auto a = render::build_search_index(docs);
  const auto idx = nlohmann::json::parse(a.index);
  REQUIRE(a.chunks.size() == 3);
  CHECK(idx["snippets"]["per"] == render::k_snippet_chunk_docs);
  REQUIRE(idx["snippets"]["files"].size() == 3);
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(a.chunks[k].file == "x/" + std::to_string(k) + ".json");
    CHECK(idx["snippets"]["files"][k] == a.chunks[k].file + "?v=" + std::string(a.chunks[k].version()));
    CHECK(a.chunks[k].version().size() == 16);
    CHECK(a.chunks[k].key.rfind(a.chunks[k].version(), 0) == 0);
  }
  CHECK(a.chunks[0].version() != a.chunks[1].version());
  // The index holds no text; document n's snippet is entry n % 32 of file n / 32.
  CHECK_FALSE(idx["docs"][37].contains("x"));
  CHECK(a.index.find("наставников номер") == std::string::npos);
  const auto second = nlohmann::json::parse(a.chunks[1].bytes), last = nlohmann::json::parse(a.chunks[2].bytes);
  CHECK(second.size() == 32);
  CHECK(last.size() == 6);
  CHECK(second[5] == "Встреча наставников номер 37.");
  CHECK(last[5] == "Встреча наставников номер 69.");
  // The plan made before rendering names the same files and versions.
  const auto plan = render::plan_search_index(docs);
  REQUIRE(plan.chunks.size() == 3);
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(plan.chunks[k].file == a.chunks[k].file);
    CHECK(plan.chunks[k].version() == a.chunks[k].version());
  }

  // An edited text changes its file's version only; a kept file comes without bytes.
  texts[40] = "Встреча наставников перенесена.";
  docs[40].text = texts[40];
  const auto b = render::build_search_index(docs, nullptr, {}, nullptr, [](std::size_t k) { return k != 1; });
  CHECK(b.chunks[0].version() == a.chunks[0].version());
  CHECK(b.chunks[1].version() != a.chunks[1].version());
  CHECK(b.chunks[1].file == a.chunks[1].file);
  CHECK(b.chunks[2].version() == a.chunks[2].version());
  CHECK(b.chunks[0].bytes.empty());
  CHECK(b.chunks[2].bytes.empty());
  CHECK(nlohmann::json::parse(b.chunks[1].bytes)[8] == "Встреча наставников перенесена.");
  CHECK(b.index == render::build_search_index(docs).index);
}

TEST_CASE("a search memo kept between builds gives the same bytes as no memo", "[render][search]") {
  std::vector<render::SearchDoc> docs = {
      {"Школа наставников", "novosti/a/", "Новости", "Наставники встретились с наставляемыми."},
      {"Кейс «Равный — равному»", "praktiki/k/", "Лучшие практики", "Ученик помогает ученику: олимпиады."},
      {"Программа", "programmy/p/", "Программы", "Адаптация молодого педагога в коллективе."},
  };
  render::SearchMemo memo;
  CHECK(render::build_search_index(docs, &memo) == render::build_search_index(docs));
  CHECK(render::build_search_index(docs, &memo) == render::build_search_index(docs));  // all reused

  docs[0].text = "Наставники провели фестиваль.";           // changed text
  docs.erase(docs.begin() + 2);                             // a document gone: «адаптац…» has no posting now
  docs.push_back({"Новый кейс", "praktiki/n/", "Лучшие практики", "Профориентация на предприятии."});
  docs[1].url = "praktiki/k2/";                             // same text, another address
  const auto with_memo = render::build_search_index(docs, &memo);
  CHECK(with_memo == render::build_search_index(docs));
  const auto idx = nlohmann::json::parse(with_memo.index);
  CHECK(docs_for(idx, "адаптация").empty());
  CHECK(docs_for(idx, "фестиваль") == std::vector<std::string>{"novosti/a/"});
  CHECK(docs_for(idx, "олимпиады") == std::vector<std::string>{"praktiki/k2/"});
}

TEST_CASE("a saved search memo is loaded by the next build and trusted only when intact", "[render][search]") {
  std::vector<render::SearchDoc> docs = {
      {"Школа наставников", "novosti/a/", "Новости", "Наставники встретились с наставляемыми."},
      {"Кейс «Равный — равному»", "praktiki/k/", "Лучшие практики", "Ученик помогает ученику: олимпиады."},
      {"Программа", "programmy/p/", "Программы", "Адаптация молодого педагога в коллективе."},
  };
  const auto clean = render::build_search_index(docs);
  render::SearchMemo first;
  REQUIRE(render::build_search_index(docs, &first) == clean);
  CHECK(first.last_reused() == 0);
  const std::string saved = first.save("id-1");
  CHECK(saved == first.save("id-1"));  // the same documents, the same bytes

  SECTION("loaded: every unchanged document is reused, and the bytes are those of a clean build") {
    render::SearchMemo next;
    REQUIRE(next.load(saved, "id-1"));
    docs[1].text = "Ученик помогает ученику: конкурсы.";
    CHECK(render::build_search_index(docs, &next) == render::build_search_index(docs));
    CHECK(next.last_reused() == 2);
    // Saved again: only the stems still used (the one of «олимпиады» has left).
    render::SearchMemo again;
    REQUIRE(again.load(next.save("id-1"), "id-1"));
    CHECK(render::build_search_index(docs, &again) == render::build_search_index(docs));
    CHECK(again.last_reused() == 3);
  }
  SECTION("another identity (a new binary or stemmer), header or format: not loaded") {
    render::SearchMemo next;
    CHECK_FALSE(next.load(saved, "id-2"));
    CHECK_FALSE(next.load(saved, ""));
    CHECK_FALSE(next.load("nastavnik search 0\n" + saved.substr(19), "id-1"));
    CHECK(render::build_search_index(docs, &next) == clean);
    CHECK(next.last_reused() == 0);
  }
  SECTION("damaged anywhere, or cut anywhere: not loaded, nothing reused") {
    // A changed byte in an entry would give a stale snippet: the checksum stops it.
    for (std::size_t at = 0; at < saved.size(); ++at) {
      std::string bad = saved;
      bad[at] = static_cast<char>(bad[at] ^ 0x20);
      render::SearchMemo next;
      INFO("byte " << at);
      CHECK_FALSE(next.load(bad, "id-1"));
      CHECK_FALSE(next.load(saved.substr(0, at), "id-1"));
    }
    render::SearchMemo next;
    CHECK_FALSE(next.load(saved + "x", "id-1"));
    CHECK(render::build_search_index(docs, &next) == clean);
    CHECK(next.last_reused() == 0);
  }
}
