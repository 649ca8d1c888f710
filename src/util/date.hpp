#pragma once
// Civil (proleptic Gregorian) dates, calendar arithmetic and Russian rendering.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace nastavnik::util {

struct Date {
  int year = 0;
  int month = 0;  ///< 1..12
  int day = 0;    ///< 1..31
  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;
};

bool is_valid_date(int year, int month, int day);
int days_in_month(int year, int month);
/// Strict `YYYY-MM-DD` (exactly that shape, a real calendar day); nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);
/// `YYYY-MM-DD`.
std::string to_iso(const Date& d);
/// Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb).
Date add_months(const Date& d, int months);
Date add_days(const Date& d, int days);
/// Days since 1970-01-01 (negative before).
long days_from_civil(const Date& d);
Date civil_from_days(long days);
/// The system's local date.
Date today();

/// «7 ноября 2022 г.»
std::string format_ru(const Date& d);
/// «сентябрь 2024 г.»
std::string format_month_ru(int year, int month);
/// Nominative month name, lower case: 1 → «январь».
std::string_view month_name_nominative(int month);
/// Genitive month name, lower case: 1 → «января».
std::string_view month_name_genitive(int month);

}  // namespace nastavnik::util
