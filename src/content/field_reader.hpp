#pragma once
// Reads the fields of one YAML mapping against a list of known keys, reporting field.missing,
// field.type and field.unknown (with "did you mean") in Russian, at file-absolute positions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/yaml_doc.hpp"
#include "diag/sink.hpp"
#include "model/positions.hpp"
#include "util/date.hpp"

namespace nastavnik::content {

/// True when `node` is a map; otherwise reports field.type («ожидался словарь …») and returns
/// false. `what` names the thing in the genitive-free form used in messages («новость»).
bool expect_map(const YNode& node, std::string_view what, diag::Sink& sink);
/// Same for a sequence.
bool expect_seq(const YNode& node, std::string_view what, diag::Sink& sink);

class FieldReader {
 public:
  /// `map` must be a map node. `where` is used in messages: «во front matter новости»,
  /// «в событии дорожной карты».
  FieldReader(const YNode& map, std::string where, std::vector<std::string> known, diag::Sink& sink);
  FieldReader(const FieldReader&) = delete;
  /// Reports the unknown keys (once).
  ~FieldReader();

  /// A scalar as text (numbers and dates as written). Empty when absent; field.missing when
  /// required and absent or empty; field.type when it is a list or a map.
  std::string text(std::string_view key, bool required = false);
  /// `YYYY-MM-DD` (quoted or not); field.type with the expected format otherwise.
  std::optional<util::Date> date(std::string_view key, bool required = false);
  /// true/false/yes/no/да/нет (any case); field.type otherwise.
  bool boolean(std::string_view key, bool fallback);
  std::optional<long> integer(std::string_view key, bool required = false, long min = -1'000'000'000,
                              long max = 1'000'000'000);
  /// A list of scalars; a single scalar is taken as a one-item list.
  std::vector<std::string> text_list(std::string_view key, bool required = false);
  /// A list of scalars with the position of each item.
  std::vector<std::pair<std::string, diag::SourcePos>> text_list_pos(std::string_view key, bool required = false);
  /// A nested map (nullptr when absent or not a map; field.type reported for a non-map).
  const YNode* map(std::string_view key, bool required = false);
  /// A nested sequence (nullptr when absent or not a sequence; field.type reported otherwise).
  const YNode* seq(std::string_view key, bool required = false);
  /// Raw access, no checks.
  const YNode* raw(std::string_view key) const { return m_map.get(key); }

  void missing(std::string_view key);
  void wrong_type(std::string_view key, const YNode& value, std::string_view expected, std::string hint = {});

  model::Positions positions() const;
  const diag::SourcePos& self() const { return m_map.pos; }
  diag::Sink& sink() { return m_sink; }

 private:
  const YNode* find(std::string_view key);

  const YNode& m_map;
  std::string m_where;
  std::vector<std::string> m_known;
  diag::Sink& m_sink;
};

}  // namespace nastavnik::content
