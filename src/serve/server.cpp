#include "serve/server.hpp"

#include <httplib.h>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace nastavnik::serve {

namespace fs = std::filesystem;

namespace {

/// True when `p` is `root` or lies under it (both canonical).
bool is_within(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), re = root.end();
  auto i = p.begin(), ie = p.end();
  for (; r != re; ++r, ++i)
    if (i == ie || *r != *i) return false;
  return true;
}

/// A canonical path if it exists and stays inside the root; nullopt otherwise (with `escaped`).
std::optional<fs::path> inside(const fs::path& root, const fs::path& candidate, bool& escaped) {
  std::error_code ec;
  fs::path real = fs::canonical(candidate, ec);
  if (ec) return std::nullopt;
  if (!is_within(root, real)) {
    escaped = true;
    return std::nullopt;
  }
  return real;
}

std::string percent_encode_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool read_whole(const fs::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

/// Marks the page with the build generation it was read at, so that its script knows whether it
/// missed a rebuild; adds the script when a site's own layout left the partial out.
std::string with_live_script(std::string html, std::uint64_t generation) {
  const std::string tag = std::string("src=\"") + k_script_path + "\"";
  const std::string gen = " data-generation=\"" + std::to_string(generation) + "\"";
  if (auto at = html.find(tag); at != std::string::npos) {
    html.insert(at + tag.size(), gen);
    return html;
  }
  std::string script = "<script " + tag + gen + "></script>\n";
  if (auto body = html.rfind("</body>"); body != std::string::npos)
    html.insert(body, script);
  else
    html += script;
  return html;
}

void set_text(httplib::Response& res, int status, const std::string& text) {
  res.status = status;
  res.set_content(text, "text/plain; charset=utf-8");
}

}  // namespace

ResolvedPath resolve_request_path(const fs::path& root, const std::string& path) {
  ResolvedPath r;
  if (path.empty() || path.front() != '/' || path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos) {
    r.verdict = PathVerdict::forbidden;
    return r;
  }
  fs::path rel;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    start = end + 1;
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      r.verdict = PathVerdict::forbidden;
      return r;
    }
    if (seg.front() == '.') return r;  // hidden files, e.g. the output marker: not found
    rel /= seg;
  }
  bool escaped = false;
  auto real = inside(root, root / rel, escaped);
  if (!real) {
    r.verdict = escaped ? PathVerdict::forbidden : PathVerdict::not_found;
    return r;
  }
  std::error_code ec;
  if (fs::is_directory(*real, ec)) {
    if (path.back() != '/') {
      r.verdict = PathVerdict::redirect;
      return r;
    }
    auto index = inside(root, *real / "index.html", escaped);
    if (!index || !fs::is_regular_file(*index, ec)) {
      r.verdict = escaped ? PathVerdict::forbidden : PathVerdict::not_found;
      return r;
    }
    real = index;
  } else if (!fs::is_regular_file(*real, ec)) {
    return r;
  }
  r.verdict = PathVerdict::ok;
  r.file = *real;
  return r;
}

std::string content_type_for(const fs::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},  {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},          {".xml", "application/xml; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},  {".ics", "text/calendar; charset=utf-8"},
      {".svg", "image/svg+xml"},              {".png", "image/png"},
      {".jpg", "image/jpeg"},                 {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},                  {".webp", "image/webp"},
      {".avif", "image/avif"},                {".ico", "image/x-icon"},
      {".pdf", "application/pdf"},            {".woff2", "font/woff2"},
      {".woff", "font/woff"},                 {".zip", "application/zip"},
      {".doc", "application/msword"},         {".xls", "application/vnd.ms-excel"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {".odt", "application/vnd.oasis.opendocument.text"},
      {".ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {".mp4", "video/mp4"},                  {".webm", "video/webm"},
      {".mp3", "audio/mpeg"},
  };
  std::string ext = file.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

PreviewServer::PreviewServer(fs::path root, LiveReload& live)
    : m_root(std::move(root)), m_live(live), m_server(std::make_unique<httplib::Server>()) {
  // Every open page holds one live-reload stream, each taking a worker thread.
  m_server->new_task_queue = [] { return new httplib::ThreadPool(64); };
  m_server->set_keep_alive_timeout(1);
  m_server->set_tcp_nodelay(true);
  m_server->set_payload_max_length(64 * 1024);
  setup_routes();
}

PreviewServer::~PreviewServer() { stop(); }

int PreviewServer::bind(const std::string& host, int port) {
  if (port == 0) return m_server->bind_to_any_port(host);
  return m_server->bind_to_port(host, port) ? port : -1;
}

void PreviewServer::start() {
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
}

void PreviewServer::stop() {
  m_live.close();  // ends every live-reload stream, so that the workers can be joined
  if (m_server) m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

void PreviewServer::setup_routes() {
  m_server->set_default_headers({{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});

  m_server->Get(k_script_path, [](const httplib::Request&, httplib::Response& res) {
    res.set_content(live_reload_script(), "text/javascript; charset=utf-8");
  });

  m_server->Get(k_events_path, [this](const httplib::Request& req, httplib::Response& res) {
    struct Stream {
      bool started = false;
      std::uint64_t seen = 0;
    };
    auto stream = std::make_shared<Stream>();
    std::string since = req.has_param("since") ? req.get_param_value("since") : std::string();
    res.set_header("X-Accel-Buffering", "no");
    res.set_chunked_content_provider("text/event-stream", [this, stream, since](std::size_t, httplib::DataSink& sink) {
      std::string msg;
      if (!stream->started) {
        BuildState st = m_live.state();
        stream->started = true;
        stream->seen = st.generation;
        msg = sse_hello(st);
        // The page was read at another generation: it missed a rebuild.
        if (!since.empty() && since != std::to_string(st.generation) && !st.failed) msg += sse_message(st);
      } else {
        BuildState st = m_live.wait_change(stream->seen, std::chrono::seconds(10));
        if (m_live.closed()) {
          sink.done();
          return true;
        }
        if (st.generation != stream->seen) {
          stream->seen = st.generation;
          msg = sse_message(st);
        } else {
          msg = ": keep-alive\n\n";  // also finds out that the page was closed
        }
      }
      return sink.write(msg.data(), msg.size());
    });
  });

  m_server->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    // The generation is read before the file: a page can only be older than its mark, and then
    // its script reloads it once more, never less.
    BuildState st = m_live.state();
    if (!st.has_output) {
      res.status = 503;
      res.set_content(render_error_page(st), "text/html; charset=utf-8");
      return;
    }
    ResolvedPath r = resolve_request_path(m_root, req.path);
    switch (r.verdict) {
      case PathVerdict::forbidden: return set_text(res, 403, "403: доступ запрещён — такой путь ведёт за пределы сайта\n");
      case PathVerdict::redirect: {
        std::string target = percent_encode_path(req.path + "/");
        res.set_redirect(target, 301);
        return;
      }
      case PathVerdict::not_found: {
        std::string body;
        bool esc = false;
        if (auto page = inside(m_root, m_root / "404.html", esc); page && read_whole(*page, body)) {
          res.status = 404;
          res.set_content(with_live_script(std::move(body), st.generation), "text/html; charset=utf-8");
          return;
        }
        return set_text(res, 404, "404: страница не найдена\n");
      }
      case PathVerdict::ok: break;
    }
    std::string body;
    if (!read_whole(r.file, body)) return set_text(res, 404, "404: страница не найдена\n");
    std::string type = content_type_for(r.file);
    if (type.rfind("text/html", 0) == 0) body = with_live_script(std::move(body), st.generation);
    res.set_content(std::move(body), type);
  });

  m_server->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      if (res.status == 400) res.set_content("400: неверный запрос\n", "text/plain; charset=utf-8");
      if (res.status == 405) res.set_content("405: метод не поддерживается\n", "text/plain; charset=utf-8");
    }
  });
}

}  // namespace nastavnik::serve
