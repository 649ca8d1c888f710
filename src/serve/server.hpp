#pragma once
// The preview server of `nastavnik serve`: serves the output directory and nothing else, plus
// the live-reload endpoints. The one user of cpp-httplib on the server side.
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "serve/live_reload.hpp"

namespace httplib {
class Server;
}

namespace nastavnik::serve {

/// What a request path maps to inside the served root.
enum class PathVerdict {
  ok,         ///< `file` is a regular file inside the root
  redirect,   ///< a directory asked without the trailing '/': redirect to path + '/'
  not_found,  ///< nothing there (or a hidden file such as the output marker)
  forbidden,  ///< tries to leave the root ('..', a symlink pointing out, a NUL or backslash)
};

struct ResolvedPath {
  PathVerdict verdict = PathVerdict::not_found;
  std::filesystem::path file;
};

/// Maps an already percent-decoded request path onto `root` (absolute, canonical). Never
/// returns a file outside the root, whatever the path or the symlinks in the root.
ResolvedPath resolve_request_path(const std::filesystem::path& root, const std::string& path);

/// The Content-Type of a served file by its extension.
std::string content_type_for(const std::filesystem::path& file);

class PreviewServer {
 public:
  /// `root`: the output directory (may not exist yet); `live`: the shared build state.
  PreviewServer(std::filesystem::path root, LiveReload& live);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Binds the listening socket. Port 0 picks a free port. Returns the port, or -1 when the
  /// address is taken or cannot be used.
  int bind(const std::string& host, int port);
  /// Starts serving on a background thread (after a successful bind).
  void start();
  /// Stops accepting, ends the live-reload streams and joins the thread.
  void stop();

 private:
  void setup_routes();

  std::filesystem::path m_root;
  LiveReload& m_live;
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
};

}  // namespace nastavnik::serve
