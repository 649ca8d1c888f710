#include "render/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "util/text.hpp"

namespace nastavnik::render::charts {

namespace {

using util::html_escape;

/// A length in em or percent with at most two decimals, no trailing zeros ("1.5em", "42.86%").
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}
std::string em(double v) { return num(v) + "em"; }
std::string pc(double v) { return num(v) + "%"; }

/// Opening of an inline chart: the svg with its accessible name and description.
std::string open_svg(const std::string& id, const std::string& cls, double height_em, const std::string& title,
                     const std::string& desc) {
  std::string s = "<svg class=\"chart " + cls + "\" role=\"img\" width=\"100%\" height=\"" + em(height_em) +
                  "\" aria-labelledby=\"" + id + "-title " + id + "-desc\">";
  s += "<title id=\"" + id + "-title\">" + html_escape(title) + "</title>";
  s += "<desc id=\"" + id + "-desc\">" + html_escape(desc) + "</desc>";
  return s;
}

std::string text(double x_pc, double y_em, const std::string& body, const std::string& cls = "chart-label") {
  return "<text class=\"" + cls + "\" x=\"" + pc(x_pc) + "\" y=\"" + em(y_em) + "\">" + html_escape(body) + "</text>";
}

std::string rect(double x_pc, double y_em, double w_pc, double h_em, const std::string& cls) {
  return "<rect class=\"" + cls + "\" x=\"" + pc(x_pc) + "\" y=\"" + em(y_em) + "\" width=\"" + pc(w_pc) +
         "\" height=\"" + em(h_em) + "\"/>";
}

constexpr double k_bar_room = 82;  ///< percent of the width the longest bar takes; the rest is for its value

}  // namespace

std::string format_number(double v) {
  std::string s = num(std::round(v * 10) / 10);
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

std::string bar_chart(const BarChart& chart) {
  const std::size_t ns = std::max<std::size_t>(1, chart.series.size());
  double max = 0;
  for (const auto& b : chart.bars)
    for (double v : b.values) max = std::max(max, v);

  std::string desc;
  for (const auto& b : chart.bars) {
    if (!desc.empty()) desc += "; ";
    desc += b.label + ":";
    for (std::size_t s = 0; s < ns && s < b.values.size(); ++s)
      desc += (s ? ", " : " ") + (s < chart.series.size() ? chart.series[s] + " — " : std::string()) +
              format_number(b.values[s]);
  }
  desc += ".";

  constexpr double label_h = 1.5, bar_h = 1.1, bar_gap = 0.3, row_gap = 0.7;
  const double legend_h = chart.series.size() > 1 ? 2.0 : 0.0;
  const double row_h = label_h + ns * (bar_h + bar_gap) + row_gap;
  std::string s = open_svg(chart.id, "chart-bars", legend_h + row_h * chart.bars.size() + 0.2, chart.title, desc);
  if (chart.series.size() > 1) {
    double x = 0;
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      s += "<rect class=\"chart-s" + std::to_string(i) + "\" x=\"" + pc(x) + "\" y=\"0.35em\" width=\"1em\" height=\"1em\"/>";
      s += "<text class=\"chart-label\" x=\"" + pc(x) + "\" dx=\"1.4em\" y=\"1.2em\">" + html_escape(chart.series[i]) + "</text>";
      x += 40;
    }
  }
  double y = legend_h;
  for (const auto& b : chart.bars) {
    s += text(0, y + 1.1, b.label);
    double by = y + label_h;
    for (std::size_t i = 0; i < ns; ++i) {
      double v = i < b.values.size() ? b.values[i] : 0;
      double w = max > 0 ? v / max * k_bar_room : 0;
      s += rect(0, by, std::max(w, 0.4), bar_h, "chart-s" + std::to_string(i));
      s += "<text class=\"chart-value\" x=\"" + pc(w) + "\" dx=\"0.4em\" y=\"" + em(by + 0.9) + "\">" +
           html_escape(format_number(v)) + "</text>";
      by += bar_h + bar_gap;
    }
    y += row_h;
  }
  s += "</svg>";
  return s;
}

std::string indicator_chart(const std::string& id, const std::string& title, const std::vector<Indicator>& rows) {
  std::map<std::string, double> max_by_unit;
  for (const auto& r : rows)
    if (r.kind == Indicator::Kind::number) max_by_unit[r.unit] = std::max(max_by_unit[r.unit], r.value);

  auto value_text = [](const Indicator& r) {
    switch (r.kind) {
      case Indicator::Kind::percent: return format_number(r.value) + "\u00a0%";
      case Indicator::Kind::yesno: return std::string(r.yes ? "да" : "нет");
      case Indicator::Kind::number: break;
    }
    return format_number(r.value) + (r.unit.empty() ? "" : "\u00a0" + r.unit);
  };
  std::string desc;
  for (const auto& r : rows) {
    if (!desc.empty()) desc += "; ";
    desc += r.label + ": " + value_text(r);
  }
  desc += ".";

  constexpr double label_h = 1.5, bar_h = 1.1, row_gap = 0.9;
  constexpr double row_h = label_h + bar_h + row_gap;
  std::string s = open_svg(id, "chart-indicators", row_h * rows.size() + 0.2, title, desc);
  double y = 0;
  for (const auto& r : rows) {
    s += text(0, y + 1.1, r.label);
    const double by = y + label_h;
    switch (r.kind) {
      case Indicator::Kind::number: {
        double max = max_by_unit[r.unit];
        double w = max > 0 ? std::clamp(r.value / max, 0.0, 1.0) * k_bar_room : 0;
        s += rect(0, by, std::max(w, 0.4), bar_h, "chart-s0");
        s += "<text class=\"chart-value\" x=\"" + pc(w) + "\" dx=\"0.4em\" y=\"" + em(by + 0.9) + "\">" +
             html_escape(value_text(r)) + "</text>";
        break;
      }
      case Indicator::Kind::percent: {
        double w = std::clamp(r.value, 0.0, 100.0) / 100 * k_bar_room;
        s += rect(0, by, k_bar_room, bar_h, "chart-track");
        s += rect(0, by, std::max(w, 0.4), bar_h, "chart-s0");
        s += "<text class=\"chart-value\" x=\"" + pc(k_bar_room) + "\" dx=\"0.4em\" y=\"" + em(by + 0.9) + "\">" +
             html_escape(value_text(r)) + "</text>";
        break;
      }
      case Indicator::Kind::yesno: {
        // A mark in a 1.1em square: a check for «да», a cross for «нет».
        s += "<svg class=\"chart-mark chart-" + std::string(r.yes ? "yes" : "no") + "\" x=\"0\" y=\"" + em(by) +
             "\" width=\"" + em(bar_h) + "\" height=\"" + em(bar_h) + "\" viewBox=\"0 0 16 16\">";
        s += "<rect x=\"0.5\" y=\"0.5\" width=\"15\" height=\"15\" rx=\"3\"/>";
        s += r.yes ? "<path d=\"M3.5 8.5l3 3 6-7\"/>" : "<path d=\"M4.5 4.5l7 7M11.5 4.5l-7 7\"/>";
        s += "</svg>";
        s += "<text class=\"chart-value\" x=\"0\" dx=\"1.6em\" y=\"" + em(by + 0.9) + "\">" + html_escape(value_text(r)) +
             "</text>";
        break;
      }
    }
    y += row_h;
  }
  s += "</svg>";
  return s;
}

std::string timeline(const std::string& id, const std::string& title, const std::vector<Stage>& stages,
                     const util::Date& now) {
  std::optional<long> lo, hi;
  for (const auto& st : stages) {
    if (st.start) lo = std::min(lo.value_or(util::days_from_civil(*st.start)), util::days_from_civil(*st.start));
    if (st.end) hi = std::max(hi.value_or(util::days_from_civil(*st.end)), util::days_from_civil(*st.end));
    if (st.start && !st.end) hi = std::max(hi.value_or(util::days_from_civil(*st.start)), util::days_from_civil(*st.start));
  }
  // Whole years on the axis.
  if (lo && hi) {
    lo = util::days_from_civil(util::Date{util::civil_from_days(*lo).year, 1, 1});
    hi = util::days_from_civil(util::Date{util::civil_from_days(*hi).year + 1, 1, 1});
  }
  constexpr double room = 96;
  auto x_of = [&](long day) { return (*hi > *lo) ? double(day - *lo) / double(*hi - *lo) * room : 0.0; };

  auto stage_text = [](const Stage& st) {
    std::string t = st.label + " — ";
    if (st.all == 0) return t + "мероприятий нет";
    return t + "выполнено " + std::to_string(st.done) + " из " + std::to_string(st.all);
  };
  std::string desc;
  for (const auto& st : stages) {
    if (!desc.empty()) desc += "; ";
    desc += stage_text(st);
    if (st.start || st.end) {
      desc += " (";
      if (st.start) desc += "с " + util::format_ru(*st.start);
      if (st.start && st.end) desc += " ";
      if (st.end) desc += "по " + util::format_ru(*st.end);
      desc += ")";
    }
  }
  desc += ".";

  constexpr double label_h = 1.5, band_h = 1.2, row_gap = 0.8, axis_h = 2.2;
  // SVG resolves "em" in an attribute against the element's own font size: the tick and "today"
  // labels are drawn at 0.85em (style.css), so their y is scaled back to the chart's em.
  constexpr double k_small_font = 0.85;
  constexpr double row_h = label_h + band_h + row_gap;
  const double height = row_h * stages.size() + axis_h;
  std::string s = open_svg(id, "chart-timeline", height, title, desc);
  const double axis_y = row_h * stages.size();
  if (lo && hi) {
    // Year ticks.
    for (int year = util::civil_from_days(*lo).year; year <= util::civil_from_days(*hi).year; ++year) {
      double x = x_of(util::days_from_civil(util::Date{year, 1, 1}));
      s += "<line class=\"chart-grid\" x1=\"" + pc(x) + "\" x2=\"" + pc(x) + "\" y1=\"0\" y2=\"" + em(axis_y + 0.3) + "\"/>";
      if (util::days_from_civil(util::Date{year, 1, 1}) < *hi)
        s += "<text class=\"chart-tick\" x=\"" + pc(x) + "\" dx=\"0.3em\" y=\"" + em((axis_y + 1.4) / k_small_font) + "\">" +
             std::to_string(year) + "</text>";
    }
    long today = util::days_from_civil(now);
    if (today >= *lo && today <= *hi) {
      double x = x_of(today);
      s += "<line class=\"chart-now\" x1=\"" + pc(x) + "\" x2=\"" + pc(x) + "\" y1=\"0\" y2=\"" + em(axis_y + 0.3) + "\"/>";
      // The label goes left of the line in the right half, so it never runs off the edge.
      bool left = x > room / 2;
      s += "<text class=\"chart-now-label\" x=\"" + pc(x) + "\" dx=\"" + (left ? "-0.3em" : "0.3em") + "\" y=\"" +
           em((axis_y + 2.0) / k_small_font) + "\"" + (left ? " text-anchor=\"end\"" : "") + ">сегодня</text>";
    }
  }
  double y = 0;
  for (const auto& st : stages) {
    s += text(0, y + 1.1, stage_text(st));
    const double by = y + label_h;
    if (lo && hi && (st.start || st.end)) {
      long a = util::days_from_civil(st.start ? *st.start : *st.end);
      long b = util::days_from_civil(st.end ? *st.end : *st.start);
      double x0 = x_of(a), w = std::max(x_of(b) - x0, 0.8);
      s += rect(x0, by, w, band_h, "chart-track");
      if (st.all > 0 && st.done > 0) s += rect(x0, by, w * st.done / st.all, band_h, "chart-s0");
    } else {
      s += text(0, by + 0.9, "сроки не указаны", "chart-value");
    }
    y += row_h;
  }
  s += "</svg>";
  return s;
}

}  // namespace nastavnik::render::charts
