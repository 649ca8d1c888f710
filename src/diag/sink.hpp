#pragma once
// The library reports into a Sink and never prints; only cli/ prints.
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace nastavnik::diag {

/// Thread-safe collector of diagnostics. Severity comes from the code table, overridden per
/// code by `rules.severity` of site.yaml; a code set to `off` is dropped.
class Sink {
 public:
  Sink() = default;
  /// A recorder keeps every report as made, none dropped and no overrides applied: a cached
  /// stage's diagnostics are recorded so and later replayed into the real sink.
  struct Recorder {};
  explicit Sink(Recorder) : m_recorder(true) {}
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  void set_overrides(std::map<std::string, Severity> overrides);
  void report(std::string_view code, SourcePos pos, std::string message, std::string hint = {});

  /// Every diagnostic sorted by file, line, column, then code (stable for equal keys).
  std::vector<Diagnostic> sorted() const;
  int errors() const;
  int warnings() const;
  bool has_errors() const { return errors() > 0; }
  /// Drops every diagnostic (serve reuses one sink per rebuild).
  void clear();
  /// Every report in the order made (for a recorder: as reported, default severities).
  std::vector<Diagnostic> items() const;
  /// Reports each diagnostic again (severity from this sink's table and overrides).
  void replay(const std::vector<Diagnostic>& items);

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, Severity> m_overrides;
  std::vector<Diagnostic> m_items;
  bool m_recorder = false;
};

}  // namespace nastavnik::diag
