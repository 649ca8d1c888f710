#pragma once
// The table of diagnostic codes of SPEC with their default severities.
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace nastavnik::diag {

struct CodeInfo {
  std::string_view code;
  Severity default_severity;
};

const std::vector<CodeInfo>& all_codes();
/// Default severity of a known code; error for an unknown one (a programming mistake).
Severity default_severity(std::string_view code);
bool is_known_code(std::string_view code);

}  // namespace nastavnik::diag
