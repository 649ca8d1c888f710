#pragma once
// Transliteration of Russian into safe ASCII URL slugs (documented in docs/slugs.md).
#include <string>
#include <string_view>

namespace nastavnik::util {

/// «Школа наставников» → "shkola-nastavnikov"; «Кейс-1» → "keys-1"; «Щука, ёж и подъезд!» →
/// "shchuka-ezh-i-podezd". Only [a-z0-9-], no leading/trailing/double '-', at most 80 bytes
/// (cut at a '-' when possible). Empty when nothing usable remains.
std::string slugify(std::string_view text);
/// Transliteration only (keeps case-folded Latin letters, digits and spaces).
std::string transliterate(std::string_view text);

}  // namespace nastavnik::util
