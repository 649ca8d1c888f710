#pragma once
// The mentor/mentee bank. Personal data: never copied to the output except what SPEC allows.
#include <optional>
#include <string>
#include <vector>

#include "model/positions.hpp"
#include "util/date.hpp"

namespace nastavnik::model {

struct Consent {
  std::optional<util::Date> processing;     ///< consent to processing of personal data
  std::optional<util::Date> dissemination;  ///< consent to dissemination (ст. 10.1 152-ФЗ)
  std::optional<util::Date> guardian;       ///< consent of a parent for a minor
  Positions pos;
};

struct Person {
  std::string id;
  std::string name;
  std::string role;  ///< canonical role name
  std::string position;
  std::string grade;
  bool minor = false;
  std::vector<std::string> categories;
  Consent consent;
  bool publish = false;
  bool is_mentor = true;  ///< listed under `mentors` (false: `mentees`)
  Positions pos;
};

struct Order {
  std::string number;
  std::optional<util::Date> date;
  Positions pos;
};

struct Pair {
  std::string id;
  std::string mentor;
  std::vector<std::string> mentees;
  std::string form;  ///< canonical spelling when known
  std::string program;
  std::optional<Order> order;
  std::optional<util::Date> start, end;
  Positions pos;
};

struct Bank {
  bool present = false;
  std::string source = "content/bank.yaml";
  std::vector<Person> mentors;
  std::vector<Person> mentees;
  std::vector<Pair> pairs;
};

/// SPEC's default-deny rule: an adult with `publish: true`, consent to processing and to
/// dissemination. Everyone else is never named in the output.
inline bool may_publish(const Person& p) {
  return p.publish && !p.minor && p.consent.processing.has_value() && p.consent.dissemination.has_value();
}

}  // namespace nastavnik::model
