#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/pages.hpp"
#include "util/due.hpp"

namespace nastavnik::model {

enum class EventStatus { planned, in_progress, done, cancelled };

struct RoadmapEvent {
  std::string title;
  std::string details_html;  ///< rendered Markdown of `details`
  std::string details_text;  ///< plain text of `details` (leak scan, search)
  std::string due;           ///< as written ('\n' between lines or list items)
  util::DueInterval interval;
  std::string responsible;
  EventStatus status = EventStatus::planned;
  std::string result;
  Positions pos;
};

struct RoadmapStage {
  std::string title;
  std::vector<RoadmapEvent> events;
  Positions pos;
};

struct Roadmap {
  bool present = false;  ///< content/roadmap.yaml exists
  std::string source = "content/roadmap.yaml";
  std::string title;
  std::optional<Approval> approved;
  std::vector<RoadmapStage> stages;
  Positions pos;
};

}  // namespace nastavnik::model
