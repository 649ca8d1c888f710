#include "render/mustache.hpp"

#include <mstch/mstch.hpp>

#include "util/text.hpp"

#include <mutex>
#include <vector>

namespace nastavnik::render {
namespace {

constexpr std::string_view k_code = "template.error";

/// mstch's default escape also turns '/' into "&#x2F;", which makes every URL unreadable;
/// escape the five characters that matter in text and attributes.
std::string escape_html(const std::string& s) { return util::html_escape(s); }

void configure_engine_once() {
  static std::once_flag flag;
  std::call_once(flag, [] { mstch::config::escape = escape_html; });
}

mstch::node to_node(const Context& v) {
  switch (v.type()) {
    case Context::value_t::object: {
      mstch::map m;
      for (auto it = v.begin(); it != v.end(); ++it) m.emplace(it.key(), to_node(it.value()));
      return m;
    }
    case Context::value_t::array: {
      mstch::array a;
      a.reserve(v.size());
      for (const auto& e : v) a.push_back(to_node(e));
      return a;
    }
    case Context::value_t::string: return v.get_ref<const std::string&>();
    case Context::value_t::boolean: return v.get<bool>();
    case Context::value_t::number_integer:
    case Context::value_t::number_unsigned: return static_cast<int>(v.get<long long>());
    case Context::value_t::number_float: return v.get<double>();
    default: return nullptr;
  }
}

std::string trim_tag(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

/// A light structural check, since mstch renders broken templates silently: sections must be
/// closed in order and every partial must exist.
void check_template(const std::string& file, const std::string& text,
                    const std::map<std::string, std::string>& partials, diag::Sink& sink) {
  struct Open {
    std::string name;
    int line;
  };
  std::vector<Open> stack;
  int line = 1;
  std::size_t i = 0;
  auto report = [&](int at, std::string msg, std::string hint = {}) {
    sink.report(k_code, diag::SourcePos{file, at, 0}, std::move(msg), std::move(hint));
  };
  while (i < text.size()) {
    std::size_t open = text.find("{{", i);
    if (open == std::string::npos) break;
    for (std::size_t k = i; k < open; ++k)
      if (text[k] == '\n') ++line;
    bool triple = text.compare(open, 3, "{{{") == 0;
    std::size_t close = text.find(triple ? "}}}" : "}}", open + (triple ? 3 : 2));
    if (close == std::string::npos) {
      report(line, "незакрытый тег «{{» в шаблоне", "добавьте «}}» в конце тега");
      return;
    }
    std::string tag = text.substr(open + (triple ? 3 : 2), close - open - (triple ? 3 : 2));
    for (char c : tag)
      if (c == '\n') ++line;
    i = close + (triple ? 3 : 2);
    if (triple || tag.empty()) continue;
    char kind = tag[0];
    std::string name = trim_tag(std::string_view(tag).substr(1));
    if (kind == '=') return;  // custom delimiters: not checked further
    if (kind == '#' || kind == '^') {
      stack.push_back({name, line});
    } else if (kind == '/') {
      if (stack.empty()) {
        report(line, "закрывающий тег «{{/" + name + "}}» без открывающего");
      } else if (stack.back().name != name) {
        report(line, "тег «{{/" + name + "}}» закрывает секцию «" + stack.back().name + "», открытую в строке " +
                         std::to_string(stack.back().line),
               "закрывайте секции в обратном порядке");
        stack.pop_back();
      } else {
        stack.pop_back();
      }
    } else if (kind == '>') {
      if (!partials.count(name))
        report(line, "подключаемый шаблон «" + name + "» не найден",
               "создайте layouts/partials/" + name + ".mustache или исправьте имя");
    }
  }
  for (const auto& o : stack)
    report(o.line, "секция «{{#" + o.name + "}}» не закрыта", "добавьте «{{/" + o.name + "}}»");
}

/// Names of the partials a template text includes directly ({{> name}}).
std::vector<std::string> partial_refs(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = text.find("{{>"); i != std::string::npos; i = text.find("{{>", i + 3)) {
    std::size_t close = text.find("}}", i + 3);
    if (close == std::string::npos) break;
    out.push_back(trim_tag(std::string_view(text).substr(i + 3, close - i - 3)));
  }
  return out;
}

}  // namespace

Templates::Templates(const std::map<std::string, std::string>& files, diag::Sink& sink) {
  configure_engine_once();
  constexpr std::string_view ext = ".mustache";
  constexpr std::string_view partial_dir = "partials/";
  for (const auto& [path, bytes] : files) {
    if (path.size() <= ext.size() || path.compare(path.size() - ext.size(), ext.size(), ext) != 0) continue;
    std::string stem = path.substr(0, path.size() - ext.size());
    if (stem.rfind(partial_dir, 0) == 0)
      m_partials[stem.substr(partial_dir.size())] = bytes;
    else if (stem.find('/') == std::string::npos)
      m_templates[stem] = bytes;
  }
  for (const auto& [name, text] : m_templates) check_template("layouts/" + name + ".mustache", text, m_partials, sink);
  for (const auto& [name, text] : m_templates) {
    auto& reach = m_reachable[name];
    std::vector<std::string> todo = partial_refs(text);
    while (!todo.empty()) {
      std::string p = todo.back();
      todo.pop_back();
      auto it = m_partials.find(p);
      if (it == m_partials.end() || reach.count(p)) continue;
      reach.emplace(p, it->second);
      for (auto& next : partial_refs(it->second)) todo.push_back(std::move(next));
    }
  }
  for (const auto& [name, text] : m_partials)
    check_template("layouts/partials/" + name + ".mustache", text, m_partials, sink);
}

bool Templates::has(std::string_view name) const { return m_templates.find(name) != m_templates.end(); }

std::string Templates::render(const std::string& name, const Context& ctx, diag::Sink& sink) const {
  auto it = m_templates.find(name);
  if (it == m_templates.end()) {
    sink.report(k_code, diag::SourcePos{"layouts/" + name + ".mustache", 0, 0}, "нет шаблона «" + name + "»",
                "верните файл layouts/" + name + ".mustache или удалите его переопределение");
    return {};
  }
  try {
    return mstch::render(it->second, to_node(ctx), m_reachable.find(name)->second);
  } catch (const std::exception& e) {
    sink.report(k_code, diag::SourcePos{"layouts/" + name + ".mustache", 0, 0},
                "ошибка шаблона «" + name + "»: " + e.what());
    return {};
  }
}

}  // namespace nastavnik::render
