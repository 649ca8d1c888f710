#include "net/deploy_remote.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace nastavnik::net {

namespace fs = std::filesystem;

std::optional<Target> parse_target(std::string_view text, std::string& error) {
  auto u = parse_url(text);
  if (!u) {
    error = "адрес назначения «" + redact_url(text) +
            "» не понят: нужен вид ftps://хост/папка/, sftp://пользователь@хост/путь/, https://хост/папка/ или file:///путь/";
    return std::nullopt;
  }
  static const std::set<std::string> k_schemes = {"ftp", "ftps", "sftp", "http", "https", "file"};
  if (!k_schemes.count(u->scheme)) {
    error = "протокол «" + u->scheme + "» не поддерживается: допустимы ftp://, ftps://, sftp://, https:// (WebDAV), http:// и file://";
    return std::nullopt;
  }
  if (!u->query.empty() || !u->fragment.empty()) {
    error = "в адресе назначения не должно быть «?» и «#»";
    return std::nullopt;
  }
  Target t;
  t.scheme = u->scheme;
  t.display = redact_url(text);
  if (t.scheme == "file") {
    if (!u->host.empty() && u->host != "localhost") {
      error = "file:// — только папка на этом компьютере: file:///путь/к/папке/";
      return std::nullopt;
    }
    std::string path = percent_decode(u->path);
    if (path.empty() || path.front() != '/') {
      error = "file:// — нужен абсолютный путь: file:///путь/к/папке/";
      return std::nullopt;
    }
    t.local_dir = path;
  }
  if (u->path.empty()) u->path = "/";
  if (u->path.back() != '/') u->path += '/';
  t.url = std::move(*u);
  return t;
}

namespace {

RemoteResult io_failure(const std::string& what) { return RemoteResult{false, false, ErrorKind::other, what}; }

class FileRemote : public Remote {
 public:
  explicit FileRemote(fs::path dir) : m_dir(std::move(dir)) {}

  RemoteResult fetch(const std::string& rel, std::string& bytes, bool& found) override {
    std::error_code ec;
    found = fs::is_regular_file(m_dir / rel, ec);
    if (!found) return {};
    std::ifstream in(m_dir / rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in && !in.eof()) return io_failure("не удалось прочитать " + (m_dir / rel).string());
    bytes = ss.str();
    return {};
  }

  RemoteResult put(const std::string& rel, std::string_view bytes) override {
    fs::path target = m_dir / rel;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return io_failure("не удалось создать папку " + target.parent_path().string() + ": " + ec.message());
    fs::path tmp = target;
    tmp += ".nastavnik-tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) return io_failure("не удалось записать " + tmp.string());
    }
    fs::rename(tmp, target, ec);  // readers see the old file or the new one, never half
    if (ec) return io_failure("не удалось записать " + target.string() + ": " + ec.message());
    return {};
  }

  RemoteResult remove(const std::string& rel) override {
    std::error_code ec;
    fs::remove(m_dir / rel, ec);
    if (ec) return io_failure("не удалось удалить " + (m_dir / rel).string() + ": " + ec.message());
    return {};
  }

 private:
  fs::path m_dir;
};

class CurlRemote : public Remote {
 public:
  CurlRemote(const Target& target, const Credentials& credentials)
      : m_target(target), m_session(session_credentials(credentials)) {
    const Url& u = target.url;
    m_ftp = target.scheme == "ftp" || target.scheme == "ftps";
    m_sftp = target.scheme == "sftp";
    m_tls = target.scheme == "ftps";
    // ftps:// means explicit TLS (AUTH TLS on the FTP port), which libcurl calls ftp:// with
    // CURLUSESSL_ALL; libcurl's own ftps:// is the obsolete implicit TLS on port 990.
    std::string scheme = m_tls ? "ftp" : target.scheme;
    // With the password in ~/.netrc, libcurl looks it up only for a user named in the URL.
    std::string user = credentials.password.empty() && !u.user.empty() ? percent_encode_path(u.user) + "@" : "";
    m_origin = scheme + "://" + user + u.host + (u.port.empty() ? "" : ":" + u.port);
    m_base = u.path;
    m_base_decoded = percent_decode(u.path);
  }

  RemoteResult fetch(const std::string& rel, std::string& bytes, bool& found) override {
    Request req = base_request(rel);
    req.method = Request::Method::get;
    req.capture_body = true;
    Response r = m_session.perform(req);
    found = false;
    if (r.kind == ErrorKind::not_found) return {};
    if (m_ftp && r.kind == ErrorKind::denied) return {};  // the folder does not exist yet
    if (!m_ftp && !m_sftp && r.kind == ErrorKind::none && r.status == 404) return {};
    RemoteResult res = convert(r, rel);
    if (!res.ok) return res;
    found = true;
    bytes = std::move(r.body);
    return res;
  }

  RemoteResult put(const std::string& rel, std::string_view bytes) override {
    if (!m_ftp && !m_sftp) make_collections(rel);
    Request req = base_request(rel);
    req.method = Request::Method::put;
    req.body = bytes;
    req.create_dirs = true;
    return convert(m_session.perform(req), rel);
  }

  RemoteResult remove(const std::string& rel) override {
    Request req = base_request("");
    if (m_ftp) {
      // A reused FTP connection sits in whatever folder the last transfer left it, so the
      // DELE goes after a CWD into the file's own folder (POSTQUOTE), by bare name.
      auto slash = rel.rfind('/');
      req = base_request(slash == std::string::npos ? "" : rel.substr(0, slash + 1));
      req.post_quote.push_back("DELE " + rel.substr(slash == std::string::npos ? 0 : slash + 1));
      req.no_body = true;
    } else if (m_sftp) {
      req.quote.push_back("rm \"" + quote_path(rel) + "\"");
      req.no_body = true;
    } else {
      req = base_request(rel);
      req.method = Request::Method::custom;
      req.custom = "DELETE";
    }
    Response r = m_session.perform(req);
    // Already gone is what we wanted (a re-run after an interrupted --delete).
    if (m_ftp && r.kind != ErrorKind::none && (r.status == 550 || r.kind == ErrorKind::denied)) return {};
    if (m_sftp && r.kind != ErrorKind::none && r.status == 2) return {};  // SSH_FX_NO_SUCH_FILE
    if (!m_ftp && !m_sftp && r.kind == ErrorKind::none && (r.status == 404 || r.status == 410)) return {};
    return convert(r, rel);
  }

 private:
  Request base_request(const std::string& rel) const {
    Request req;
    req.url = m_origin + m_base + percent_encode_path(rel);
    req.require_tls = m_tls;
    req.connect_timeout = std::chrono::seconds(20);
    req.timeout = std::chrono::minutes(5);
    return req;
  }

  /// The path as SFTP's rm wants it: absolute, or relative to the home folder for /~/.
  std::string quote_path(const std::string& rel) const {
    std::string p = m_base_decoded + rel;
    if (p.rfind("/~/", 0) == 0) return p.substr(3);
    return p;
  }

  /// WebDAV: PUT needs the folder to exist; MKCOL each missing level once. Failures here are
  /// left to the PUT, which says what is wrong (many servers create folders on PUT anyway).
  void make_collections(const std::string& rel) {
    std::string path = m_base + percent_encode_path(rel);
    for (std::size_t pos = path.find('/', 1); pos != std::string::npos; pos = path.find('/', pos + 1)) {
      std::string dir = path.substr(0, pos + 1);
      if (!m_made.insert(dir).second) continue;
      Request req;
      req.url = m_origin + dir;
      req.method = Request::Method::custom;
      req.custom = "MKCOL";
      req.connect_timeout = std::chrono::seconds(20);
      req.timeout = std::chrono::seconds(60);
      Response r = m_session.perform(req);
      if (r.kind != ErrorKind::none) m_made.erase(dir);
    }
  }

  RemoteResult convert(const Response& r, const std::string& rel) const {
    RemoteResult res;
    std::string where = rel.empty() ? "" : "«" + rel + "»: ";
    if (r.kind == ErrorKind::none) {
      bool http = !m_ftp && !m_sftp;
      if (!http || (r.status >= 200 && r.status < 300)) return res;
      res.ok = false;
      res.kind = r.status == 401 ? ErrorKind::login : r.status == 403 ? ErrorKind::denied : ErrorKind::other;
      res.retryable = r.status == 429 || r.status >= 500 || r.status == 408;
      res.message = where + status_text_ru(r.status);
      if (r.status == 401) res.message = login_message();
      return res;
    }
    res.ok = false;
    res.kind = r.kind;
    res.retryable = r.kind == ErrorKind::timeout || r.kind == ErrorKind::transient || r.kind == ErrorKind::connect;
    switch (r.kind) {
      case ErrorKind::login: res.message = login_message(); break;
      case ErrorKind::tls:
        res.message = m_sftp ? "ключ сервера не совпадает с записью в ~/.ssh/known_hosts или отсутствует в нём; "
                               "проверьте отпечаток ключа у хостинга и добавьте его: ssh-keyscan -p ПОРТ ХОСТ >> ~/.ssh/known_hosts"
                             : "сертификат сервера не прошёл проверку или сервер не поддерживает TLS; если хостинг "
                               "использует свой сертификат, укажите его файл в NASTAVNIK_DEPLOY_CA";
        break;
      case ErrorKind::timeout: res.message = where + "сервер не ответил вовремя"; break;
      default: {
        std::string detail = describe_error_ru(r, std::chrono::milliseconds(0));
        if (r.status > 0) detail += " (ответ сервера " + std::to_string(r.status) + ")";
        res.message = where + detail;
      }
    }
    return res;
  }

  std::string login_message() const {
    std::string m = "сервер " + m_target.url.host + " не принял ";
    m += m_sftp ? "ключ или пароль пользователя «" + m_target.url.user + "»"
                : "имя пользователя «" + m_target.url.user + "» или пароль";
    m += ". Проверьте логин в адресе назначения и пароль в переменной NASTAVNIK_DEPLOY_PASSWORD или в ~/.netrc";
    if (m_sftp) m += " (ключ — в NASTAVNIK_DEPLOY_KEY или ~/.ssh/id_ed25519)";
    return m;
  }

  static Credentials session_credentials(Credentials c) {
    if (c.password.empty()) c.user.clear();  // it goes in the URL instead (see above)
    return c;
  }

  Target m_target;
  Session m_session;
  bool m_ftp = false, m_sftp = false, m_tls = false;
  std::string m_origin, m_base, m_base_decoded;
  std::set<std::string> m_made;
};

}  // namespace

std::unique_ptr<Remote> open_remote(const Target& target, const Credentials& credentials) {
  if (target.scheme == "file") return std::make_unique<FileRemote>(target.local_dir);
  return std::make_unique<CurlRemote>(target, credentials);
}

}  // namespace nastavnik::net
