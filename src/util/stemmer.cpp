#include "util/stemmer.hpp"

#include <libstemmer.h>

#include <stdexcept>

#include "util/hash.hpp"

namespace nastavnik::util {

void Stemmer::Free::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Stemmer::Stemmer(const char* language) : m_stemmer(sb_stemmer_new(language, "UTF_8")) {
  if (!m_stemmer) throw std::runtime_error(std::string("libstemmer: unknown language ") + language);
}

std::string Stemmer::stem(std::string_view word) {
  const sb_symbol* out = sb_stemmer_stem(m_stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (!out) return std::string(word);  // out of memory: the word itself still matches itself
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(m_stemmer.get())));
}

std::string Stemmer::library_id() { return module_identity(reinterpret_cast<const void*>(&sb_stemmer_stem)); }

}  // namespace nastavnik::util
