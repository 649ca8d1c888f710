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
  PosMapper(const std::string& file, int first_line, std::string_view yaml_text)
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
  std::string m_file;
  int m_first_line;
  std::string_view m_text;
  std::vector<std::size_t> m_line_starts;
};

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
        if (!out.quoted && (out.scalar == "~" || out.scalar == "null" || out.scalar == "Null" || out.scalar == "NULL"))
          out.kind = YNode::Kind::null;
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

std::string_view kind_name_ru(const YNode& node) {
  switch (node.kind) {
    case YNode::Kind::null: return "пустое значение";
    case YNode::Kind::scalar: return "строка";
    case YNode::Kind::sequence: return "список";
    case YNode::Kind::map: return "словарь";
  }
  return "значение";
}

std::optional<YNode> parse_yaml(std::string_view text, const std::string& file, int first_line,
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
