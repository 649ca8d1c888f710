#pragma once
// Russian plurals: 1 ошибка, 2 ошибки, 5 ошибок, 21 ошибка, 11 ошибок.
#include <string>
#include <string_view>

namespace nastavnik::util {

/// Chooses the form for n: one («ошибка»), few («ошибки»), many («ошибок»).
std::string_view plural_ru(long n, std::string_view one, std::string_view few, std::string_view many);
/// "N <form>", e.g. count_ru(2, "ошибка", "ошибки", "ошибок") == "2 ошибки".
std::string count_ru(long n, std::string_view one, std::string_view few, std::string_view many);
/// The summary line of a run: «2 ошибки, 1 предупреждение»; «нет ошибок и предупреждений» for 0/0.
std::string diagnostics_summary(long errors, long warnings);

}  // namespace nastavnik::util
