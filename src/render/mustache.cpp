#include "render/mustache.hpp"

#include <algorithm>

#include "render/mustache_internal.hpp"

namespace nastavnik::render {

using mustache::k_code;
using mustache::Node;
using mustache::Op;
using mustache::Template;

struct Templates::Library {
  std::map<std::string, Template, std::less<>> templates;
  std::map<std::string, Template, std::less<>> partials;
};

namespace {

void report(diag::Sink& sink, const Template& t, std::uint32_t line, std::string msg, std::string hint) {
  sink.report(k_code, diag::SourcePos{t.file, static_cast<int>(line), 0}, std::move(msg), std::move(hint));
}

/// Points every {{> name}} at its partial; an unknown one renders nothing, as in mstch.
void resolve(Template& t, const std::map<std::string, Template, std::less<>>& partials, diag::Sink& sink) {
  for (Node& n : t.nodes) {
    if (n.op != Op::partial) continue;
    auto it = partials.find(n.partial_name);
    if (it != partials.end()) {
      n.partial = &it->second;
    } else {
      report(sink, t, n.line, "подключаемый шаблон «" + n.partial_name + "» не найден",
             "создайте layouts/partials/" + n.partial_name + ".mustache или исправьте имя");
    }
  }
}

/// Partials that include one another outside any section recurse forever whatever the data: such
/// a cycle is reported where it closes, and that inclusion is cut so that rendering stays finite.
/// (Inside a section a recursion may end with the data, e.g. a tree; the render's depth limit
/// catches the ones that do not.)
class CycleCheck {
 public:
  CycleCheck(std::map<std::string, Template, std::less<>>& partials, diag::Sink& sink)
      : m_partials(partials), m_sink(sink) {}

  void run() {
    for (auto& [name, t] : m_partials) visit(name, t);
  }

 private:
  enum class Mark { none, active, done };

  void visit(const std::string& name, Template& t) {
    Mark& mark = m_marks[&t];
    if (mark != Mark::none) return;
    mark = Mark::active;
    m_path.push_back(name);
    for (std::uint32_t i = 0; i < t.nodes.size();) {
      Node& n = t.nodes[i];
      if (n.op == Op::section || n.op == Op::inverted || n.op == Op::unclosed) {
        i = n.end;
        continue;
      }
      ++i;
      if (n.op != Op::partial || !n.partial) continue;
      Template& target = m_partials.find(n.partial_name)->second;
      if (m_marks[&target] == Mark::active) {
        cycle(t, n);
        n.partial = nullptr;
      } else {
        visit(n.partial_name, target);
      }
    }
    m_path.pop_back();
    m_marks[&t] = Mark::done;
  }

  void cycle(const Template& t, const Node& n) {
    auto from = std::find(m_path.begin(), m_path.end(), n.partial_name);
    std::string chain;
    for (auto it = from; it != m_path.end(); ++it) chain += "«" + *it + "» → ";
    chain += "«" + n.partial_name + "»";
    std::string msg = from + 1 == m_path.end() ? "подключаемый шаблон «" + n.partial_name + "» подключает сам себя"
                                               : "подключаемые шаблоны подключают друг друга по кругу: " + chain;
    report(m_sink, t, n.line, std::move(msg) + " — такая страница никогда не закончится",
           "уберите «{{> " + n.partial_name + "}}» или поставьте его внутрь секции, которая заканчивает рекурсию");
  }

  std::map<std::string, Template, std::less<>>& m_partials;
  diag::Sink& m_sink;
  std::map<const Template*, Mark> m_marks;
  std::vector<std::string> m_path;
};

}  // namespace

Templates::Templates(const std::map<std::string, std::string>& files, diag::Sink& sink) {
  auto lib = std::make_shared<Library>();
  constexpr std::string_view ext = ".mustache";
  constexpr std::string_view partial_dir = "partials/";
  for (const auto& [path, bytes] : files) {
    if (path.size() <= ext.size() || path.compare(path.size() - ext.size(), ext.size(), ext) != 0) continue;
    std::string stem = path.substr(0, path.size() - ext.size());
    const bool is_partial = stem.rfind(partial_dir, 0) == 0;
    if (!is_partial && stem.find('/') != std::string::npos) continue;
    auto& map = is_partial ? lib->partials : lib->templates;
    auto [it, added] = map.try_emplace(is_partial ? stem.substr(partial_dir.size()) : stem);
    it->second.file = "layouts/" + path;
    mustache::parse(it->second, bytes, is_partial, sink);
  }
  for (auto& [name, t] : lib->templates) resolve(t, lib->partials, sink);
  for (auto& [name, t] : lib->partials) resolve(t, lib->partials, sink);
  CycleCheck(lib->partials, sink).run();
  m_lib = std::move(lib);
}

bool Templates::has(std::string_view name) const { return m_lib->templates.find(name) != m_lib->templates.end(); }

std::string Templates::render(const std::string& name, const Context& ctx, diag::Sink& sink) const {
  auto it = m_lib->templates.find(name);
  if (it == m_lib->templates.end()) {
    sink.report(k_code, diag::SourcePos{"layouts/" + name + ".mustache", 0, 0}, "нет шаблона «" + name + "»",
                "верните файл layouts/" + name + ".mustache или удалите его переопределение");
    return {};
  }
  const Template& t = it->second;
  std::string out;
  const std::size_t hint = t.size_hint.load(std::memory_order_relaxed);
  out.reserve(hint ? hint + hint / 4 : 16 * 1024);
  try {
    if (!mustache::render(t, ctx, out, sink)) return {};
  } catch (const std::exception& e) {
    sink.report(k_code, diag::SourcePos{t.file, 0, 0}, "ошибка шаблона «" + name + "»: " + e.what());
    return {};
  }
  t.size_hint.store(out.size(), std::memory_order_relaxed);
  return out;
}

}  // namespace nastavnik::render
