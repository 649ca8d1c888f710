#include <cstdlib>

#include "content/loaders.hpp"
#include "util/text.hpp"

namespace nastavnik::content {

namespace {

/// Classifies a monitoring value: number («67», «4,5»), percent («87%»), да/нет, or text.
void classify(model::Indicator& ind) {
  std::string v = util::trim(ind.value);
  std::string n = util::normalize(v);
  if (n == "да" || n == "yes" || n == "true") {
    ind.kind = model::ValueKind::yesno;
    ind.yes = true;
    return;
  }
  if (n == "нет" || n == "no" || n == "false") {
    ind.kind = model::ValueKind::yesno;
    ind.yes = false;
    return;
  }
  bool percent = !v.empty() && v.back() == '%';
  if (percent) v = util::trim(v.substr(0, v.size() - 1));
  std::string num;
  for (char c : v) num.push_back(c == ',' ? '.' : c);
  if (num.empty()) return;
  char* end = nullptr;
  double d = std::strtod(num.c_str(), &end);
  if (end && *end == '\0' && num.find_first_not_of("0123456789.-") == std::string::npos) {
    ind.kind = percent ? model::ValueKind::percent : model::ValueKind::number;
    ind.number = d;
  }
}

}  // namespace

void load_monitoring(const YNode& doc, model::Monitoring& out, const LoadContext& ctx) {
  auto& sink = ctx.sink;
  if (doc.is_null()) return;
  if (!expect_map(doc, "мониторинг (monitoring.yaml)", sink)) return;
  FieldReader r(doc, "мониторинг", {"title", "date", "indicators"}, sink);
  out.title = r.text("title");
  out.date = r.date("date");
  out.pos = r.positions();
  const YNode* list = r.seq("indicators");
  if (!list) return;
  for (const auto& in : list->items) {
    if (!expect_map(in, "показатель мониторинга", sink)) continue;
    FieldReader ir(in, "показатель мониторинга", {"group", "name", "value", "unit", "source", "computed"}, sink);
    model::Indicator ind;
    ind.group = ir.text("group");
    ind.name = ir.text("name", true);
    ind.value = ir.text("value", true);
    ind.unit = ir.text("unit");
    ind.source = ir.text("source");
    ind.computed = ir.text("computed");
    ind.pos = ir.positions();
    if (!ind.source.empty()) {
      std::string lower = util::to_lower(ind.source);
      if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) {
        ir.wrong_type("source", *ir.raw("source"), "адресом http(s)://…");
        ind.source.clear();
      }
    }
    classify(ind);
    out.indicators.push_back(std::move(ind));
  }
}

}  // namespace nastavnik::content
