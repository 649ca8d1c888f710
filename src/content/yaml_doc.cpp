#include "content/yaml_doc.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/utf8.hpp"

namespace nastavnik::content {

namespace {

/// Turns yaml-cpp's 0-based, block-relative byte positions into file-absolute character ones.
class PosMapper {
 public:
  PosMapper(const diag::FileName& file, int first_line, std::string_view yaml_text)
      : m_file(file), m_first_line(first_line), m_text(yaml_text) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < m_text.size(); ++i)
      if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
  }

  diag::SourcePos map(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) return {m_file, m_first_line, 1};
    std::size_t line = static_cast<std::size_t>(mark.line);
    // An error found at the end of the text (an unclosed quote or bracket) is shown on the
    // last line that has something on it, which is where the curator has to look.
    if (line + 1 >= m_line_starts.size() && m_text.substr(m_line_starts[std::min(line, m_line_starts.size() - 1)]).find_first_not_of(" \t\n") == std::string_view::npos) {
      std::size_t last = m_line_starts.size();
      while (last > 0 && m_text.substr(m_line_starts[last - 1]).find_first_not_of(" \t\n") == std::string_view::npos) --last;
      if (last > 0) return {m_file, m_first_line + static_cast<int>(last - 1), 1};
    }
    int column = mark.column + 1;
    if (line < m_line_starts.size()) {
      std::size_t start = m_line_starts[line];
      std::size_t end = m_text.find('\n', start);
      std::string_view text = m_text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      column = util::utf8_column(text, static_cast<std::size_t>(std::max(0, mark.column)));
    }
    return {m_file, m_first_line + static_cast<int>(line), column};
  }

 private:
  diag::FileName m_file;  // the caller's, interned once: every position of the document shares it
  int m_first_line;
  std::string_view m_text;
  std::vector<std::size_t> m_line_starts;
};

/// A plain scalar that YAML reads as null.
bool plain_null(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

struct TooLarge {};

class Converter {
 public:
  Converter(const PosMapper& mapper, const YamlLimits& limits) : m_mapper(mapper), m_limits(limits) {}

  YNode convert(const YAML::Node& node, int depth) {
    if (++m_count > m_limits.max_nodes || depth > m_limits.max_depth) throw TooLarge{};
    YNode out;
    out.pos = m_mapper.map(node.Mark());
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = YNode::Kind::null;
        break;
      case YAML::NodeType::Scalar:
        out.kind = YNode::Kind::scalar;
        out.scalar = node.Scalar();
        out.quoted = node.Tag() == "!";
        // A plain `~` or `null` is a null in YAML.
        if (!out.quoted && plain_null(out.scalar)) out.kind = YNode::Kind::null;
        break;
      case YAML::NodeType::Sequence:
        out.kind = YNode::Kind::sequence;
        for (const auto& item : node) out.items.push_back(convert(item, depth + 1));
        break;
      case YAML::NodeType::Map:
        out.kind = YNode::Kind::map;
        for (const auto& kv : node) out.entries.emplace_back(convert(kv.first, depth + 1), convert(kv.second, depth + 1));
        break;
    }
    return out;
  }

 private:
  const PosMapper& m_mapper;
  const YamlLimits& m_limits;
  std::size_t m_count = 0;
};

std::string translate(const std::string& msg) {
  static const std::map<std::string, std::string> known = {
      {YAML::ErrorMsg::END_OF_MAP, "не найден конец словаря: проверьте отступы"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "не закрыта фигурная скобка «}»"},
      {YAML::ErrorMsg::END_OF_SEQ, "не найден конец списка: проверьте отступы"},
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "не закрыта квадратная скобка «]»"},
      {YAML::ErrorMsg::UNKNOWN_TOKEN, "непонятный символ"},
      {YAML::ErrorMsg::EOF_IN_SCALAR, "строка не закрыта кавычкой до конца файла"},
      {YAML::ErrorMsg::CHAR_IN_SCALAR, "недопустимый символ в строке"},
      {YAML::ErrorMsg::TAB_IN_INDENTATION, "табуляция в отступе: YAML допускает только пробелы"},
      {YAML::ErrorMsg::FLOW_END, "лишняя закрывающая скобка"},
      {YAML::ErrorMsg::BLOCK_ENTRY, "элемент списка «-» не на своём месте: проверьте отступы"},
      {YAML::ErrorMsg::MAP_KEY, "ключ не на своём месте: проверьте отступы"},
      {YAML::ErrorMsg::MAP_VALUE, "двоеточие не на своём месте: проверьте отступы или возьмите значение в кавычки"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR, "ссылка на неизвестный якорь (*имя)"},
      {YAML::ErrorMsg::INVALID_ESCAPE, "неизвестная escape-последовательность в строке в кавычках"},
  };
  for (const auto& [en, ru] : known)
    if (msg.rfind(en, 0) == 0) return ru;
  return "ошибка синтаксиса YAML (" + msg + ")";
}

}  // namespace

const YNode* YNode::get(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.is_scalar() && k.scalar == key) return &v;
  return nullptr;
}

bool same_yaml(const YNode& a, const YNode& b) {
  if (a.kind != b.kind || a.scalar != b.scalar || a.quoted != b.quoted || a.pos.file != b.pos.file ||
      a.pos.line != b.pos.line || a.pos.column != b.pos.column || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size())
    return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same_yaml(a.items[i], b.items[i])) return false;
  for (std::size_t i = 0; i < a.entries.size(); ++i)
    if (!same_yaml(a.entries[i].first, b.entries[i].first) || !same_yaml(a.entries[i].second, b.entries[i].second))
      return false;
  return true;
}

std::string_view kind_name_ru(const YNode& node) {
  switch (node.kind) {
    case YNode::Kind::null: return "пустое значение";
    case YNode::Kind::scalar: return "строка";
    case YNode::Kind::sequence: return "список";
    case YNode::Kind::map: return "словарь";
  }
  return "значение";
}

namespace {

bool ascii_letter_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/// A character a plain scalar of parse_simple_yaml may hold: letters, digits, anything not
/// ASCII (checked apart for the few that YAML reads as breaks), spaces and a few marks that mean
/// nothing to YAML inside a word; `,` only outside a flow list.
bool plain_char(char c, bool in_flow) {
  if (static_cast<unsigned char>(c) >= 0x80 || ascii_letter_or_digit(c)) return true;
  switch (c) {
    case ' ': case '.': case '-': case '_': case '/': case '(': case ')': case '+': case '=': case ';': case '$':
      return true;
    case ',':
      return !in_flow;
    default:
      return false;
  }
}

/// A plain scalar of parse_simple_yaml: begins with a letter, digit or non-ASCII character, then
/// plain_char; not one of YAML's nulls. `s` is trimmed.
bool simple_plain(std::string_view s, bool in_flow) {
  if (s.empty() || !(static_cast<unsigned char>(s[0]) >= 0x80 || ascii_letter_or_digit(s[0]))) return false;
  for (char c : s)
    if (!plain_char(c, in_flow)) return false;
  return !plain_null(s);
}

/// A double-quoted scalar without escapes or inner quotes: `"…"` exactly.
bool simple_quoted(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  for (char c : s.substr(1, s.size() - 2))
    if (c == '"' || c == '\\') return false;
  return true;
}

std::string_view trim_spaces(std::string_view s, std::size_t& offset) {
  std::size_t b = 0, e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  offset += b;
  return s.substr(b, e - b);
}

}  // namespace

std::optional<YNode> parse_simple_yaml(std::string_view text, const diag::FileName& file, int first_line) {
  // Bytes YAML reads as breaks or marks (NEL, the line and paragraph separators, BOM), and
  // control characters and tabs: yaml-cpp's.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return std::nullopt;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) return std::nullopt;
    if (c == 0xE2 && text.compare(i, 3, "\xE2\x80\xA8") == 0) return std::nullopt;
    if (c == 0xE2 && text.compare(i, 3, "\xE2\x80\xA9") == 0) return std::nullopt;
    if (c == 0xEF && text.compare(i, 3, "\xEF\xBB\xBF") == 0) return std::nullopt;
  }
  if (!util::utf8_valid(text)) return std::nullopt;
  YNode root;
  root.kind = YNode::Kind::map;
  int line_no = first_line;
  const diag::FileName& name = file;  // interned once by the caller: every position shares it
  auto at = [&](std::string_view line, std::size_t offset) {
    return diag::SourcePos{name, line_no, util::utf8_column(line, offset)};
  };
  auto scalar = [&](std::string_view line, std::size_t offset, std::string_view s, bool in_flow) -> std::optional<YNode> {
    YNode v;
    v.kind = YNode::Kind::scalar;
    v.pos = at(line, offset);
    if (simple_quoted(s)) {
      v.scalar = s.substr(1, s.size() - 2);
      v.quoted = true;
      return v;
    }
    if (!simple_plain(s, in_flow)) return std::nullopt;
    v.scalar = s;
    return v;
  };
  for (std::size_t start = 0; start < text.size(); ++line_no) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(' ') == std::string_view::npos || line[0] == '#') continue;
    // key: at the margin, letters, digits, _ and -, then ": ".
    std::size_t k = 0;
    while (k < line.size() && (ascii_letter_or_digit(line[k]) || line[k] == '_' || (k > 0 && line[k] == '-'))) ++k;
    if (k == 0 || k + 1 >= line.size() || line[k] != ':' || line[k + 1] != ' ') return std::nullopt;
    const std::string_view key = line.substr(0, k);
    if (plain_null(key) || root.get(key)) return std::nullopt;
    std::size_t offset = k + 1;
    const std::string_view value = trim_spaces(line.substr(k + 1), offset);
    if (value.empty()) return std::nullopt;
    YNode key_node;
    key_node.kind = YNode::Kind::scalar;
    key_node.scalar = key;
    key_node.pos = at(line, 0);
    if (root.entries.empty()) root.pos = key_node.pos;
    if (value.front() != '[') {
      auto v = scalar(line, offset, value, false);
      if (!v) return std::nullopt;
      root.entries.emplace_back(std::move(key_node), std::move(*v));
      continue;
    }
    if (value.back() != ']') return std::nullopt;
    YNode list;
    list.kind = YNode::Kind::sequence;
    list.pos = at(line, offset);
    std::size_t inner_at = offset + 1;
    const std::string_view inner = trim_spaces(value.substr(1, value.size() - 2), inner_at);
    for (std::size_t item_start = 0; !inner.empty();) {
      const std::size_t comma = inner.find(',', item_start);
      const std::size_t item_end = comma == std::string_view::npos ? inner.size() : comma;
      std::size_t item_at = inner_at + item_start;
      const std::string_view item = trim_spaces(inner.substr(item_start, item_end - item_start), item_at);
      // A quoted item holds no comma here: a comma inside quotes would have split it.
      auto v = scalar(line, item_at, item, true);
      if (!v) return std::nullopt;
      list.items.push_back(std::move(*v));
      if (comma == std::string_view::npos) break;
      item_start = comma + 1;
    }
    root.entries.emplace_back(std::move(key_node), std::move(list));
  }
  if (root.entries.empty()) return std::nullopt;
  return root;
}

std::optional<YNode> parse_yaml(std::string_view text, const diag::FileName& file, int first_line,
                                diag::Sink& sink, const YamlLimits& limits) {
  if (auto simple = parse_simple_yaml(text, file, first_line)) return simple;
  return parse_yaml_full(text, file, first_line, sink, limits);
}

std::optional<YNode> parse_yaml_full(std::string_view text, const diag::FileName& file, int first_line,
                                     diag::Sink& sink, const YamlLimits& limits) {
  PosMapper mapper(file, first_line, text);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own depth guard (its message is "bad file")
    sink.report("yaml.syntax", mapper.map(e.mark),
                "YAML слишком глубоко вложенный (больше " + std::to_string(limits.max_depth) + " уровней вложенности)",
                "Упростите файл: так глубоко вложенные списки и словари не нужны ни одному разделу.");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    sink.report("yaml.syntax", mapper.map(e.mark), translate(e.msg),
                "Проверьте отступы (только пробелы), двоеточия после ключей и парные кавычки; "
                "значение с двоеточием или кавычками возьмите в двойные кавычки.");
    return std::nullopt;
  } catch (const std::exception& e) {
    sink.report("yaml.syntax", {file, first_line, 1}, std::string("не удалось разобрать YAML: ") + e.what());
    return std::nullopt;
  }
  try {
    Converter conv(mapper, limits);
    return conv.convert(root, 0);
  } catch (const TooLarge&) {
    sink.report("yaml.syntax", {file, first_line, 1},
                "YAML слишком большой или слишком глубоко вложенный (больше " + std::to_string(limits.max_nodes) +
                    " узлов или " + std::to_string(limits.max_depth) + " уровней вложенности)",
                "Упростите файл; ссылки (&якорь / *якорь) не должны размножать данные.");
  } catch (const std::exception& e) {
    sink.report("yaml.syntax", {file, first_line, 1}, std::string("не удалось разобрать YAML: ") + e.what());
  }
  return std::nullopt;
}

std::string yaml_library_id() {
  return util::module_identity(
      reinterpret_cast<const void*>(static_cast<YAML::Node (*)(const std::string&)>(&YAML::Load)));
}

}  // namespace nastavnik::content
