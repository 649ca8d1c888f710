#include <cstdio>

#include "render/feeds.hpp"
#include "render/format.hpp"
#include "util/hash.hpp"

namespace nastavnik::render {

namespace {

std::string ics_date(const util::Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

/// Host of base_url, for globally unique UIDs.
std::string host_of(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  auto slash = url.find('/');
  std::string host(url.substr(0, slash));
  if (auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  return host.empty() ? "nastavnik.local" : host;
}

/// "15:00", "9.30", "15:00–17:00": the first and the optional second time as HHMMSS.
std::vector<std::string> parse_times(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < 2) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    int h = 0, digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 2) h = h * 10 + (s[i++] - '0'), ++digits;
    if (i + 2 < s.size() && (s[i] == ':' || s[i] == '.') && s[i + 1] >= '0' && s[i + 1] <= '9' &&
        s[i + 2] >= '0' && s[i + 2] <= '9') {
      int m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
      i += 3;
      if (h < 24 && m < 60) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d%02d00", h % 100, m % 100);
        out.push_back(buf);
      }
    } else {
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
  return out;
}

std::string calendar_head(const Env& env, std::string_view name) {
  std::string c;
  c += ics_line("BEGIN:VCALENDAR");
  c += ics_line("VERSION:2.0");
  c += ics_line("PRODID:-//nastavnik//" + ics_escape(env.config.school.name.empty() ? env.config.title : env.config.school.name) + "//RU");
  c += ics_line("CALSCALE:GREGORIAN");
  c += ics_line("METHOD:PUBLISH");
  c += ics_line("X-WR-CALNAME:" + ics_escape(std::string(name)));
  return c;
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ics_line(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // the first line; continuation lines hold a space + 74 octets
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside UTF-8
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string roadmap_calendar(const Env& env) {
  const auto& rm = env.site.roadmap;
  const std::string host = host_of(env.config.base_url);
  const std::string url = env.absolute(env.section_url("roadmap"));
  std::string c = calendar_head(env, rm.title.empty() ? "Дорожная карта" : env.text(rm.title));
  int si = 0;
  for (const auto& st : rm.stages) {
    ++si;
    int ei = 0;
    for (const auto& e : st.events) {
      ++ei;
      if (!e.interval.start) continue;
      const util::Date start = *e.interval.start;
      const util::Date end = e.interval.end && !(*e.interval.end < start) ? *e.interval.end : start;
      // DTSTAMP from the data, never from the clock: the roadmap's approval, else the start.
      util::Date stamp = rm.approved && rm.approved->date ? *rm.approved->date : start;
      std::string uid = "roadmap-" + std::to_string(si) + "-" + std::to_string(ei) + "-" +
                        util::hash_hex(st.title + "\n" + e.title) + "@" + host;
      std::string desc = "Этап: " + st.title;
      if (!e.due.empty()) desc += "\nСрок: " + e.due;
      if (!e.responsible.empty()) desc += "\nОтветственные: " + e.responsible;
      desc += "\nСтатус: " + std::string(status_label(e.status));
      if (!e.result.empty()) desc += "\nРезультат: " + e.result;
      c += ics_line("BEGIN:VEVENT");
      c += ics_line("UID:" + uid);
      c += ics_line("DTSTAMP:" + ics_date(stamp) + "T000000Z");
      c += ics_line("DTSTART;VALUE=DATE:" + ics_date(start));
      c += ics_line("DTEND;VALUE=DATE:" + ics_date(util::add_days(end, 1)));  // exclusive end
      c += ics_line("SUMMARY:" + ics_escape(e.title));
      c += ics_line("DESCRIPTION:" + ics_escape(desc));
      c += ics_line("URL:" + url);
      c += ics_line("TRANSP:TRANSPARENT");
      if (e.status == model::EventStatus::cancelled) c += ics_line("STATUS:CANCELLED");
      c += ics_line("END:VEVENT");
    }
  }
  c += ics_line("END:VCALENDAR");
  return c;
}

std::string events_calendar(const Env& env) {
  const std::string host = host_of(env.config.base_url);
  std::string c = calendar_head(env, "Анонсы: " + env.text(env.config.title));
  for (const auto& n : env.site.news) {
    if (!n.event || !n.event->date) continue;
    const util::Date day = *n.event->date;
    auto times = parse_times(n.event->time);
    c += ics_line("BEGIN:VEVENT");
    c += ics_line("UID:news-" + util::hash_hex(n.url) + "@" + host);
    c += ics_line("DTSTAMP:" + ics_date(n.date) + "T000000Z");
    if (times.empty()) {
      c += ics_line("DTSTART;VALUE=DATE:" + ics_date(day));
      c += ics_line("DTEND;VALUE=DATE:" + ics_date(util::add_days(day, 1)));
    } else {
      // Floating local time: the school's own clock.
      c += ics_line("DTSTART:" + ics_date(day) + "T" + times[0]);
      if (times.size() > 1 && times[0] < times[1]) c += ics_line("DTEND:" + ics_date(day) + "T" + times[1]);
    }
    c += ics_line("SUMMARY:" + ics_escape(n.title));
    if (!n.summary.empty()) c += ics_line("DESCRIPTION:" + ics_escape(n.summary));
    if (!n.event->place.empty()) c += ics_line("LOCATION:" + ics_escape(n.event->place));
    c += ics_line("URL:" + env.absolute(n.url));
    c += ics_line("END:VEVENT");
  }
  c += ics_line("END:VCALENDAR");
  return c;
}

}  // namespace nastavnik::render
