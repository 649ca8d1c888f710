#include "net/url.hpp"

#include <cctype>

namespace nastavnik::net {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<Url> parse_url(std::string_view text) {
  auto colon = text.find("://");
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  Url u;
  u.scheme = lower(text.substr(0, colon));
  for (char c : u.scheme)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return std::nullopt;
  std::string_view rest = text.substr(colon + 3);
  auto hash = rest.find('#');
  if (hash != std::string_view::npos) {
    u.fragment = std::string(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  auto qm = rest.find('?');
  if (qm != std::string_view::npos) {
    u.query = std::string(rest.substr(qm + 1));
    rest = rest.substr(0, qm);
  }
  auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) u.path = std::string(rest.substr(slash));
  auto at = authority.rfind('@');
  if (at != std::string_view::npos) {
    std::string_view info = authority.substr(0, at);
    authority = authority.substr(at + 1);
    auto c = info.find(':');
    u.user = percent_decode(info.substr(0, c));
    if (c != std::string_view::npos) {
      u.password = percent_decode(info.substr(c + 1));
      u.has_password = true;
    }
  }
  if (!authority.empty() && authority.front() == '[') {  // IPv6 literal
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    u.host = lower(authority.substr(0, close + 1));
    if (close + 1 < authority.size() && authority[close + 1] == ':') u.port = std::string(authority.substr(close + 2));
  } else {
    auto c = authority.rfind(':');
    u.host = lower(authority.substr(0, c));
    if (c != std::string_view::npos) u.port = std::string(authority.substr(c + 1));
  }
  for (char c : u.port)
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  if (u.host.empty() && u.scheme != "file") return std::nullopt;
  return u;
}

std::string redact_url(std::string_view text) {
  auto colon = text.find("://");
  if (colon == std::string_view::npos) return std::string(text);
  std::size_t start = colon + 3;
  std::size_t end = text.find_first_of("/?#", start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view authority = text.substr(start, end - start);
  auto at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(text);
  std::string_view info = authority.substr(0, at);
  auto c = info.find(':');
  std::string out(text.substr(0, start));
  out += info.substr(0, c);
  out += text.substr(start + at);
  return out;
}

std::string without_userinfo(const Url& url) {
  std::string out = url.scheme + "://" + url.host;
  if (!url.port.empty()) out += ":" + url.port;
  out += url.path;
  return out;
}

std::string host_key(const Url& url) {
  std::string port = url.port;
  if (port.empty()) port = url.scheme == "https" ? "443" : url.scheme == "http" ? "80" : "";
  return url.host + ":" + port;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string percent_encode_path(std::string_view path) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(k_hex[c >> 4]);
      out.push_back(k_hex[c & 15]);
    }
  }
  return out;
}

}  // namespace nastavnik::net
