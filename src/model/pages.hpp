#pragma once
// Markdown pages: landing, Положение, programmes, practices, news, other pages.
#include <optional>
#include <string>
#include <vector>

#include "model/markdown.hpp"
#include "model/positions.hpp"
#include "util/date.hpp"

namespace nastavnik::model {

using util::Date;

/// What every Markdown page has.
struct PageBase {
  std::string source;     ///< "content/news/a.md"
  std::string slug;       ///< "a" (last URL component; empty for section index pages)
  std::string url;        ///< site-root-relative directory URL, e.g. "novosti/a/"
  std::string title;
  std::string summary;
  std::vector<std::string> tags;
  Body body;
  Positions pos;          ///< front matter positions
  int body_line = 1;      ///< file line where the Markdown body starts
};

struct Approval {
  std::string order;  ///< order number, e.g. «238/1»
  std::optional<Date> date;
  std::string by;
  Positions pos;
};

struct Regulation : PageBase {
  std::optional<Approval> approved;
  std::string file;  ///< "files/polozhenie.pdf" relative to content/, may be empty
};

struct Landing : PageBase {};

struct NewsEvent {
  std::optional<Date> date;
  std::string time;   ///< «15:00»
  std::string place;
};

struct NewsItem : PageBase {
  Date date;
  std::string image;      ///< "files/…" relative to content/, may be empty
  std::string image_alt;
  bool draft = false;
  std::optional<NewsEvent> event;
};

enum class ProgramStatus { planned, running, finished };  // by dates against "now"

struct Program : PageBase {
  std::string form;  ///< canonical spelling when known, as written otherwise
  Date start, end;
  std::string pair;  ///< optional bank pair id
  std::vector<std::string> authors;
};

struct Practice : PageBase {
  std::string form;
  std::optional<Date> start, end;
  std::vector<std::string> authors;
  std::string pair;
};

struct Page : PageBase {
  int weight = 0;
  bool menu = true;
};

}  // namespace nastavnik::model
