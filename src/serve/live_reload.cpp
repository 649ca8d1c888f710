#include "serve/live_reload.hpp"

#include "util/text.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

#include "diag/printer.hpp"
#include "util/utf8.hpp"

namespace nastavnik::serve {

void LiveReload::publish_ok(bool changed) {
  {
    std::lock_guard lock(m_mutex);
    bool first = !m_state.has_output;
    bool was_failed = m_state.failed;
    m_state.has_output = true;
    m_state.failed = false;
    m_state.errors_html.clear();
    m_state.errors_summary.clear();
    if (!(changed || first || was_failed)) return;
    ++m_state.generation;
  }
  m_cv.notify_all();
}

void LiveReload::publish_errors(std::string errors_html, std::string summary) {
  {
    std::lock_guard lock(m_mutex);
    if (m_state.failed && m_state.errors_html == errors_html) return;  // the same errors again
    m_state.failed = true;
    m_state.errors_html = std::move(errors_html);
    m_state.errors_summary = std::move(summary);
    ++m_state.generation;
  }
  m_cv.notify_all();
}

void LiveReload::close() {
  {
    std::lock_guard lock(m_mutex);
    m_closed = true;
  }
  m_cv.notify_all();
}

BuildState LiveReload::state() const {
  std::lock_guard lock(m_mutex);
  return m_state;
}

bool LiveReload::closed() const {
  std::lock_guard lock(m_mutex);
  return m_closed;
}

BuildState LiveReload::wait_change(std::uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(m_mutex);
  m_cv.wait_for(lock, timeout, [&] { return m_closed || m_state.generation != seen; });
  return m_state;
}

namespace {

std::string event(const char* name, const std::string& data) {
  return std::string("event: ") + name + "\ndata: " + data + "\n\n";
}

std::string errors_event(const BuildState& s) {
  nlohmann::json j = {{"generation", s.generation}, {"summary", s.errors_summary}, {"html", s.errors_html}};
  return event("errors", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

/// The 1-based line `line` of a file without its end of line; empty when unreadable or too long.
std::string source_line(const std::filesystem::path& file, int line) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  for (int n = 1; in && std::getline(in, text); ++n) {
    if (n != line) continue;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (n == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    return text.size() > 400 || !util::utf8_valid(text) ? std::string() : text;
  }
  return {};
}

}  // namespace

std::string sse_message(const BuildState& s) {
  if (s.failed) return errors_event(s);
  return event("reload", std::to_string(s.generation));
}

std::string sse_hello(const BuildState& s) {
  std::string out = "retry: 500\n" + event("hello", std::to_string(s.generation));
  if (s.failed) out += errors_event(s);
  return out;
}

std::string render_error_box(const std::vector<diag::Diagnostic>& items, const std::filesystem::path& site_dir,
                             const std::string& summary) {
  std::string out =
      "<div id=\"nastavnik-overlay\" role=\"alertdialog\" aria-modal=\"true\" aria-labelledby=\"nastavnik-overlay-title\" "
      "style=\"position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.55);overflow:auto;padding:2rem 1rem;"
      "font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;text-align:left\">"
      "<div style=\"max-width:60rem;margin:0 auto;background:#fff;color:#1b1b1b;border-top:.4rem solid #b71c1c;"
      "border-radius:.4rem;padding:1.25rem 1.5rem;box-shadow:0 .5rem 2rem rgba(0,0,0,.4)\">"
      "<h2 id=\"nastavnik-overlay-title\" style=\"margin:0 0 .5rem;font-size:1.35rem;color:#b71c1c\">Сайт не собран: " +
      util::html_escape(summary) +
      "</h2><p style=\"margin:0 0 1rem\">Исправьте ошибки и сохраните файл — страница обновится сама. "
      "Под этим окном — последняя удачная сборка.</p><ol style=\"margin:0;padding-left:1.5rem\">";
  int warnings = 0;
  for (const auto& d : items) {
    if (d.severity != diag::Severity::error) {
      ++warnings;
      continue;
    }
    out += "<li style=\"margin:0 0 1rem\"><div><code style=\"font-weight:bold\">" + util::html_escape(d.pos.file.str());
    if (d.pos.line > 0) out += ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column);
    out += "</code> <span style=\"color:#b71c1c;font-weight:bold\">ошибка</span> <code style=\"color:#555\">[" +
           util::html_escape(d.code) + "]</code></div><div>" + util::html_escape(d.message) + "</div>";
    std::string line = d.pos.line > 0 ? source_line(site_dir / d.pos.file.str(), d.pos.line) : std::string();
    if (!line.empty()) {
      std::string num = std::to_string(d.pos.line);
      std::string caret = std::string(num.size() + 1, ' ') + "| ";
      std::u32string u = util::to_u32(line);
      for (int i = 1; i < d.pos.column && i - 1 < static_cast<int>(u.size()); ++i) caret += u[i - 1] == U'\t' ? '\t' : ' ';
      out += "<pre style=\"margin:.4rem 0;padding:.5rem .75rem;background:#f6f6f6;border-radius:.25rem;overflow:auto;"
             "font:14px/1.4 ui-monospace,'DejaVu Sans Mono',monospace\">" +
             util::html_escape(num + " | " + line) + "\n" + util::html_escape(caret) +
             "<span style=\"color:#b71c1c;font-weight:bold\">^</span></pre>";
    }
    if (!d.hint.empty())
      out += "<div style=\"color:#1b5e20\"><strong>Подсказка:</strong> " + util::html_escape(d.hint) + "</div>";
    out += "</li>";
  }
  out += "</ol>";
  if (warnings > 0)
    out += "<p style=\"margin:.5rem 0 0;color:#555\">Предупреждения (" + std::to_string(warnings) +
           ") выведены в окне терминала, где запущен nastavnik serve.</p>";
  out += "<p style=\"margin:1rem 0 0\"><button type=\"button\" data-nastavnik-close "
         "style=\"font:inherit;padding:.3rem .9rem\">Скрыть</button></p></div></div>";
  return out;
}

std::string render_error_page(const BuildState& state) {
  return "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Сайт не собран — nastavnik serve</title></head><body>"
         "<noscript>" +
         state.errors_html + "</noscript><main><h1>Сайт пока не собран</h1><p>" +
         util::html_escape(state.errors_summary) +
         "</p></main>"
         "<script src=\"" +
         std::string(k_script_path) + "\" data-generation=\"" + std::to_string(state.generation) +
         "\"></script></body></html>\n";
}

const std::string& live_reload_script() {
  static const std::string script = R"JS(// nastavnik serve: live reload and the error overlay. Only in serve mode.
(function () {
  'use strict';
  if (window.__nastavnikLive || !window.EventSource) return;
  var me = document.currentScript;
  var since = me && me.getAttribute('data-generation');
  var state = window.__nastavnikLive = { connected: false, generation: since, events: 0 };
  function hide() {
    var old = document.getElementById('nastavnik-overlay');
    if (old) old.parentNode.removeChild(old);
  }
  function show(html) {
    hide();
    var holder = document.createElement('div');
    holder.innerHTML = html;  // built and escaped by nastavnik itself
    var box = holder.firstChild;
    document.body.appendChild(box);
    var close = box.querySelector('[data-nastavnik-close]');
    if (close) { close.addEventListener('click', hide); close.focus(); }
  }
  var url = '/__nastavnik/events' + (since !== null && since !== undefined ? '?since=' + encodeURIComponent(since) : '');
  var source = new EventSource(url);
  source.addEventListener('hello', function () { state.connected = true; });
  source.addEventListener('reload', function () {
    state.events++;
    source.close();
    location.reload();
  });
  source.addEventListener('errors', function (e) {
    state.events++;
    var data = JSON.parse(e.data);
    state.generation = data.generation;
    show(data.html);
  });
  source.onerror = function () { state.connected = false; };
})();
)JS";
  return script;
}

}  // namespace nastavnik::serve
