// Parsing a Mustache template once into nodes (mustache_internal.hpp).
//
// The three steps follow mstch 1.0.2, which rendered nastavnik's pages before and stays the
// reference of tests/unit/render/mustache_diff_test.cpp: the same tokens, the same standalone
// lines and the same places for a partial's indentation, so that every page keeps its bytes.
// Where mstch departs from the Mustache spec the departure is kept and said so below; where mstch
// throws or reads out of bounds (a tag of spaces only, a delimiter change without a space) this
// parser reports a diagnostic instead.
#include <algorithm>

#include "render/mustache_internal.hpp"

namespace nastavnik::render::mustache {
namespace {

enum class Kind : std::uint8_t { text, var, raw_var, open, inverted, close, comment, partial, delimiters };

struct Token {
  Kind kind = Kind::text;
  bool eol = false;      ///< text ending with '\n' (or the empty token after a tag that ends the file)
  bool ws_only = false;  ///< text of spaces, tabs and line breaks only; never a tag
  std::uint32_t line = 1;
  std::string text;  ///< text; partial: its indentation once the line is found standalone
  std::string name;
};

constexpr std::string_view k_ws = " \r\n\t";

/// mstch trims tag names of spaces only (a tab stays part of the name).
std::size_t first_not_space(std::string_view s, std::size_t from) {
  while (from < s.size() && s[from] == ' ') ++from;
  return from;
}
std::size_t end_not_space(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0 && s[end - 1] == ' ') --end;
  return end;
}

Kind kind_of(char sigil) {
  switch (sigil) {
    case '>':
      return Kind::partial;
    case '^':
      return Kind::inverted;
    case '/':
      return Kind::close;
    case '&':
      return Kind::raw_var;
    case '#':
      return Kind::open;
    case '!':
      return Kind::comment;
    default:
      return Kind::var;
  }
}

class Lexer {
 public:
  Lexer(const Template& tmpl, std::string_view src, diag::Sink& sink) : m_tmpl(tmpl), m_src(src), m_sink(sink) {}

  std::vector<Token> run() {
    std::size_t pos = 0;
    while (pos < m_src.size()) {
      const std::size_t open = m_src.find(m_open, pos);
      std::size_t close = open == npos ? npos : m_src.find(m_close, open + 1);
      // A close delimiter overlapping the open one ("<%>" with <% %>) is no tag (mstch reads
      // out of bounds there).
      if (close != npos && close < open + m_open.size()) close = m_src.find(m_close, open + m_open.size());
      if (open == npos || close == npos) {
        if (open != npos) {  // as in mstch, the rest is text
          text(pos, open);
          report(line_at(open), "незакрытый тег «" + m_open + "» в шаблоне", "добавьте «" + m_close + "» в конце тега");
          pos = open;
        }
        text(pos, m_src.size());
        break;
      }
      if (at(open + m_open.size()) == '{' && at(close + m_close.size()) == '}') ++close;  // {{{name}}}
      text(pos, open);
      pos = close + m_close.size();
      tag(m_src.substr(open, pos - open), line_at(open));
      if (pos == m_src.size()) {
        // A tag that ends the file ends its line: mstch adds an empty end-of-line token.
        Token end;
        end.eol = end.ws_only = true;
        end.line = line_at(pos);
        m_tokens.push_back(std::move(end));
      }
    }
    return std::move(m_tokens);
  }

 private:
  static constexpr std::size_t npos = std::string_view::npos;

  char at(std::size_t i) const { return i < m_src.size() ? m_src[i] : '\0'; }

  std::uint32_t line_at(std::size_t pos) {
    for (; m_counted < pos; ++m_counted)
      if (m_src[m_counted] == '\n') ++m_line;
    return m_line;
  }

  void report(std::uint32_t line, std::string msg, std::string hint = {}) {
    m_sink.report(k_code, diag::SourcePos{m_tmpl.file, static_cast<int>(line), 0}, std::move(msg), std::move(hint));
  }

  /// Text is cut after every line break: standalone lines are found token by token.
  void text(std::size_t from, std::size_t to) {
    while (from < to) {
      const std::size_t nl = m_src.find('\n', from);
      const std::size_t end = nl == npos || nl >= to ? to : nl + 1;
      Token t;
      t.text = std::string(m_src.substr(from, end - from));
      t.eol = t.text.back() == '\n';
      t.ws_only = t.text.find_first_not_of(k_ws) == npos;
      t.line = line_at(from);
      m_tokens.push_back(std::move(t));
      from = end;
    }
  }

  void tag(std::string_view raw, std::uint32_t line) {
    const std::size_t left = m_open.size();
    const std::size_t right = m_close.size();
    const std::string_view inner = raw.substr(left, raw.size() - left - right);
    // With an empty inner part mstch compares the delimiters' own characters; so does this.
    const char first = raw[left];
    const char last = raw[raw.size() - right - 1];
    Token t;
    t.line = line;
    if (first == '=' && last == '=') {
      t.kind = Kind::delimiters;
      set_delimiters(inner, line);
    } else if (first == '{' && last == '}') {
      t.kind = Kind::raw_var;
      set_name(t, inner.substr(1, inner.size() - 2), 0, raw);
    } else {
      std::size_t p = first_not_space(inner, 0);
      t.kind = p < inner.size() ? kind_of(inner[p]) : Kind::var;
      if (t.kind != Kind::var) ++p;
      set_name(t, inner, p, raw);
    }
    m_tokens.push_back(std::move(t));
  }

  /// The name is `s` from `from`, trimmed of spaces. Spaces only after the sigil make mstch
  /// throw (a reversed string range): reported here, except in a comment, where nothing is read.
  void set_name(Token& t, std::string_view s, std::size_t from, std::string_view raw) {
    const std::size_t begin = first_not_space(s, from);
    const std::size_t end = end_not_space(s);
    if (begin <= end) {
      t.name = std::string(s.substr(begin, end - begin));
    } else if (t.kind != Kind::comment) {
      report(t.line, "пустое имя в теге «" + std::string(raw) + "»", "напишите имя переменной, секции или шаблона");
    }
  }

  /// {{=<% %>=}}: the new delimiters are the first and the last word between the '='.
  void set_delimiters(std::string_view inner, std::uint32_t line) {
    std::string_view spec = inner.size() >= 2 ? inner.substr(1, inner.size() - 2) : std::string_view{};
    spec = spec.substr(0, end_not_space(spec));
    spec.remove_prefix(std::min(first_not_space(spec, 0), spec.size()));
    const std::size_t space = spec.find(' ');
    if (space == npos) {
      report(line, "неверная смена разделителей «" + m_open + std::string(inner) + m_close + "»",
             "напишите открывающий и закрывающий разделитель через пробел: {{=<% %>=}}");
      return;
    }
    m_open = std::string(spec.substr(0, space));
    m_close = std::string(spec.substr(spec.rfind(' ') + 1));
  }

  const Template& m_tmpl;
  std::string_view m_src;
  diag::Sink& m_sink;
  std::string m_open = "{{";
  std::string m_close = "}}";
  std::vector<Token> m_tokens;
  std::size_t m_counted = 0;
  std::uint32_t m_line = 1;
};

/// mstch's standalone lines: a line whose tags are all sections, partials, comments or
/// delimiter changes and whose text is whitespace loses that whitespace and its line break.
/// Unlike the spec, mstch takes several such tags on one line as standalone too
/// ("  {{#list}}{{> card}}{{/list}}\n"). A partial preceded by whitespace on such a line keeps
/// that whitespace as its indentation.
void strip_standalone(std::vector<Token>& tokens) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  std::size_t line_begin = 0;
  bool has_tag = false;
  bool non_space = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Kind::text && t.kind != Kind::var && t.kind != Kind::raw_var)
      has_tag = true;
    else if (!t.ws_only)
      non_space = true;
    if (!t.eol) continue;
    const bool standalone = has_tag && !non_space;
    if (standalone)
      for (std::size_t j = line_begin + 1; j < i; ++j)
        if (tokens[j].kind == Kind::partial && tokens[j - 1].ws_only) tokens[j].text = tokens[j - 1].text;
    for (std::size_t j = line_begin; j <= i; ++j)
      if (!standalone || !tokens[j].ws_only) out.push_back(std::move(tokens[j]));
    has_tag = non_space = false;
    line_begin = i + 1;
  }
  for (std::size_t j = line_begin; j < tokens.size(); ++j) out.push_back(std::move(tokens[j]));
  tokens = std::move(out);
}

/// The structural check of the old adapter, now on real tokens: sections closed in order.
void check_sections(const Template& tmpl, const std::vector<Token>& tokens, diag::Sink& sink) {
  auto report = [&](std::uint32_t line, std::string msg, std::string hint = {}) {
    sink.report(k_code, diag::SourcePos{tmpl.file, static_cast<int>(line), 0}, std::move(msg), std::move(hint));
  };
  std::vector<const Token*> open;
  for (const Token& t : tokens) {
    if (t.kind == Kind::open || t.kind == Kind::inverted) {
      open.push_back(&t);
    } else if (t.kind == Kind::close) {
      if (open.empty()) {
        report(t.line, "закрывающий тег «{{/" + t.name + "}}» без открывающего");
        continue;
      }
      if (open.back()->name != t.name)
        report(t.line,
               "тег «{{/" + t.name + "}}» закрывает секцию «" + open.back()->name + "», открытую в строке " +
                   std::to_string(open.back()->line),
               "закрывайте секции в обратном порядке");
      open.pop_back();
    }
  }
  for (const Token* o : open)
    report(o->line, "секция «{{#" + o->name + "}}» не закрыта", "добавьте «{{/" + o->name + "}}»");
}

Name split_name(const std::string& name) {
  // mstch resolves "a.b.c" as (("a").b).c: the head is what remains once the last components are
  // cut off, stopping at "." itself or at a name without a dot.
  Name n;
  std::string_view rest = name;
  std::vector<std::string> tail;
  while (rest != "." && rest.find('.') != std::string_view::npos) {
    const std::size_t dot = rest.rfind('.');
    tail.emplace_back(rest.substr(dot + 1));
    rest = rest.substr(0, dot);
  }
  n.head = std::string(rest);
  n.tail.assign(std::make_move_iterator(tail.rbegin()), std::make_move_iterator(tail.rend()));
  return n;
}

/// One element of a template after stripping: a token, or the point where mstch writes the
/// including tag's indentation (before the first token and after every end of line).
struct Item {
  const Token* token;  ///< null: indentation
};

class TreeBuilder {
 public:
  TreeBuilder(Template& tmpl, bool indents, diag::Sink& sink) : m_tmpl(tmpl), m_indents(indents), m_sink(sink) {}

  void build(const std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i == 0 || tokens[i - 1].eol) m_items.push_back(Item{nullptr});
      m_items.push_back(Item{&tokens[i]});
    }
    block(0, m_items.size(), 0);
  }

 private:
  /// Emits the items [lo, hi) as mstch renders them from outside any section: a section runs to
  /// the first close tag of its name with as many opening tags as closing ones before it; an
  /// unclosed section swallows the rest of the block (Op::unclosed); a stray close tag renders
  /// nothing.
  void block(std::size_t lo, std::size_t hi, int depth) {
    bool text_open = false;  // the last node emitted in this block is text and may grow
    for (std::size_t i = lo; i < hi; ++i) {
      const Token* t = m_items[i].token;
      if (!t) {
        if (!m_indents) continue;
        emit(Op::indent, 1);
        text_open = false;
        continue;
      }
      switch (t->kind) {
        case Kind::text:
          if (t->text.empty()) break;
          if (text_open) {
            m_tmpl.nodes.back().text += t->text;
          } else {
            emit(Op::text, t->line).text = t->text;
            text_open = true;
          }
          break;
        case Kind::var:
        case Kind::raw_var:
          emit(t->kind == Kind::var ? Op::var : Op::raw_var, t->line).name = split_name(t->name);
          text_open = false;
          break;
        case Kind::partial: {
          Node& n = emit(Op::partial, t->line);
          n.text = t->text;
          n.partial_name = t->name;
          text_open = false;
          break;
        }
        case Kind::open:
        case Kind::inverted: {
          const std::size_t close = matching_close(i, hi);
          const Op op = close == hi ? Op::unclosed : t->kind == Kind::open ? Op::section : Op::inverted;
          if (depth >= k_max_depth) {
            if (!m_depth_reported)
              m_sink.report(k_code, diag::SourcePos{m_tmpl.file, static_cast<int>(t->line), 0},
                            "секции вложены глубже " + std::to_string(k_max_depth) + " уровней", "упростите шаблон");
            m_depth_reported = true;
            i = close;
            break;
          }
          const std::size_t at = m_tmpl.nodes.size();
          emit(op, t->line).name = split_name(t->name);
          block(i + 1, close, depth + 1);
          m_tmpl.nodes[at].end = static_cast<std::uint32_t>(m_tmpl.nodes.size());
          text_open = false;
          i = close;
          break;
        }
        case Kind::close:
        case Kind::comment:
        case Kind::delimiters:
          break;
      }
    }
  }

  std::size_t matching_close(std::size_t open, std::size_t hi) const {
    const std::string& name = m_items[open].token->name;
    int skipped = 0;  // mstch's counter: any close tag of another name also counts down
    for (std::size_t j = open + 1; j < hi; ++j) {
      const Token* t = m_items[j].token;
      if (!t) continue;
      if (t->kind == Kind::open || t->kind == Kind::inverted) {
        ++skipped;
      } else if (t->kind == Kind::close) {
        if (skipped == 0 && t->name == name) return j;
        --skipped;
      }
    }
    return hi;
  }

  Node& emit(Op op, std::uint32_t line) {
    Node& n = m_tmpl.nodes.emplace_back();
    n.op = op;
    n.line = line;
    return n;
  }

  Template& m_tmpl;
  bool m_indents;
  diag::Sink& m_sink;
  std::vector<Item> m_items;
  bool m_depth_reported = false;
};

}  // namespace

void parse(Template& tmpl, std::string_view text, bool indents, diag::Sink& sink) {
  std::vector<Token> tokens = Lexer(tmpl, text, sink).run();
  check_sections(tmpl, tokens, sink);
  strip_standalone(tokens);
  tmpl.nodes.clear();
  TreeBuilder(tmpl, indents, sink).build(tokens);
}

}  // namespace nastavnik::render::mustache
