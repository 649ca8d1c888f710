#pragma once
// Where each field of a record was written, for diagnostics that point at a value.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"

namespace nastavnik::model {

using diag::SourcePos;

/// Positions of a YAML mapping: `self` is the start of the mapping; `of(key)` is the position of
/// that key's value, or `self` when the key is absent (SPEC: a missing value points at the
/// start of the mapping that lacks it).
struct Positions {
  SourcePos self;
  std::vector<std::pair<std::string, SourcePos>> values;  ///< key → value position
  std::vector<std::pair<std::string, SourcePos>> keys;    ///< key → key position

  const SourcePos& of(std::string_view key) const {
    for (const auto& [k, p] : values)
      if (k == key) return p;
    return self;
  }
  const SourcePos& key(std::string_view key) const {
    for (const auto& [k, p] : keys)
      if (k == key) return p;
    return self;
  }
  bool has(std::string_view key) const {
    for (const auto& [k, p] : values)
      if (k == key) return true;
    return false;
  }
};

}  // namespace nastavnik::model
