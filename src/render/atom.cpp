#include "render/feeds.hpp"
#include "util/text.hpp"

namespace nastavnik::render {

namespace {

std::string rfc3339(const util::Date& d) { return util::to_iso(d) + "T00:00:00Z"; }

}  // namespace

std::string atom_feed(const Env& env) {
  const auto& news = env.site.news;
  const std::string list = env.absolute(env.section_url("news"));
  // "updated" comes from the data: the newest item, else the build's "today" (--now).
  util::Date updated = news.empty() ? env.now : news.front().date;
  for (const auto& n : news)
    if (updated < n.date) updated = n.date;
  std::string x;
  x += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">\n";
  x += "  <title>" + util::xml_escape(env.text(env.config.title) + " — новости") + "</title>\n";
  if (!env.config.school.name.empty())
    x += "  <subtitle>" + util::xml_escape(env.text(env.config.school.name)) + "</subtitle>\n";
  x += "  <id>" + util::xml_escape(list) + "</id>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + util::xml_escape(list + "feed.xml") + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + util::xml_escape(list) + "\"/>\n";
  x += "  <updated>" + rfc3339(updated) + "</updated>\n";
  x += "  <author><name>" +
       util::xml_escape(env.config.school.name.empty() ? env.config.title : env.config.school.name) +
       "</name></author>\n";
  x += "  <generator>nastavnik</generator>\n";
  for (std::size_t i = 0; i < news.size() && i < k_feed_entries; ++i) {  // newest first
    const auto& n = news[i];
    const std::string url = env.absolute(n.url);
    x += "  <entry>\n";
    x += "    <title>" + util::xml_escape(env.text(n.title)) + "</title>\n";
    x += "    <id>" + util::xml_escape(url) + "</id>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + util::xml_escape(url) + "\"/>\n";
    x += "    <published>" + rfc3339(n.date) + "</published>\n";
    x += "    <updated>" + rfc3339(n.date) + "</updated>\n";
    for (const auto& t : n.tags) x += "    <category term=\"" + util::xml_escape(t) + "\"/>\n";
    if (!n.summary.empty()) x += "    <summary>" + util::xml_escape(env.text(n.summary)) + "</summary>\n";
    // Body links are relative to the page: xml:base makes them resolve in feed readers.
    x += "    <content type=\"html\" xml:base=\"" + util::xml_escape(url) + "\">" + util::xml_escape(n.body.html.text()) +
         "</content>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace nastavnik::render
