#include "net/transfer.hpp"

#include <curl/curl.h>
#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <stdexcept>
#include <type_traits>

namespace nastavnik::net {

namespace {

/// libcurl, opened when the first transfer needs it: `build`, `check` and `serve` never load it,
/// nor the thirty libraries it brings (TLS, SSH, Kerberos, LDAP…), which were 3.5 ms of every
/// start. The functions this file calls, and nothing else.
struct Curl {
  CURLcode (*global_init)(long);
  CURL* (*easy_init)();
  void (*easy_cleanup)(CURL*);
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_perform)(CURL*);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  const char* (*easy_strerror)(CURLcode);
  void (*easy_reset)(CURL*);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
  CURLM* (*multi_init)();
  CURLMcode (*multi_add_handle)(CURLM*, CURL*);
  CURLMcode (*multi_remove_handle)(CURLM*, CURL*);
  CURLMcode (*multi_perform)(CURLM*, int*);
  CURLMcode (*multi_poll)(CURLM*, curl_waitfd[], unsigned int, int, int*);
  CURLMsg* (*multi_info_read)(CURLM*, int*);
  CURLMcode (*multi_cleanup)(CURLM*);
  time_t (*getdate)(const char*, const time_t*);
};

/// Opened once, with every function found, or an exception with a Russian reason (the command
/// reports it and exits 2).
const Curl& lib() {
  static const Curl* const curl = []() -> const Curl* {
    void* so = ::dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!so) return nullptr;
    auto* c = new Curl();  // never freed, as the library is never closed
    bool all = true;
    auto find = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(::dlsym(so, name));
      all = all && fn != nullptr;
    };
    find(c->global_init, "curl_global_init");
    find(c->easy_init, "curl_easy_init");
    find(c->easy_cleanup, "curl_easy_cleanup");
    find(c->easy_setopt, "curl_easy_setopt");
    find(c->easy_perform, "curl_easy_perform");
    find(c->easy_getinfo, "curl_easy_getinfo");
    find(c->easy_strerror, "curl_easy_strerror");
    find(c->easy_reset, "curl_easy_reset");
    find(c->slist_append, "curl_slist_append");
    find(c->slist_free_all, "curl_slist_free_all");
    find(c->multi_init, "curl_multi_init");
    find(c->multi_add_handle, "curl_multi_add_handle");
    find(c->multi_remove_handle, "curl_multi_remove_handle");
    find(c->multi_perform, "curl_multi_perform");
    find(c->multi_poll, "curl_multi_poll");
    find(c->multi_info_read, "curl_multi_info_read");
    find(c->multi_cleanup, "curl_multi_cleanup");
    find(c->getdate, "curl_getdate");
    return all ? c : nullptr;
  }();
  if (!curl)
    throw std::runtime_error(
        "не удалось загрузить библиотеку libcurl (libcurl.so.4), без неё нет выгрузки и проверки внешних ссылок. "
        "Установите её: sudo apt install libcurl4");
  return *curl;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { lib().global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
  void operator()(CURL* h) const { lib().easy_cleanup(h); }
};
using EasyPtr = std::unique_ptr<CURL, EasyDeleter>;

struct MultiDeleter {
  void operator()(CURLM* m) const { lib().multi_cleanup(m); }
};
using MultiPtr = std::unique_ptr<CURLM, MultiDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* l) const { lib().slist_free_all(l); }
};
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

EasyPtr make_easy() {
  global_init();
  EasyPtr h(lib().easy_init());
  if (!h) throw std::bad_alloc();
  return h;
}

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// Per-transfer state the callbacks write into.
struct Transfer {
  Request request;
  Response response;
  std::vector<long> statuses;  ///< every HTTP status line seen
  std::size_t read_pos = 0;
  bool body_aborted = false;
  SlistPtr quote, post_quote;
  char errbuf[CURL_ERROR_SIZE] = {};
};

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * n);
  if (iequals_prefix(line, "HTTP/")) {
    auto sp = line.find(' ');
    if (sp != std::string_view::npos) {
      long code = std::strtol(std::string(line.substr(sp + 1, 3)).c_str(), nullptr, 10);
      t->statuses.push_back(code);
    }
    t->response.retry_after.reset();
  } else if (iequals_prefix(line, "retry-after:")) {
    t->response.retry_after = parse_retry_after(trim(line.substr(12)));
  }
  return size * n;
}

std::size_t on_write(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::size_t len = size * n;
  if (t->request.status_only) {
    t->body_aborted = true;
    return 0;  // the status is known; the body is not needed
  }
  if (t->request.capture_body) {
    if (t->response.body.size() + len > t->request.max_body) return 0;
    t->response.body.append(data, len);
  }
  return len;
}

std::size_t on_read(char* buffer, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::size_t left = t->request.body.size() - t->read_pos;
  std::size_t len = std::min(left, size * n);
  std::memcpy(buffer, t->request.body.data() + t->read_pos, len);
  t->read_pos += len;
  return len;
}

int on_seek(void* user, curl_off_t offset, int origin) {
  auto* t = static_cast<Transfer*>(user);
  if (origin != SEEK_SET || offset < 0 || static_cast<std::size_t>(offset) > t->request.body.size())
    return CURL_SEEKFUNC_CANTSEEK;
  t->read_pos = static_cast<std::size_t>(offset);
  return CURL_SEEKFUNC_OK;
}

void configure(CURL* h, Transfer& t, const Credentials& c) {
  const Request& r = t.request;
  lib().easy_setopt(h, CURLOPT_URL, r.url.c_str());
  lib().easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  lib().easy_setopt(h, CURLOPT_ERRORBUFFER, t.errbuf);
  lib().easy_setopt(h, CURLOPT_USERAGENT, "nastavnik/" NASTAVNIK_VERSION);
  lib().easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  lib().easy_setopt(h, CURLOPT_HEADERDATA, &t);
  lib().easy_setopt(h, CURLOPT_WRITEFUNCTION, on_write);
  lib().easy_setopt(h, CURLOPT_WRITEDATA, &t);
  lib().easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https,ftp,ftps,sftp");
  lib().easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  switch (r.method) {
    case Request::Method::head: lib().easy_setopt(h, CURLOPT_NOBODY, 1L); break;
    case Request::Method::get: lib().easy_setopt(h, CURLOPT_HTTPGET, 1L); break;
    case Request::Method::put:
      lib().easy_setopt(h, CURLOPT_UPLOAD, 1L);
      lib().easy_setopt(h, CURLOPT_READFUNCTION, on_read);
      lib().easy_setopt(h, CURLOPT_READDATA, &t);
      lib().easy_setopt(h, CURLOPT_SEEKFUNCTION, on_seek);
      lib().easy_setopt(h, CURLOPT_SEEKDATA, &t);
      lib().easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
      break;
    case Request::Method::custom: lib().easy_setopt(h, CURLOPT_CUSTOMREQUEST, r.custom.c_str()); break;
  }
  if (r.no_body) lib().easy_setopt(h, CURLOPT_NOBODY, 1L);
  if (r.follow_redirects) {
    lib().easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    lib().easy_setopt(h, CURLOPT_MAXREDIRS, 10L);
  }
  if (r.timeout.count() > 0) lib().easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout.count()));
  if (r.connect_timeout.count() > 0)
    lib().easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.connect_timeout.count()));
  if (r.create_dirs) lib().easy_setopt(h, CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR_RETRY));
  if (r.require_tls) lib().easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!r.quote.empty()) {
    curl_slist* list = nullptr;
    for (const auto& q : r.quote) list = lib().slist_append(list, q.c_str());
    t.quote.reset(list);
    lib().easy_setopt(h, CURLOPT_QUOTE, list);
  }
  if (!r.post_quote.empty()) {
    curl_slist* list = nullptr;
    for (const auto& q : r.post_quote) list = lib().slist_append(list, q.c_str());
    t.post_quote.reset(list);
    lib().easy_setopt(h, CURLOPT_POSTQUOTE, list);
  }
  if (!c.user.empty()) lib().easy_setopt(h, CURLOPT_USERNAME, c.user.c_str());
  if (!c.password.empty()) {
    lib().easy_setopt(h, CURLOPT_PASSWORD, c.password.c_str());
    lib().easy_setopt(h, CURLOPT_KEYPASSWD, c.password.c_str());
  } else if (c.netrc) {
    lib().easy_setopt(h, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
  }
  // Basic, sent up front: hostings' WebDAV uses it over https, and probing for Digest would
  // double every request.
  if (!c.user.empty() || !c.password.empty() || c.netrc) lib().easy_setopt(h, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
  if (!c.ssh_key.empty()) lib().easy_setopt(h, CURLOPT_SSH_PRIVATE_KEYFILE, c.ssh_key.c_str());
  lib().easy_setopt(h, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PUBLICKEY | CURLSSH_AUTH_PASSWORD));
  if (!c.ca_file.empty()) lib().easy_setopt(h, CURLOPT_CAINFO, c.ca_file.c_str());
  if (c.insecure) {
    lib().easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
    lib().easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
  } else if (!c.known_hosts.empty()) {
    lib().easy_setopt(h, CURLOPT_SSH_KNOWNHOSTS, c.known_hosts.c_str());
  }
}

ErrorKind classify(CURLcode code, long status) {
  switch (code) {
    case CURLE_OK: return ErrorKind::none;
    case CURLE_OPERATION_TIMEDOUT: return ErrorKind::timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return ErrorKind::dns;
    case CURLE_COULDNT_CONNECT: return ErrorKind::connect;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_USE_SSL_FAILED: return ErrorKind::tls;
    case CURLE_LOGIN_DENIED: return ErrorKind::login;
    case CURLE_REMOTE_FILE_NOT_FOUND: return ErrorKind::not_found;
    case CURLE_REMOTE_ACCESS_DENIED: return ErrorKind::denied;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_FTP_ACCEPT_TIMEOUT:
    case CURLE_FTP_CANT_GET_HOST:
    case CURLE_FTP_WEIRD_PASV_REPLY:
    case CURLE_FTP_WEIRD_227_FORMAT:
    case CURLE_FTP_PORT_FAILED:
    case CURLE_AGAIN:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return ErrorKind::transient;
    case CURLE_UPLOAD_FAILED:
    case CURLE_QUOTE_ERROR:
    case CURLE_FTP_COULDNT_RETR_FILE:
      return status >= 400 && status < 500 ? ErrorKind::transient : ErrorKind::other;
    default: return ErrorKind::other;
  }
}

void finish(CURL* h, Transfer& t, CURLcode code) {
  Response& r = t.response;
  long status = 0;
  lib().easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  r.status = status;
  if (code == CURLE_WRITE_ERROR && t.body_aborted) code = CURLE_OK;
  r.kind = classify(code, status);
  if (r.kind != ErrorKind::none) r.error = t.errbuf[0] ? t.errbuf : lib().easy_strerror(code);
  char* url = nullptr;
  lib().easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &url);
  if (url) r.final_url = url;
  curl_off_t sent = 0;
  lib().easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &sent);
  r.bytes_sent = static_cast<std::uint64_t>(sent);
  for (std::size_t i = 0; i + 1 < t.statuses.size(); ++i)
    if (t.statuses[i] >= 300 && t.statuses[i] < 400) r.redirects.push_back(t.statuses[i]);
}

}  // namespace

std::string status_text_ru(long status) {
  static const std::map<long, const char*> k_texts = {
      {200, "OK"},
      {301, "Перемещено навсегда"},
      {302, "Временно перемещено"},
      {303, "Смотрите другой адрес"},
      {307, "Временное перенаправление"},
      {308, "Постоянное перенаправление"},
      {400, "Неверный запрос"},
      {401, "Требуется авторизация"},
      {403, "Доступ запрещён"},
      {404, "Не найдено"},
      {405, "Метод не разрешён"},
      {406, "Неприемлемо"},
      {408, "Тайм-аут запроса"},
      {410, "Удалено навсегда"},
      {429, "Слишком много запросов"},
      {451, "Недоступно по юридическим причинам"},
      {500, "Внутренняя ошибка сервера"},
      {501, "Не реализовано"},
      {502, "Ошибка шлюза"},
      {503, "Сервис недоступен"},
      {504, "Шлюз не отвечает"},
  };
  auto it = k_texts.find(status);
  if (it != k_texts.end()) return std::to_string(status) + " " + it->second;
  if (status >= 500) return std::to_string(status) + " Ошибка сервера";
  if (status >= 400) return std::to_string(status) + " Ошибка запроса";
  return std::to_string(status);
}

std::string describe_error_ru(const Response& r, std::chrono::milliseconds timeout) {
  switch (r.kind) {
    case ErrorKind::none: return status_text_ru(r.status);
    case ErrorKind::timeout: {
      auto ms = timeout.count();
      std::string secs = std::to_string(ms / 1000);
      if (ms % 1000) secs += "," + std::to_string((ms % 1000) / 100);
      return "тайм-аут " + secs + " с";
    }
    case ErrorKind::dns: return "не удалось найти сервер";
    case ErrorKind::connect: return "не удалось подключиться к серверу";
    case ErrorKind::tls: return "ошибка защищённого соединения (TLS): сертификат или ключ сервера не прошёл проверку";
    case ErrorKind::login: return "сервер не принял имя пользователя, пароль или ключ";
    case ErrorKind::not_found: return "файл не найден на сервере";
    case ErrorKind::denied: return "доступ запрещён";
    case ErrorKind::transient: return "соединение прервано";
    case ErrorKind::other: break;
  }
  return "ошибка передачи";
}

std::optional<long> parse_retry_after(std::string_view value) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return 86400L;
    return std::stol(std::string(value));
  }
  // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT"
  std::time_t when = lib().getdate(std::string(value).c_str(), nullptr);
  if (when < 0) return std::nullopt;
  long delta = static_cast<long>(when - std::time(nullptr));
  return std::max(0L, delta);
}

// ---- Session ----

struct Session::Impl {
  Credentials credentials;
  EasyPtr easy;
};

Session::Session(Credentials credentials) : m_impl(std::make_unique<Impl>()) {
  m_impl->credentials = std::move(credentials);
  m_impl->easy = make_easy();
}

Session::~Session() = default;

Response Session::perform(const Request& request) {
  CURL* h = m_impl->easy.get();
  lib().easy_reset(h);  // keeps the open connection for the next transfer
  Transfer t;
  t.request = request;
  configure(h, t, m_impl->credentials);
  CURLcode code = lib().easy_perform(h);
  finish(h, t, code);
  return std::move(t.response);
}

// ---- Multi ----

struct Multi::Impl {
  struct Item {
    std::uint64_t id = 0;
    EasyPtr easy;
    Transfer transfer;
  };
  MultiPtr multi;
  std::map<CURL*, std::unique_ptr<Item>> items;
  Credentials none;
};

Multi::Multi() : m_impl(std::make_unique<Impl>()) {
  global_init();
  m_impl->multi.reset(lib().multi_init());
  if (!m_impl->multi) throw std::bad_alloc();
  m_impl->none.netrc = false;
}

Multi::~Multi() {
  for (auto& [h, item] : m_impl->items) lib().multi_remove_handle(m_impl->multi.get(), h);
}

void Multi::add(std::uint64_t id, const Request& request) {
  auto item = std::make_unique<Impl::Item>();
  item->id = id;
  item->easy = make_easy();
  item->transfer.request = request;
  configure(item->easy.get(), item->transfer, m_impl->none);
  CURL* h = item->easy.get();
  lib().multi_add_handle(m_impl->multi.get(), h);
  m_impl->items.emplace(h, std::move(item));
}

std::size_t Multi::running() const { return m_impl->items.size(); }

std::vector<std::pair<std::uint64_t, Response>> Multi::poll(std::chrono::milliseconds wait) {
  std::vector<std::pair<std::uint64_t, Response>> done;
  CURLM* m = m_impl->multi.get();
  int still = 0;
  lib().multi_perform(m, &still);
  auto collect = [&] {
    int left = 0;
    while (CURLMsg* msg = lib().multi_info_read(m, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* h = msg->easy_handle;
      CURLcode code = msg->data.result;
      auto it = m_impl->items.find(h);
      if (it == m_impl->items.end()) continue;
      finish(h, it->second->transfer, code);
      lib().multi_remove_handle(m, h);
      done.emplace_back(it->second->id, std::move(it->second->transfer.response));
      m_impl->items.erase(it);
    }
  };
  collect();
  if (done.empty() && !m_impl->items.empty()) {
    lib().multi_poll(m, nullptr, 0, static_cast<int>(wait.count()), nullptr);
    lib().multi_perform(m, &still);
    collect();
  }
  return done;
}

}  // namespace nastavnik::net
