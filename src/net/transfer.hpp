#pragma once
// The libcurl adapter: libcurl is used here and nowhere else. Links and deploy describe a
// transfer with Request and get a Response back; CURL* and CURLM* never leave transfer.cpp.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::net {

/// What went wrong below the protocol level (the server's answer itself is Response::status).
enum class ErrorKind {
  none,       ///< the server answered (see status)
  timeout,    ///< the whole transfer took longer than Request::timeout
  dns,        ///< the host name could not be resolved
  connect,    ///< connection refused or unreachable
  tls,        ///< TLS handshake or certificate verification failed
  login,      ///< wrong user name, password or key
  not_found,  ///< FTP/SFTP: no such remote file
  denied,     ///< FTP/SFTP: permission denied on the remote side
  transient,  ///< a broken connection or a temporary server refusal: worth retrying
  other,
};

/// How to authenticate and whom to trust. Secrets live here only, never in a URL.
struct Credentials {
  std::string user;
  std::string password;      ///< empty: use ~/.netrc (when netrc is true)
  bool netrc = true;
  std::string ssh_key;       ///< private key file for sftp
  std::string known_hosts;   ///< known_hosts file for sftp host key checking; empty: none
  std::string ca_file;       ///< extra CA bundle / self-signed certificate to trust
  bool insecure = false;     ///< skip TLS and host key verification (tests, last resort)
};

struct Request {
  enum class Method { head, get, put, custom };
  std::string url;  ///< without user:password@
  Method method = Method::get;
  std::string custom;  ///< the verb for Method::custom (MKCOL, DELETE)
  std::string_view body;  ///< upload data for Method::put (must outlive the transfer)
  bool follow_redirects = false;
  std::chrono::milliseconds timeout{0};          ///< whole transfer; 0 = none
  std::chrono::milliseconds connect_timeout{0};  ///< 0 = libcurl's default
  bool create_dirs = false;  ///< FTP/SFTP uploads: create missing directories
  bool require_tls = false;  ///< FTP: explicit TLS (AUTH TLS), refuse to go on without it
  std::vector<std::string> quote;  ///< FTP/SFTP commands sent after login (SFTP rm)
  std::vector<std::string> post_quote;  ///< FTP commands sent in the URL's folder (DELE)
  bool no_body = false;      ///< do not transfer a body (FTP/SFTP quote-only requests)
  bool capture_body = false; ///< keep the response body in Response::body (else discarded)
  std::size_t max_body = 16 * 1024 * 1024;
  /// GET used only to learn the status: stop reading once the body starts.
  bool status_only = false;
};

struct Response {
  ErrorKind kind = ErrorKind::none;
  std::string error;  ///< libcurl's explanation when kind != none (English, for details)
  long status = 0;    ///< last HTTP status or FTP/SFTP reply code
  std::vector<long> redirects;  ///< statuses of the redirects followed, in order
  std::string final_url;        ///< after redirects
  std::optional<long> retry_after;  ///< seconds, from the last response's Retry-After
  std::string body;
  std::uint64_t bytes_sent = 0;
};

/// Russian reason phrase for an HTTP status: 404 → «Не найдено».
std::string status_text_ru(long status);
/// Russian description of a failure, e.g. «тайм-аут 10 с», «не удалось найти сервер».
std::string describe_error_ru(const Response& r, std::chrono::milliseconds timeout);
/// Parses a Retry-After value: delta seconds or an HTTP date (relative to now).
std::optional<long> parse_retry_after(std::string_view value);

/// A sequence of transfers on one reused connection (deploy).
class Session {
 public:
  explicit Session(Credentials credentials);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  Response perform(const Request& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// Many transfers at once on libcurl's multi interface (links). The caller decides what runs
/// when; Multi only drives the transfers it is given.
class Multi {
 public:
  Multi();
  ~Multi();
  Multi(const Multi&) = delete;
  Multi& operator=(const Multi&) = delete;

  void add(std::uint64_t id, const Request& request);
  std::size_t running() const;
  /// Drives the transfers for at most `wait`, returns those that finished.
  std::vector<std::pair<std::uint64_t, Response>> poll(std::chrono::milliseconds wait);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace nastavnik::net
