#pragma once
// Templates of `nastavnik new` (one content file) and `nastavnik init` (a whole minimal site).
// Every template builds with zero errors and zero warnings as it is.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/rules.hpp"
#include "util/date.hpp"

namespace nastavnik::scaffold {

enum class Kind { practice, news, program, page };

/// "practice", "news", "program", "page" (also the Russian «практика», «новость», «анонс»,
/// «программа», «страница»); nullopt for anything else.
std::optional<Kind> parse_kind(std::string_view text);
/// The folder under content/: "practices", "news", "programs", "pages".
std::string_view folder_of(Kind kind);

/// The text of a new content file with a commented front-matter template: today's date, the
/// forms of the rules as a comment, the rules' practice sections as `##` headings, a programme
/// of 9 months (always inside the rules' duration bounds).
std::string new_content(Kind kind, std::string_view title, const util::Date& today, const config::Rules& rules);

/// A title as a double-quoted YAML scalar.
std::string yaml_quote(std::string_view text);

/// Every file of a new minimal site (site-relative path, bytes), as `nastavnik init` writes them.
std::vector<std::pair<std::string, std::string>> init_site(const util::Date& today);

}  // namespace nastavnik::scaffold
