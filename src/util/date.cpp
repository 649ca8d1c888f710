#include "util/date.hpp"

#include <array>
#include <cstdio>
#include <ctime>

namespace nastavnik::util {

namespace {

constexpr std::array<std::string_view, 12> k_nominative = {"январь",   "февраль", "март",   "апрель",
                                                           "май",      "июнь",    "июль",   "август",
                                                           "сентябрь", "октябрь", "ноябрь", "декабрь"};
constexpr std::array<std::string_view, 12> k_genitive = {"января",   "февраля", "марта",  "апреля",
                                                         "мая",      "июня",    "июля",   "августа",
                                                         "сентября", "октября", "ноября", "декабря"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

/// Floor division, correct for negative numerators.
long floor_div(long a, long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap(year)) return 29;
  return k_days[static_cast<std::size_t>(month - 1)];
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t len) -> int {
    int value = 0;
    for (std::size_t i = from; i < from + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int y = number(0, 4);
  const int m = number(5, 2);
  const int d = number(8, 2);
  if (y < 0 || m < 0 || d < 0 || !is_valid_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::string to_iso(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long days_from_civil(const Date& d) {
  const long y = static_cast<long>(d.year) - (d.month <= 2 ? 1 : 0);
  const long era = floor_div(y, 400);
  const long yoe = y - era * 400;
  const long mp = (d.month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long days) {
  days += 719468;
  const long era = floor_div(days, 146097);
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

Date add_months(const Date& d, int months) {
  const long total = static_cast<long>(d.year) * 12 + (d.month - 1) + months;
  const int year = static_cast<int>(floor_div(total, 12));
  const int month = static_cast<int>(total - static_cast<long>(year) * 12) + 1;
  const int last = days_in_month(year, month);
  return Date{year, month, d.day > last ? last : d.day};
}

Date add_days(const Date& d, int days) { return civil_from_days(days_from_civil(d) + days); }

Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::string_view month_name_nominative(int month) {
  if (month < 1 || month > 12) return {};
  return k_nominative[static_cast<std::size_t>(month - 1)];
}

std::string_view month_name_genitive(int month) {
  if (month < 1 || month > 12) return {};
  return k_genitive[static_cast<std::size_t>(month - 1)];
}

std::string format_ru(const Date& d) {
  return std::to_string(d.day) + " " + std::string(month_name_genitive(d.month)) + " " +
         std::to_string(d.year) + " г.";
}

std::string format_month_ru(int year, int month) {
  return std::string(month_name_nominative(month)) + " " + std::to_string(year) + " г.";
}

}  // namespace nastavnik::util
