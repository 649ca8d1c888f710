#pragma once
// Deploy targets: where the output goes. A Remote offers three operations on paths relative to
// the target folder; one implementation drives libcurl (FTP, FTPS, SFTP, WebDAV) through the
// transfer adapter, the other writes to a local folder (file://).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "net/transfer.hpp"
#include "net/url.hpp"

namespace nastavnik::net {

struct Target {
  std::string scheme;   ///< ftp, ftps, sftp, http, https, file
  Url url;              ///< as given, password included (never print it)
  std::string display;  ///< the URL without the password, for messages
  std::filesystem::path local_dir;  ///< file:// targets
};

/// Parses a deploy target. nullopt with a Russian reason in `error` when unsupported.
std::optional<Target> parse_target(std::string_view text, std::string& error);

struct RemoteResult {
  bool ok = true;
  bool retryable = false;
  ErrorKind kind = ErrorKind::none;
  std::string message;  ///< Russian, when !ok
};

class Remote {
 public:
  virtual ~Remote() = default;
  /// Reads a file; `found` is false (and the result ok) when it does not exist.
  virtual RemoteResult fetch(const std::string& rel, std::string& bytes, bool& found) = 0;
  /// Writes a file, creating folders as needed.
  virtual RemoteResult put(const std::string& rel, std::string_view bytes) = 0;
  /// Removes a file; a file that is already gone is fine.
  virtual RemoteResult remove(const std::string& rel) = 0;
};

std::unique_ptr<Remote> open_remote(const Target& target, const Credentials& credentials);

}  // namespace nastavnik::net
