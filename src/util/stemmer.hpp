#pragma once
// RAII wrapper around libstemmer (Snowball). A Stemmer is not thread-safe (neither is the C
// object it owns): give each thread its own.
#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace nastavnik::util {

class Stemmer {
 public:
  /// `language` as libstemmer names it ("russian", "english"). Throws std::runtime_error when
  /// libstemmer does not know it.
  explicit Stemmer(const char* language = "russian");
  /// Stem of one lower-case UTF-8 word. Input that libstemmer cannot stem comes back unchanged.
  std::string stem(std::string_view word);
  /// What the library that stems is (util::module_identity: its build ID), so that a cache of
  /// stems names the library version it was made with; empty when unknown.
  static std::string library_id();

 private:
  struct Free {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, Free> m_stemmer;
};

}  // namespace nastavnik::util
