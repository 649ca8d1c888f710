#pragma once
// Machine-readable outputs: the Atom feed, iCalendar files, sitemap, robots.txt, search index.
#include <string>
#include <string_view>
#include <vector>

#include "render/env.hpp"
#include "render/search_index.hpp"

namespace nastavnik::render {

/// Entries of the Atom feed: the newest news only. A feed reader polls it for what is new; all
/// 10,000 items of a large site made a 56 MB feed, rebuilt and downloaded again on each change.
inline constexpr std::size_t k_feed_entries = 50;

/// `novosti/feed.xml`: the k_feed_entries newest news items, with their whole text.
std::string atom_feed(const Env& env);
/// `roadmap.ics`: one all-day VEVENT per dated roadmap event.
std::string roadmap_calendar(const Env& env);
/// `events.ics`: one VEVENT per news announcement with an event date.
std::string events_calendar(const Env& env);
std::string sitemap(const Env& env, const std::vector<PageSpec>& pages);
std::string robots(const Env& env);
/// The documents of poisk/index.json: the pages with `in_search`, as views into them (see
/// search_index.hpp).
std::vector<SearchDoc> search_docs(const std::vector<PageSpec>& pages);

// iCalendar helpers (RFC 5545), exposed for tests.
/// Escapes '\\', ';', ',' and newlines in a TEXT value.
std::string ics_escape(std::string_view text);
/// Folds one content line at 75 octets (never inside a UTF-8 sequence) and ends it with CRLF.
std::string ics_line(std::string_view line);

}  // namespace nastavnik::render
