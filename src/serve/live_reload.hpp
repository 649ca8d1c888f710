#pragma once
// Live reload: the state of the last build shared between the rebuild loop and the open pages
// (server-sent events on /__nastavnik/events), the browser script, and the error overlay.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace nastavnik::serve {

inline constexpr const char* k_events_path = "/__nastavnik/events";
inline constexpr const char* k_script_path = "/__nastavnik/live.js";

/// What the open pages should show. `generation` grows with every change of state that a page
/// must react to (new output, errors appearing or going away).
struct BuildState {
  std::uint64_t generation = 0;
  bool has_output = false;  ///< some build has succeeded (the last good build is served)
  bool failed = false;      ///< the latest build has errors
  std::string errors_html;  ///< the overlay box when failed
  std::string errors_summary;
};

/// Thread-safe broadcaster: the rebuild loop publishes, every SSE connection waits.
class LiveReload {
 public:
  /// A build succeeded. `changed`: some output file changed (or this is the first build);
  /// pages reload when it did or when they showed errors.
  void publish_ok(bool changed);
  /// A build failed: pages show the overlay; the last good output stays served.
  void publish_errors(std::string errors_html, std::string summary);
  /// Wakes every waiting connection for good (server stopping).
  void close();

  BuildState state() const;
  bool closed() const;
  /// Waits until the generation differs from `seen`, the hub is closed, or the timeout passes.
  BuildState wait_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;

 private:
  mutable std::mutex m_mutex;
  mutable std::condition_variable m_cv;
  BuildState m_state;
  bool m_closed = false;
};

/// One SSE message (`event: NAME\ndata: …\n\n`) telling a page what to do for `state`:
/// `reload`, `errors` (data: JSON with the overlay HTML) or `ok`.
std::string sse_message(const BuildState& state);
/// The first message of a connection: `hello` with the generation (a page that reconnects to a
/// restarted or rebuilt server reloads), followed by the errors when the build is failing.
std::string sse_hello(const BuildState& state);

/// The browser script served at /__nastavnik/live.js.
const std::string& live_reload_script();

/// The overlay box: every diagnostic as in the terminal (file:line:column, message, the source
/// line with a caret under the column, hint), HTML-escaped, styled inline.
std::string render_error_box(const std::vector<diag::Diagnostic>& items, const std::filesystem::path& site_dir,
                             const std::string& summary);
/// A whole page for when no build has succeeded yet: the same box and the script, so that the
/// page turns into the site as soon as the error is fixed.
std::string render_error_page(const BuildState& state);


}  // namespace nastavnik::serve
