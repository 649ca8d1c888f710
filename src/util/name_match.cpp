#include "util/name_match.hpp"

#include <algorithm>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace nastavnik::util {

namespace {

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return (c >= 0x0400 && c <= 0x045F) || (c >= 0x00C0 && c <= 0x024F);
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x202F; }

std::string first_letter(const std::string& word) {
  std::size_t pos = 0;
  if (word.empty()) return {};
  next_code_point(word, pos);
  return word.substr(0, pos);
}

}  // namespace

std::vector<NameToken> tokenize_names(std::string_view text) {
  std::vector<NameToken> out;
  std::string word;
  std::size_t letters = 0;
  auto flush = [&](std::size_t& pos) {
    if (word.empty()) return;
    NameToken t;
    t.word = to_lower(word);
    // ё = е (lower case already): U+0451 is D1 91, U+0435 is D0 B5.
    for (std::size_t i = 0; i + 1 < t.word.size(); ++i)
      if (t.word[i] == '\xD1' && t.word[i + 1] == '\x91') {
        t.word[i] = '\xD0';
        t.word[i + 1] = '\xB5';
      }
    if (letters == 1) {
      std::size_t look = pos;
      while (look < text.size()) {
        std::size_t next = look;
        char32_t c = next_code_point(text, next);
        if (!is_space(c)) {
          t.initial = c == '.';
          break;
        }
        look = next;
      }
    }
    out.push_back(std::move(t));
    word.clear();
    letters = 0;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = next_code_point(text, pos);
    if (is_word_char(c)) {
      word.append(text.substr(start, pos - start));
      ++letters;
    } else {
      std::size_t at = start;
      flush(at);
    }
  }
  std::size_t end = text.size();
  flush(end);
  return out;
}

void NameMatcher::add(std::size_t key, std::string_view full_name) {
  std::vector<std::string> words;
  for (const auto& part : split_lines(full_name)) {
    std::size_t i = 0;
    std::string s = part;
    while (i < s.size()) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
      if (j > i) words.push_back(s.substr(i, j - i));
      i = j;
    }
  }
  // «Петров Пётр», «Петров Пётр Петрович»; NBSP or other separators are handled by tokenising.
  if (words.size() < 2) {
    auto toks = tokenize_names(full_name);
    words.clear();
    for (auto& t : toks) words.push_back(t.word);
    if (words.size() < 2) return;
  }
  Person p;
  p.key = key;
  for (const auto& t : tokenize_names(words[0])) p.surname.push_back(t.word);
  for (const auto& t : tokenize_names(words[1])) p.name.push_back(t.word);
  if (p.surname.empty() || p.name.empty()) return;
  p.name_initial = first_letter(p.name.front());
  if (words.size() >= 3) {
    auto pt = tokenize_names(words[2]);
    if (!pt.empty()) p.patronymic_initial = first_letter(pt.front().word);
  }
  m_by_surname[p.surname.front()].push_back(m_people.size());
  m_people.push_back(std::move(p));
}

bool NameMatcher::matches_at(const Person& p, const std::vector<NameToken>& t, std::size_t i) const {
  // The whole surname starts at token i.
  if (i + p.surname.size() > t.size()) return false;
  for (std::size_t k = 0; k < p.surname.size(); ++k)
    if (t[i + k].word != p.surname[k]) return false;
  const std::size_t after = i + p.surname.size();
  auto is_initial = [&](std::size_t at, const std::string& letter) {
    return at < t.size() && t[at].initial && t[at].word == letter;
  };
  auto name_at = [&](std::size_t at) {
    if (at + p.name.size() > t.size()) return false;
    for (std::size_t k = 0; k < p.name.size(); ++k)
      if (t[at + k].word != p.name[k]) return false;
    return true;
  };
  // «Фамилия Имя», «Фамилия И.», «Фамилия И. О.» (the last one implies the one before it).
  if (name_at(after)) return true;
  if (is_initial(after, p.name_initial)) return true;
  // «Имя Фамилия», «И. Фамилия», «И. О. Фамилия».
  if (i >= p.name.size() && name_at(i - p.name.size())) return true;
  if (i >= 1 && is_initial(i - 1, p.name_initial)) return true;
  if (!p.patronymic_initial.empty() && i >= 2 && is_initial(i - 1, p.patronymic_initial) &&
      is_initial(i - 2, p.name_initial))
    return true;
  return false;
}

std::vector<std::size_t> NameMatcher::find(const std::vector<NameToken>& tokens) const {
  std::vector<std::size_t> found;
  if (m_people.empty()) return found;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto it = m_by_surname.find(tokens[i].word);
    if (it == m_by_surname.end()) continue;
    for (std::size_t idx : it->second) {
      const Person& p = m_people[idx];
      if (std::find(found.begin(), found.end(), p.key) != found.end()) continue;
      if (matches_at(p, tokens, i)) found.push_back(p.key);
    }
  }
  return found;
}

std::vector<std::size_t> NameMatcher::find(std::string_view text) const {
  if (m_people.empty()) return {};
  return find(tokenize_names(text));
}

}  // namespace nastavnik::util
