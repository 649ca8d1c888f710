#pragma once
// The rule set: SPEC's built-in defaults, overridable under `rules:` in site.yaml.
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace nastavnik::config {

/// A required thing (a Положение section, a roadmap stage, a practice section) found when a
/// normalised heading contains one of the normalised `match` phrases.
struct NamedMatch {
  std::string name;
  std::vector<std::string> match;
};

struct FormRule {
  std::string name;                       ///< canonical spelling, e.g. «учитель – ученик»
  std::vector<std::string> mentor_roles;  ///< roles allowed for the mentor
  std::vector<std::string> mentee_roles;  ///< roles allowed for each mentee
};

struct Rules {
  std::vector<FormRule> forms;
  std::vector<NamedMatch> regulation_sections;
  int program_min_months = 3;
  int program_max_months = 12;
  std::vector<std::string> result_headings;
  std::vector<NamedMatch> practice_sections;
  std::vector<NamedMatch> roadmap_stages;
  std::vector<std::string> required_documents;  ///< document kinds
  std::vector<std::string> required_sections;   ///< §8.2: regulation, roadmap, bank, …
  std::map<std::string, diag::Severity> severity;
};

Rules default_rules();

/// The roles a bank person may have (SPEC bank.yaml).
const std::vector<std::string>& known_roles();

/// Finds the form rule whose name equals `text` under normalisation; nullptr when unknown.
const FormRule* find_form(const Rules& rules, std::string_view text);
/// A result heading is one whose *whole* normalised text equals a result heading.
bool is_result_heading(const Rules& rules, std::string_view heading);

}  // namespace nastavnik::config
