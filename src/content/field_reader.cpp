#include "content/field_reader.hpp"

#include <algorithm>

#include "util/suggest.hpp"
#include "util/text.hpp"

namespace nastavnik::content {

namespace {

std::string quote(std::string_view s) { return "«" + std::string(s) + "»"; }

std::string shorten(std::string_view s) {
  std::string out(s.substr(0, std::min<std::size_t>(s.size(), 60)));
  if (s.size() > 60) {
    // do not cut a UTF-8 sequence in half
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
    out += "…";
  }
  return out;
}

}  // namespace

bool expect_map(const YNode& node, std::string_view what, diag::Sink& sink) {
  if (node.is_map()) return true;
  sink.report("field.type", node.pos,
              std::string(what) + ": ожидался словарь (строки вида «ключ: значение»), а здесь " +
                  std::string(kind_name_ru(node)),
              "Проверьте отступы: поля одного объекта пишутся с одинаковым отступом, по одному на строке.");
  return false;
}

bool expect_seq(const YNode& node, std::string_view what, diag::Sink& sink) {
  if (node.is_seq()) return true;
  sink.report("field.type", node.pos,
              std::string(what) + ": ожидался список (строки, начинающиеся с «- »), а здесь " +
                  std::string(kind_name_ru(node)),
              "Каждый элемент списка начните с новой строки с «- ».");
  return false;
}

FieldReader::FieldReader(const YNode& map, std::string where, std::vector<std::string> known, diag::Sink& sink)
    : m_map(map), m_where(std::move(where)), m_known(std::move(known)), m_sink(sink) {}

FieldReader::~FieldReader() {
  std::vector<std::string> seen;
  for (const auto& [k, v] : m_map.entries) {
    if (!k.is_scalar()) {
      m_sink.report("field.type", k.pos, m_where + ": ключ должен быть строкой");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), k.scalar) != seen.end()) {
      m_sink.report("yaml.syntax", k.pos, m_where + ": поле " + quote(k.scalar) + " указано дважды",
                    "Оставьте одно из двух значений.");
      continue;
    }
    seen.push_back(k.scalar);
    if (std::find(m_known.begin(), m_known.end(), k.scalar) != m_known.end()) continue;
    std::string hint;
    if (auto best = util::closest(k.scalar, m_known))
      hint = "возможно, имелось в виду " + quote(*best);
    else
      hint = "известные поля: " + [&] {
        std::string list;
        for (const auto& name : m_known) list += (list.empty() ? "" : ", ") + name;
        return list;
      }();
    m_sink.report("field.unknown", k.pos, m_where + ": неизвестное поле " + quote(shorten(k.scalar)), hint);
  }
}

const YNode* FieldReader::find(std::string_view key) { return m_map.get(key); }

void FieldReader::missing(std::string_view key) {
  m_sink.report("field.missing", m_map.pos, m_where + ": нет обязательного поля " + quote(key),
                "Добавьте строку «" + std::string(key) + ": …».");
}

void FieldReader::wrong_type(std::string_view key, const YNode& value, std::string_view expected, std::string hint) {
  std::string got = value.is_scalar() ? quote(shorten(value.scalar)) : std::string(kind_name_ru(value));
  m_sink.report("field.type", value.pos,
                m_where + ": поле " + quote(key) + " должно быть " + std::string(expected) + ", а здесь " + got,
                std::move(hint));
}

std::string FieldReader::text(std::string_view key, bool required) {
  const YNode* v = find(key);
  if (!v || v->is_null() || (v->is_scalar() && util::trim(v->scalar).empty())) {
    if (required) {
      if (v && !v->is_null())
        m_sink.report("field.missing", v->pos, m_where + ": поле " + quote(key) + " пустое",
                      "Заполните значение поля " + quote(key) + ".");
      else
        missing(key);
    }
    return {};
  }
  if (!v->is_scalar()) {
    wrong_type(key, *v, "строкой", "Запишите значение в одну строку, в кавычках: " + std::string(key) + ": \"…\"");
    return {};
  }
  return v->scalar;
}

std::optional<util::Date> FieldReader::date(std::string_view key, bool required) {
  const YNode* v = find(key);
  if (!v || v->is_null()) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (v->is_scalar()) {
    if (auto d = util::parse_iso_date(util::trim(v->scalar))) return d;
  }
  wrong_type(key, *v, "датой в формате ГГГГ-ММ-ДД", "Например: " + std::string(key) + ": 2024-09-01");
  return std::nullopt;
}

bool FieldReader::boolean(std::string_view key, bool fallback) {
  const YNode* v = find(key);
  if (!v || v->is_null()) return fallback;
  if (v->is_scalar()) {
    std::string n = util::normalize(v->scalar);
    if (n == "true" || n == "yes" || n == "да" || n == "on") return true;
    if (n == "false" || n == "no" || n == "нет" || n == "off") return false;
  }
  wrong_type(key, *v, "«true» или «false» (да / нет)", "Например: " + std::string(key) + ": true");
  return fallback;
}

std::optional<long> FieldReader::integer(std::string_view key, bool required, long min, long max) {
  const YNode* v = find(key);
  if (!v || v->is_null()) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (v->is_scalar()) {
    std::string s = util::trim(v->scalar);
    bool ok = !s.empty() && s.size() < 12;
    for (std::size_t i = 0; i < s.size() && ok; ++i) ok = std::isdigit(static_cast<unsigned char>(s[i])) || (i == 0 && s[i] == '-' && s.size() > 1);
    if (ok) {
      long n = std::stol(s);
      if (n >= min && n <= max) return n;
    }
  }
  wrong_type(key, *v, "целым числом от " + std::to_string(min) + " до " + std::to_string(max));
  return std::nullopt;
}

std::vector<std::pair<std::string, diag::SourcePos>> FieldReader::text_list_pos(std::string_view key, bool required) {
  std::vector<std::pair<std::string, diag::SourcePos>> out;
  const YNode* v = find(key);
  if (!v || v->is_null()) {
    if (required) missing(key);
    return out;
  }
  if (v->is_scalar()) {
    if (!util::trim(v->scalar).empty()) out.emplace_back(v->scalar, v->pos);
    return out;
  }
  if (!v->is_seq()) {
    wrong_type(key, *v, "списком", "Например: " + std::string(key) + ": [первое, второе]");
    return out;
  }
  for (const auto& item : v->items) {
    if (item.is_null()) continue;
    if (!item.is_scalar()) {
      m_sink.report("field.type", item.pos,
                    m_where + ": элемент списка " + quote(key) + " должен быть строкой, а здесь " +
                        std::string(kind_name_ru(item)));
      continue;
    }
    out.emplace_back(item.scalar, item.pos);
  }
  if (out.empty() && required) missing(key);
  return out;
}

std::vector<std::string> FieldReader::text_list(std::string_view key, bool required) {
  std::vector<std::string> out;
  for (auto& [s, p] : text_list_pos(key, required)) out.push_back(std::move(s));
  return out;
}

const YNode* FieldReader::map(std::string_view key, bool required) {
  const YNode* v = find(key);
  if (!v || v->is_null()) {
    if (required) missing(key);
    return nullptr;
  }
  if (!v->is_map()) {
    wrong_type(key, *v, "словарём (вложенные строки «ключ: значение»)");
    return nullptr;
  }
  return v;
}

const YNode* FieldReader::seq(std::string_view key, bool required) {
  const YNode* v = find(key);
  if (!v || v->is_null()) {
    if (required) missing(key);
    return nullptr;
  }
  if (!v->is_seq()) {
    wrong_type(key, *v, "списком (строки, начинающиеся с «- »)");
    return nullptr;
  }
  return v;
}

model::Positions FieldReader::positions() const {
  model::Positions p;
  p.self = m_map.pos;
  for (const auto& [k, v] : m_map.entries) {
    if (!k.is_scalar()) continue;
    p.values.emplace_back(k.scalar, v.is_null() ? k.pos : v.pos);
    p.keys.emplace_back(k.scalar, k.pos);
  }
  return p;
}

}  // namespace nastavnik::content
