// The local acts that the Минпросвещения recommendations require (by `kind` of documents.yaml).
#include <algorithm>

#include "validate/checks.hpp"

namespace nastavnik::validate {

/// «приказ об утверждении дорожной карты» for a kind; the kind itself when unknown.
std::string document_kind_label(std::string_view kind) {
  if (kind == "regulation_order") return "приказ об утверждении Положения о системе наставничества";
  if (kind == "roadmap") return "приказ об утверждении дорожной карты";
  if (kind == "curator_order") return "приказ о назначении куратора";
  if (kind == "pairs_order") return "приказ о закреплении наставнических пар (групп)";
  if (kind == "other") return "другой документ";
  return std::string(kind);
}

void check_documents(const model::Site& site, diag::Sink& sink) {
  const auto& docs = site.documents;
  if (docs.present && unreadable(sink, docs.source)) return;
  for (const auto& kind : site.config.rules.required_documents) {
    bool found =
        std::any_of(docs.items.begin(), docs.items.end(), [&](const model::Document& d) { return d.kind == kind; });
    if (found) continue;
    sink.report("document.required-missing", whole_file(docs.source),
                "в нормативной базе нет документа «" + document_kind_label(kind) + "» (kind: " + kind + ")",
                "Добавьте его в content/documents.yaml: title, level: local, kind: " + kind +
                    ", номер, дата и файл (file: files/….pdf).");
  }
}

}  // namespace nastavnik::validate
