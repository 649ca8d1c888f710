#include "util/plural.hpp"

namespace nastavnik::util {

std::string_view plural_ru(long n, std::string_view one, std::string_view few, std::string_view many) {
  const unsigned long abs = n < 0 ? 0UL - static_cast<unsigned long>(n) : static_cast<unsigned long>(n);
  const unsigned long mod100 = abs % 100;
  const unsigned long mod10 = abs % 10;
  if (mod100 >= 11 && mod100 <= 14) return many;
  if (mod10 == 1) return one;
  if (mod10 >= 2 && mod10 <= 4) return few;
  return many;
}

std::string count_ru(long n, std::string_view one, std::string_view few, std::string_view many) {
  return std::to_string(n) + " " + std::string(plural_ru(n, one, few, many));
}

std::string diagnostics_summary(long errors, long warnings) {
  if (errors == 0 && warnings == 0) return "нет ошибок и предупреждений";
  return count_ru(errors, "ошибка", "ошибки", "ошибок") + ", " +
         count_ru(warnings, "предупреждение", "предупреждения", "предупреждений");
}

}  // namespace nastavnik::util
