#include "diag/codes.hpp"

#include <algorithm>

namespace nastavnik::diag {

const std::vector<CodeInfo>& all_codes() {
  static const std::vector<CodeInfo> codes = {
      {"yaml.syntax", Severity::error},
      {"field.missing", Severity::error},
      {"field.type", Severity::error},
      {"field.unknown", Severity::warning},
      {"utf8.invalid", Severity::error},
      {"regulation.missing", Severity::error},
      {"regulation.missing-section", Severity::error},
      {"regulation.approval", Severity::warning},
      {"form.unknown", Severity::error},
      {"program.duration", Severity::error},
      {"program.dates", Severity::error},
      {"practice.missing-section", Severity::warning},
      {"publish.before-completion", Severity::warning},
      {"bank.duplicate-id", Severity::error},
      {"bank.unknown-person", Severity::error},
      {"consent.missing", Severity::error},
      {"consent.guardian-missing", Severity::error},
      {"consent.dissemination-missing", Severity::warning},
      {"privacy.minor-published", Severity::warning},
      {"privacy.leak", Severity::error},
      {"pair.form-mismatch", Severity::error},
      {"pair.order-missing", Severity::warning},
      {"roadmap.missing-stage", Severity::warning},
      {"roadmap.date", Severity::warning},
      {"roadmap.overdue", Severity::warning},
      {"document.missing-file", Severity::error},
      {"document.required-missing", Severity::warning},
      {"monitoring.mismatch", Severity::warning},
      {"site.missing-section", Severity::warning},
      {"link.broken", Severity::error},
      {"slug.collision", Severity::error},
      {"path.outside", Severity::error},
      {"markup.raw-html", Severity::warning},
      // Not in SPEC's table: a site's own layouts/ template that cannot be used.
      {"template.error", Severity::error},
  };
  return codes;
}

Severity default_severity(std::string_view code) {
  const auto& codes = all_codes();
  auto it = std::find_if(codes.begin(), codes.end(), [&](const CodeInfo& c) { return c.code == code; });
  return it == codes.end() ? Severity::error : it->default_severity;
}

bool is_known_code(std::string_view code) {
  const auto& codes = all_codes();
  return std::any_of(codes.begin(), codes.end(), [&](const CodeInfo& c) { return c.code == code; });
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::off: return "off";
  }
  return "error";
}

bool parse_severity(std::string_view text, Severity& out) {
  if (text == "error" || text == "ошибка") { out = Severity::error; return true; }
  if (text == "warning" || text == "предупреждение") { out = Severity::warning; return true; }
  // YAML 1.1 reads a bare `off` as false; the adapter hands it over as "false".
  if (text == "off" || text == "false" || text == "выкл" || text == "no") { out = Severity::off; return true; }
  return false;
}

}  // namespace nastavnik::diag
