#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/positions.hpp"
#include "util/date.hpp"

namespace nastavnik::model {

enum class ValueKind { number, percent, yesno, text };

struct Indicator {
  std::string group;
  std::string name;
  std::string value;  ///< as written
  ValueKind kind = ValueKind::text;
  double number = 0;  ///< number or percent value
  bool yes = false;   ///< for yesno
  std::string unit;
  std::string source;    ///< optional URL
  std::string computed;  ///< optional key, e.g. mentors.count
  Positions pos;
};

struct Monitoring {
  bool present = false;
  std::string source = "content/monitoring.yaml";
  std::string title;
  std::optional<util::Date> date;
  std::vector<Indicator> indicators;
  Positions pos;  ///< of the top-level mapping (title, date)
};

}  // namespace nastavnik::model
