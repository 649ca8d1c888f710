#include "diag/sink.hpp"

#include <algorithm>
#include <tuple>

#include "diag/codes.hpp"

namespace nastavnik::diag {

void Sink::set_overrides(std::map<std::string, Severity> overrides) {
  std::lock_guard lock(m_mutex);
  m_overrides = std::move(overrides);
}

void Sink::report(std::string_view code, SourcePos pos, std::string message, std::string hint) {
  std::lock_guard lock(m_mutex);
  if (m_recorder) {
    m_items.push_back(Diagnostic{default_severity(code), std::string(code), std::move(message), std::move(hint), std::move(pos)});
    return;
  }
  Severity sev = default_severity(code);
  if (auto it = m_overrides.find(std::string(code)); it != m_overrides.end()) sev = it->second;
  if (sev == Severity::off) return;
  m_items.push_back(Diagnostic{sev, std::string(code), std::move(message), std::move(hint), std::move(pos)});
}

std::vector<Diagnostic> Sink::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(m_mutex);
    out = m_items;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.file, a.pos.line, a.pos.column, a.code, a.message) <
           std::tie(b.pos.file, b.pos.line, b.pos.column, b.code, b.message);
  });
  // Parallel stages may report the same problem twice (e.g. a shared partial); keep one.
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          return a.code == b.code && a.message == b.message && a.pos.file == b.pos.file &&
                                 a.pos.line == b.pos.line && a.pos.column == b.pos.column;
                        }),
            out.end());
  return out;
}

int Sink::errors() const {
  auto all = sorted();  // counts what is printed: duplicates are merged there
  return static_cast<int>(
      std::count_if(all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int Sink::warnings() const {
  auto all = sorted();
  return static_cast<int>(
      std::count_if(all.begin(), all.end(), [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

std::vector<Diagnostic> Sink::items() const {
  std::lock_guard lock(m_mutex);
  return m_items;
}

void Sink::replay(const std::vector<Diagnostic>& items) {
  for (const auto& d : items) report(d.code, d.pos, d.message, d.hint);
}

void Sink::clear() {
  std::lock_guard lock(m_mutex);
  m_items.clear();
}

}  // namespace nastavnik::diag
