#include "render/format.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/bytes.hpp"
#include "util/utf8.hpp"

namespace nastavnik::render {

std::string human_size(std::uint64_t bytes) {
  constexpr std::uint64_t k = 1024;
  if (bytes < k) return std::to_string(bytes) + " Б";
  std::uint64_t kb = (bytes + k / 2) / k;
  if (kb < k) return std::to_string(kb) + " КБ";
  auto with_unit = [](double v, std::string_view unit) {
    char buf[32];
    if (v < 10)
      std::snprintf(buf, sizeof buf, "%.1f", v);
    else
      std::snprintf(buf, sizeof buf, "%.0f", v);
    std::string s = buf;
    if (auto dot = s.find('.'); dot != std::string::npos) {
      if (s.compare(dot, 2, ".0") == 0 && dot + 2 == s.size())
        s.erase(dot);
      else
        s[dot] = ',';
    }
    return s + " " + std::string(unit);
  };
  double mb = static_cast<double>(bytes) / static_cast<double>(k * k);
  if (mb < 1024) return with_unit(mb, "МБ");
  return with_unit(mb / 1024, "ГБ");
}

std::string period_ru(const std::optional<util::Date>& start, const std::optional<util::Date>& end) {
  std::string out;
  if (start) out = "с " + util::format_ru(*start);
  if (end) out += std::string(out.empty() ? "" : " ") + "по " + util::format_ru(*end);
  return out;
}

std::string datetime_ru(std::string_view written) {
  if (written.size() < 10) return std::string(written);
  auto date = util::parse_iso_date(written.substr(0, 10));
  if (!date) return std::string(written);
  std::string out = util::format_ru(*date);
  if (written.size() >= 16 && (written[10] == 'T' || written[10] == ' ') && written[13] == ':')
    out += ", " + std::string(written.substr(11, 5));
  return out;
}


void append_json_string(std::string& out, std::string_view s) {
  if (!util::utf8_valid(s)) {  // rare: nlohmann's own replacement of each bad sequence
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char k_hex[] = "0123456789abcdef";
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  namespace b = util::bytes;
  for (std::size_t i = 0;; ++i) {
    // The next byte to escape, eight bytes at a time: most strings have none.
    i = b::find_first(
        s, i, [](std::uint64_t v) { return b::below(v, 0x20) | b::equal(v, '"') | b::equal(v, '\\'); },
        [](unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; });
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += k_hex[c >> 4];
        out += k_hex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::string_view status_label(model::EventStatus s) {
  switch (s) {
    case model::EventStatus::done: return "Выполнено";
    case model::EventStatus::in_progress: return "В работе";
    case model::EventStatus::cancelled: return "Отменено";
    case model::EventStatus::planned: break;
  }
  return "Запланировано";
}

std::string_view status_class(model::EventStatus s) {
  switch (s) {
    case model::EventStatus::done: return "done";
    case model::EventStatus::in_progress: return "in-progress";
    case model::EventStatus::cancelled: return "cancelled";
    case model::EventStatus::planned: break;
  }
  return "planned";
}

std::string_view program_status_label(model::ProgramStatus s) {
  switch (s) {
    case model::ProgramStatus::running: return "Реализуется";
    case model::ProgramStatus::finished: return "Завершена";
    case model::ProgramStatus::planned: break;
  }
  return "Планируется";
}

std::string_view program_status_class(model::ProgramStatus s) {
  switch (s) {
    case model::ProgramStatus::running: return "running";
    case model::ProgramStatus::finished: return "finished";
    case model::ProgramStatus::planned: break;
  }
  return "planned";
}

std::string_view level_heading(model::DocLevel l) {
  switch (l) {
    case model::DocLevel::federal: return "Федеральный уровень";
    case model::DocLevel::regional: return "Региональный уровень";
    case model::DocLevel::municipal: return "Муниципальный уровень";
    case model::DocLevel::local: return "Локальные акты школы";
    case model::DocLevel::methodical: return "Методические рекомендации";
  }
  return "";
}

std::string_view level_anchor(model::DocLevel l) {
  switch (l) {
    case model::DocLevel::federal: return "federal";
    case model::DocLevel::regional: return "regional";
    case model::DocLevel::municipal: return "municipal";
    case model::DocLevel::local: return "local";
    case model::DocLevel::methodical: return "methodical";
  }
  return "";
}

std::string capitalize_first(std::string_view text) {
  std::string s(text);
  if (s.empty()) return s;
  auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 >= 'a' && b0 <= 'z') {
    s[0] = static_cast<char>(b0 - 32);
  } else if (s.size() >= 2) {
    auto b1 = static_cast<unsigned char>(s[1]);
    if (b0 == 0xD0 && b1 >= 0xB0 && b1 <= 0xBF) {  // а–п → А–П
      s[1] = static_cast<char>(b1 - 0x20);
    } else if (b0 == 0xD1 && b1 >= 0x80 && b1 <= 0x8F) {  // р–я → Р–Я
      s[0] = static_cast<char>(0xD0);
      s[1] = static_cast<char>(b1 + 0x20);
    } else if (b0 == 0xD1 && b1 == 0x91) {  // ё → Ё
      s[0] = static_cast<char>(0xD0);
      s[1] = static_cast<char>(0x81);
    }
  }
  return s;
}

int percent(int done, int all) { return all <= 0 ? 0 : done * 100 / all; }

}  // namespace nastavnik::render
