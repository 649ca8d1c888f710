// Rendering parsed templates straight from nlohmann::json (mustache_internal.hpp). No context is
// converted or copied: the context stack holds pointers into the caller's value.
//
// Values behave as they did through the old adapter's JSON → mstch conversion: null, false, 0,
// 0.0, "" and [] are false; an object (even {}) is true; integers are rendered as a C++ `int`
// (the conversion was `static_cast<int>`), floating-point numbers as `ostream << double` does
// (%g, six digits). `{{x}}` escapes & < > " ' as util::html_escape, which the old adapter had
// installed as mstch's escape function (mstch's own also escapes '/').
#include <charconv>

#include "render/mustache_internal.hpp"
#include "util/text.hpp"

namespace nastavnik::render::mustache {
namespace {

using Json = nlohmann::json;

/// mstch pushes an empty value for the body of an inverted section: `{{.}}` there renders "".
const Json k_null;

bool is_false(const Json& v) {
  switch (v.type()) {
    case Json::value_t::boolean:
      return !v.get<bool>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return static_cast<int>(v.get<long long>()) == 0;
    case Json::value_t::number_float:
      return v.get<double>() == 0;
    case Json::value_t::string:
      return v.get_ref<const std::string&>().empty();
    case Json::value_t::array:
      return v.empty();
    case Json::value_t::object:
      return false;
    default:
      return true;  // null, discarded, binary: the old conversion made them null
  }
}

void append_escaped(std::string& out, std::string_view s) { util::append_html_escaped(out, s); }

void append_value(std::string& out, const Json& v, bool escape) {
  char buf[64];
  switch (v.type()) {
    case Json::value_t::string: {
      const auto& s = v.get_ref<const std::string&>();
      if (escape)
        append_escaped(out, s);
      else
        out += s;
      return;
    }
    case Json::value_t::boolean:
      out += v.get<bool>() ? "true" : "false";
      return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
      const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<int>(v.get<long long>()));
      out.append(buf, r.ptr);
      return;
    }
    case Json::value_t::number_float: {
      // to_chars(general, 6) is printf's %g in the "C" locale, as `std::ostream << double`.
      const auto r = std::to_chars(buf, buf + sizeof buf, v.get<double>(), std::chars_format::general, 6);
      out.append(buf, r.ptr);
      return;
    }
    default:
      return;  // objects, arrays and null render nothing
  }
}

class Renderer {
 public:
  Renderer(std::string& out, diag::Sink& sink) : m_out(out), m_sink(sink) { m_stack.reserve(16); }

  bool run(const Template& t, const Json& root) {
    m_root = &t;
    m_stack.push_back(&root);
    block(t, 0, static_cast<std::uint32_t>(t.nodes.size()), {});
    return !m_failed;
  }

 private:
  void block(const Template& t, std::uint32_t i, std::uint32_t end, std::string_view indent) {
    while (i < end && !m_failed) {
      const Node& n = t.nodes[i];
      switch (n.op) {
        case Op::text:
          m_out += n.text;
          break;
        case Op::indent:
          m_out += indent;
          break;
        case Op::var:
        case Op::raw_var:
          if (const Json* v = lookup(n.name)) append_value(m_out, *v, n.op == Op::var);
          break;
        case Op::section: {
          const Json* v = lookup(n.name);
          if (v && !is_false(*v) && enter(t, n)) {
            if (v->is_array()) {
              for (const Json& item : *v) body(t, i, n.end, indent, item);
            } else {
              body(t, i, n.end, indent, *v);
            }
            --m_depth;
          }
          i = n.end;
          continue;
        }
        case Op::inverted: {
          const Json* v = lookup(n.name);
          if ((!v || is_false(*v)) && enter(t, n)) {
            body(t, i, n.end, indent, k_null);
            --m_depth;
          }
          i = n.end;
          continue;
        }
        case Op::unclosed:
          i = n.end;
          continue;
        case Op::partial:
          // A partial has its own indentation only: mstch does not add the enclosing one.
          if (n.partial && enter(t, n)) {
            block(*n.partial, 0, static_cast<std::uint32_t>(n.partial->nodes.size()), n.text);
            --m_depth;
          }
          break;
      }
      ++i;
    }
  }

  void body(const Template& t, std::uint32_t section, std::uint32_t end, std::string_view indent, const Json& ctx) {
    m_stack.push_back(&ctx);
    block(t, section + 1, end, indent);
    m_stack.pop_back();
  }

  /// Counts one level of sections and partials; past the limit the render stops with a diagnostic.
  bool enter(const Template& t, const Node& n) {
    if (++m_depth <= k_max_depth) return true;
    --m_depth;
    m_failed = true;
    if (m_root->depth_reported.exchange(true)) return false;
    std::string what = n.op == Op::partial ? "«{{> " + n.partial_name + "}}»" : "секций";
    m_sink.report(k_code, diag::SourcePos{t.file, static_cast<int>(n.line), 0},
                  "вложенность секций и подключаемых шаблонов глубже " + std::to_string(k_max_depth) + " уровней у " +
                      what + ": шаблон подключает сам себя?",
                  "рекурсия в шаблонах должна заканчиваться: проверьте секцию вокруг «{{>»");
    return false;
  }

  /// mstch's lookup: the head through the stack from the innermost context (an object that has
  /// the key; "." matches any context that is not an object), then each tail part in that value.
  const Json* lookup(const Name& name) const {
    const Json* v = nullptr;
    for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it) {
      const Json& c = **it;
      if (c.is_object()) {
        const auto& obj = c.get_ref<const Json::object_t&>();
        if (auto f = obj.find(name.head); f != obj.end()) {
          v = &f->second;
          break;
        }
      } else if (name.head == ".") {
        v = &c;
        break;
      }
    }
    for (const std::string& part : name.tail) {
      if (!v || !v->is_object()) return nullptr;
      const auto& obj = v->get_ref<const Json::object_t&>();
      const auto f = obj.find(part);
      v = f == obj.end() ? nullptr : &f->second;
    }
    return v;
  }

  std::string& m_out;
  diag::Sink& m_sink;
  std::vector<const Json*> m_stack;
  const Template* m_root = nullptr;
  int m_depth = 0;
  bool m_failed = false;
};

}  // namespace

bool render(const Template& t, const Json& root, std::string& out, diag::Sink& sink) {
  return Renderer(out, sink).run(t, root);
}

}  // namespace nastavnik::render::mustache
