#pragma once
// Finds people's names in free text (the privacy leak scan, SPEC "Leak scan"): «Фамилия Имя»,
// «Имя Фамилия», «Фамилия И.», «И. Фамилия», «Фамилия И. О.», «И. О. Фамилия» — whole words,
// case-insensitive, ё = е, any spacing between initials («И.О. Фамилия» too). Inflected forms are
// not caught. Patterns are compiled once; each text is tokenised once and scanned in linear time.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nastavnik::util {

/// One word of a text: lower case, ё = е; `initial` when it is a single letter followed by «.».
struct NameToken {
  std::string word;
  bool initial = false;
};

/// Splits text into words of letters and digits (everything else separates words).
std::vector<NameToken> tokenize_names(std::string_view text);

class NameMatcher {
 public:
  /// Registers a person under `key` (the caller's index). `full_name` is «Фамилия Имя» or
  /// «Фамилия Имя Отчество»; a name of one word is ignored (nothing safe to search for).
  void add(std::size_t key, std::string_view full_name);
  bool empty() const { return m_by_surname.empty(); }
  /// Keys of every registered person mentioned in `text`, each once, in order of first mention.
  std::vector<std::size_t> find(std::string_view text) const;
  std::vector<std::size_t> find(const std::vector<NameToken>& tokens) const;

 private:
  struct Person {
    std::size_t key;
    std::vector<std::string> surname;  ///< words of the surname («римская», «корсакова»)
    std::vector<std::string> name;     ///< words of the first name
    std::string name_initial;          ///< first letter of the first name
    std::string patronymic_initial;    ///< first letter of the patronymic; empty when none
  };
  bool matches_at(const Person& p, const std::vector<NameToken>& t, std::size_t i) const;

  std::vector<Person> m_people;
  std::unordered_map<std::string, std::vector<std::size_t>> m_by_surname;  ///< first surname word → people
};

}  // namespace nastavnik::util
