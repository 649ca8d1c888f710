// The Положение: present, with every required section, approved by an order.
#include "validate/checks.hpp"

namespace nastavnik::validate {

namespace {

void check_approval(const model::Regulation& reg, diag::Sink& sink) {
  const std::string example =
      "Например: approved: { order: \"238/1\", date: 2022-11-07, by: \"Директор М. Р. Газиева\" }";
  if (!reg.approved) {
    sink.report("regulation.approval", reg.pos.self, "у Положения не указан приказ, которым оно утверждено",
                "Добавьте в поля в начале файла строку approved с номером и датой приказа. " + example);
    return;
  }
  const auto& a = *reg.approved;
  // A date written wrongly is field.type already; only an absent one is reported here.
  const bool no_order = a.order.empty();
  const bool no_date = !a.date && !a.pos.has("date");
  if (!no_order && !no_date) return;
  const char* what = no_order && no_date ? "не указаны номер и дата" : no_order ? "не указан номер" : "не указана дата";
  sink.report("regulation.approval", a.pos.self, std::string("в приказе об утверждении Положения ") + what,
              "Укажите в approved и номер (order), и дату (date) приказа. " + example);
}

}  // namespace

void check_regulation(const model::Site& site, diag::Sink& sink) {
  if (!site.regulation) {
    sink.report("regulation.missing", whole_file("content/polozhenie.md"),
                "нет Положения о системе наставничества: файл content/polozhenie.md не найден",
                "Создайте файл content/polozhenie.md: в начале поля title и approved между строками «---», "
                "затем текст Положения с разделами-заголовками «## 1. Общие положения» и т. д.");
    return;
  }
  const auto& reg = *site.regulation;
  if (!front_matter_read(reg)) return;  // yaml.syntax / utf8.invalid said it already
  for (const auto& section : site.config.rules.regulation_sections) {
    if (has_heading(reg.body, section)) continue;
    std::string hint = "Добавьте раздел с заголовком (например, «## " + section.name + "»)";
    if (!section.match.empty())
      hint +=
          ", в котором есть слова " + join_quoted(section.match) + (section.match.size() > 1 ? " (любое из них)" : "");
    hint += ". Разделы ищутся по заголовкам уровней 1–3.";
    sink.report("regulation.missing-section", whole_file(reg.source),
                "в Положении нет обязательного раздела «" + section.name + "»", hint);
  }
  check_approval(reg, sink);
}

}  // namespace nastavnik::validate
