#pragma once
// SVG charts drawn at build time and inlined into the page (no JavaScript library). Every chart is
// <svg role="img" aria-labelledby="…"> with a <title> and a <desc> that says in words what the bars
// show; the table next to it carries the exact figures. Colours come from CSS (classes
// `chart-*`, `currentColor`), so the charts follow every colour scheme of the version for the
// visually impaired. Sizes are in em and percent: no viewBox, so text never shrinks on a phone.
// Text arguments are plain text (escaped here).
#include <optional>
#include <string>
#include <vector>

#include "util/date.hpp"

namespace nastavnik::render::charts {

struct Bar {
  std::string label;
  std::vector<double> values;  ///< one per series
};

struct BarChart {
  std::string id;                   ///< unique on the page; prefixes the ids of <title>/<desc>
  std::string title;                ///< what the chart is («Наставляемые по формам наставничества»)
  std::vector<std::string> series;  ///< series names (1 or 2); a legend is drawn for 2
  std::vector<Bar> bars;
};

/// Horizontal bars: a label line, then one bar per series, the value after the bar.
std::string bar_chart(const BarChart& chart);

/// A monitoring indicator for `indicator_chart`.
struct Indicator {
  enum class Kind { number, percent, yesno };
  std::string label;
  Kind kind = Kind::number;
  double value = 0;  ///< number, or percent 0–100
  bool yes = false;
  std::string unit;
};

/// Numbers as bars (scaled to the largest number of the same unit), percentages as bars on a
/// 0–100 % track, да/нет as a check mark or a cross with the word.
std::string indicator_chart(const std::string& id, const std::string& title, const std::vector<Indicator>& rows);

struct Stage {
  std::string label;  ///< «1. Подготовка условий»
  std::optional<util::Date> start, end;
  int done = 0;
  int all = 0;
};

/// The roadmap on a time axis: one band per stage from its first to its last date, filled in
/// proportion to the events done; year ticks and a «сегодня» line.
std::string timeline(const std::string& id, const std::string& title, const std::vector<Stage>& stages,
                     const util::Date& now);

/// Number in Russian notation: «12», «12,5».
std::string format_number(double v);

}  // namespace nastavnik::render::charts
