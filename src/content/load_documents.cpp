#include <algorithm>
#include <filesystem>

#include "content/loaders.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace nastavnik::content {

namespace {

struct LevelName {
  const char* text;
  model::DocLevel level;
};

const std::vector<LevelName>& level_names() {
  static const std::vector<LevelName> names = {
      {"federal", model::DocLevel::federal},       {"федеральный", model::DocLevel::federal},
      {"regional", model::DocLevel::regional},     {"региональный", model::DocLevel::regional},
      {"municipal", model::DocLevel::municipal},   {"муниципальный", model::DocLevel::municipal},
      {"local", model::DocLevel::local},           {"локальный", model::DocLevel::local},
      {"школьный", model::DocLevel::local},        {"уровень ОО", model::DocLevel::local},
      {"methodical", model::DocLevel::methodical}, {"методический", model::DocLevel::methodical},
      {"методические рекомендации", model::DocLevel::methodical},
  };
  return names;
}

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> k = {"regulation_order", "roadmap", "curator_order", "pairs_order", "other"};
  return k;
}

bool is_datetime(const std::string& s) {
  // YYYY-MM-DD, optionally followed by [T ]HH:MM[:SS]
  if (s.size() < 10 || !util::parse_iso_date(s.substr(0, 10))) return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' && s[10] != ' ') return false;
  std::string t = s.substr(11);
  if (t.size() != 5 && t.size() != 8) return false;
  auto two = [&](std::size_t i, int max) {
    if (!std::isdigit(static_cast<unsigned char>(t[i])) || !std::isdigit(static_cast<unsigned char>(t[i + 1]))) return false;
    return (t[i] - '0') * 10 + (t[i + 1] - '0') <= max;
  };
  if (!two(0, 23) || t[2] != ':' || !two(3, 59)) return false;
  return t.size() == 5 || (t[5] == ':' && two(6, 59));
}

}  // namespace

void load_documents(const YNode& doc, model::Documents& out, const LoadContext& ctx) {
  auto& sink = ctx.sink;
  if (doc.is_null()) return;
  if (!expect_map(doc, "документы (documents.yaml)", sink)) return;
  FieldReader r(doc, "документы", {"documents"}, sink);
  const YNode* list = r.seq("documents", true);
  if (!list) return;
  for (const auto& dn : list->items) {
    if (!expect_map(dn, "документ", sink)) continue;
    FieldReader dr(dn, "документ", {"title", "level", "number", "date", "url", "file", "kind", "signature"}, sink);
    model::Document d;
    d.title = dr.text("title", true);
    d.pos = dr.positions();
    std::string level = dr.text("level", true);
    if (!level.empty()) {
      std::string n = util::normalize(level);
      bool found = false;
      for (const auto& l : level_names())
        if (util::normalize(l.text) == n) {
          d.level = l.level;
          found = true;
        }
      if (!found) {
        std::vector<std::string> all;
        for (const auto& l : level_names()) all.emplace_back(l.text);
        auto best = util::closest(level, all);
        sink.report("field.type", d.pos.of("level"), "неизвестный уровень документа «" + level + "»",
                    best ? "возможно, имелось в виду «" + *best + "»"
                         : "допустимы: federal, regional, municipal, local, methodical (или по-русски)");
      }
    }
    d.number = dr.text("number");
    d.date = dr.date("date");
    d.url = dr.text("url");
    if (!d.url.empty()) {
      std::string lower = util::to_lower(d.url);
      if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0)
        dr.wrong_type("url", *dr.raw("url"), "адресом http(s)://…",
                      "Для файла из content/files/ используйте поле file: files/имя.pdf");
      if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) d.url.clear();
    }
    std::string file = dr.text("file");
    if (!file.empty()) {
      d.file = check_file_field(file, d.pos.of("file"), ctx, "документ «" + d.title + "»");
      if (!d.file.empty()) {
        std::error_code ec;
        d.file_size = std::filesystem::file_size(ctx.root / "content" / d.file, ec);
        std::string ext = std::filesystem::path(d.file).extension().string();
        if (!ext.empty()) ext.erase(0, 1);
        for (auto& c : ext) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        d.file_format = ext;
      }
    }
    std::string kind = dr.text("kind");
    if (!kind.empty()) {
      if (std::find(kinds().begin(), kinds().end(), kind) == kinds().end()) {
        auto best = util::closest(kind, kinds());
        sink.report("field.type", d.pos.of("kind"), "неизвестный вид документа «" + kind + "»",
                    best ? "возможно, имелось в виду «" + *best + "»"
                         : "допустимы: regulation_order, roadmap, curator_order, pairs_order, other");
      } else {
        d.kind = kind;
      }
    }
    if (const YNode* s = dr.map("signature")) {
      FieldReader sr(*s, "документ, signature", {"signer", "position", "date", "key"}, sink);
      model::Signature sig;
      sig.signer = sr.text("signer", true);
      sig.position = sr.text("position");
      sig.datetime = sr.text("date", true);
      sig.key = sr.text("key", true);
      if (!sig.datetime.empty() && !is_datetime(util::trim(sig.datetime))) {
        sr.wrong_type("date", *sr.raw("date"), "датой и временем ГГГГ-ММ-ДДTчч:мм:сс", "Например: date: 2022-11-07T10:15:00");
        sig.datetime.clear();
      }
      d.signature = sig;
    }
    out.items.push_back(std::move(d));
  }
}

}  // namespace nastavnik::content
