#pragma once
// Just enough URL handling for links and deploy targets: split, redact, percent-coding.
#include <optional>
#include <string>
#include <string_view>

namespace nastavnik::net {

struct Url {
  std::string scheme;  ///< lower case
  std::string user;    ///< percent-decoded
  std::string password;  ///< percent-decoded; never print
  bool has_password = false;
  std::string host;  ///< lower case
  std::string port;  ///< empty when absent
  std::string path;  ///< as written (percent-encoded), "" or starts with '/'
  std::string query;     ///< without '?'
  std::string fragment;  ///< without '#'
};

/// Splits an absolute URL "scheme://[user[:password]@]host[:port][/path][?query][#fragment]".
std::optional<Url> parse_url(std::string_view text);
/// The URL with any password removed ("ftp://user:secret@host/" → "ftp://user@host/").
std::string redact_url(std::string_view text);
/// scheme://host[:port]/path — no user, password, query or fragment.
std::string without_userinfo(const Url& url);
/// "host:port" in lower case, the unit of the per-host limit.
std::string host_key(const Url& url);
std::string percent_decode(std::string_view text);
/// Percent-encodes every byte of a '/'-separated path except unreserved characters and '/'.
std::string percent_encode_path(std::string_view path);

}  // namespace nastavnik::net
