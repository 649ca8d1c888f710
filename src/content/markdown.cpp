#include "content/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/slug.hpp"
#include "util/text.hpp"
#include "util/typography.hpp"
#include "util/utf8.hpp"

namespace nastavnik::content {

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
struct CharDeleter {
  void operator()(char* s) const { std::free(s); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

void ensure_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::string_view type_string(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? std::string_view(s) : std::string_view();
}

bool is_text_block(cmark_node* n) {
  auto t = cmark_node_get_type(n);
  if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) return true;
  return type_string(n) == "table_cell";
}

/// Maps cmark's body-relative byte positions to file-absolute character positions.
class Positioner {
 public:
  Positioner(std::string_view text, const diag::FileName& file, int first_line)
      : m_text(text), m_file(file), m_first_line(first_line) {
    m_starts.push_back(0);
    // memchr: a byte loop here was 7 instructions a byte of every body.
    for (const char* p = text.data(), *end = text.data() + text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;)
      m_starts.push_back(static_cast<std::size_t>(++p - text.data()));
  }
  diag::SourcePos at(int line, int byte_col) const {
    if (line <= 0) return {m_file, m_first_line, 1};
    int column = std::max(1, byte_col);
    std::size_t idx = static_cast<std::size_t>(line - 1);
    if (idx < m_starts.size()) {
      // Linear in the distance from the previous position on the same line: a line of 100,000
      // inline nodes must not cost 100,000 scans of the line.
      std::size_t start = m_starts[idx];
      std::size_t end = idx + 1 < m_starts.size() ? m_starts[idx + 1] - 1 : m_text.size();
      std::size_t byte = std::min(static_cast<std::size_t>(column - 1), end - start);
      if (m_memo_line != idx || m_memo_byte > byte) {
        m_memo_line = idx;
        m_memo_byte = 0;
        m_memo_chars = 0;
      }
      std::string_view step = m_text.substr(start + m_memo_byte, byte - m_memo_byte);
      m_memo_chars += util::utf8_column(step, step.size()) - 1;
      m_memo_byte = byte;
      column = m_memo_chars + 1;
    }
    return {m_file, m_first_line + line - 1, column};
  }
  diag::SourcePos of(cmark_node* n) const {
    // Inline nodes may lack positions: fall back to the nearest ancestor that has one.
    for (cmark_node* cur = n; cur; cur = cmark_node_parent(cur)) {
      int line = cmark_node_get_start_line(cur);
      if (line > 0) return at(line, cmark_node_get_start_column(cur));
    }
    return {m_file, m_first_line, 1};
  }

 private:
  std::string_view m_text;
  const diag::FileName m_file;  // the caller's, interned once: every position of the body shares it
  int m_first_line;
  std::vector<std::size_t> m_starts;
  mutable std::size_t m_memo_line = static_cast<std::size_t>(-1), m_memo_byte = 0;
  mutable int m_memo_chars = 0;
};

void append_plain(cmark_node* node, std::string& out) {
  IterPtr it(cmark_iter_new(node));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(it.get());
    auto t = cmark_node_get_type(cur);
    if (ev != CMARK_EVENT_ENTER) continue;
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
      if (const char* lit = cmark_node_get_literal(cur)) out += lit;
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
}

std::string plain_of(cmark_node* node) {
  std::string s;
  append_plain(node, s);
  return s;
}

}  // namespace

bool is_dangerous_url(std::string_view url) {
  std::string lower;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= ' ') continue;  // browsers ignore whitespace and controls
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower.size() > 16) break;
  }
  for (std::string_view bad : {"javascript:", "vbscript:", "data:", "file:"})
    if (lower.rfind(bad, 0) == 0) return true;
  return false;
}

bool is_external_url(std::string_view url) {
  if (url.rfind("//", 0) == 0) return true;
  for (std::size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i > 0;
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  return false;
}

model::Body render_markdown(std::string_view text, const diag::FileName& file, int first_line,
                            const MarkdownOptions& options, diag::Sink& sink) {
  ensure_extensions();
  model::Body body;
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  NodePtr doc;
  // Block structure is parsed in parallel; the inline pass is not. cmark-gfm keeps the extensions'
  // special characters ('~' of strikethrough, …) in a global table that cmark_parser_finish fills
  // before parsing inlines and clears after: two finishes at once race, and one of them silently
  // loses strikethrough (found by the byte-identical test). The table cannot be left filled:
  // strikethrough's delimiter processing needs the extension's own character list, and an
  // extension without one loops forever (measured with cmark-gfm 0.29.0.gfm.6).
  cmark_parser_feed(parser.get(), text.data(), text.size());
  {
    static std::mutex finish_mutex;
    std::lock_guard lock(finish_mutex);
    doc.reset(cmark_parser_finish(parser.get()));
  }
  if (!doc) return body;
  Positioner positions(text, file, first_line);

  // 1. Collect what validation needs and what must change, without mutating while iterating.
  std::vector<cmark_node*> raw_html, links, headings, text_blocks, texts;
  {
    IterPtr it(cmark_iter_new(doc.get()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(it.get());
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE: raw_html.push_back(n); break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: links.push_back(n); break;
        case CMARK_NODE_HEADING: headings.push_back(n); break;
        case CMARK_NODE_TEXT: texts.push_back(n); break;
        default: break;
      }
      if (is_text_block(n)) text_blocks.push_back(n);
    }
  }

  // 2. Raw HTML is dropped unless the site allows it.
  if (!options.unsafe_html) {
    for (cmark_node* n : raw_html) {
      const char* lit = cmark_node_get_literal(n);
      std::string snippet = util::trim(lit ? lit : "");
      if (snippet.size() > 40) snippet = snippet.substr(0, 40) + "…";
      // only whitespace-only comments and blank blocks are harmless
      sink.report("markup.raw-html", positions.of(n), "HTML-код в тексте удалён из страницы: «" + snippet + "»",
                  "Используйте разметку Markdown (например, **жирный**, [ссылка](адрес)); если HTML нужен, "
                  "включите markup.unsafe_html в site.yaml.");
    }
  }

  // 3. Links: dangerous schemes are neutralised, content links rewritten.
  for (cmark_node* n : links) {
    const char* u = cmark_node_get_url(n);
    std::string url = u ? u : "";
    if (is_dangerous_url(url)) {
      cmark_node_set_url(n, "");
      continue;
    }
    if (options.resolve_link) {
      if (auto href = options.resolve_link(url, positions.of(n))) cmark_node_set_url(n, href->c_str());
    }
  }

  // 4. Headings: anchors, and result sections withheld until the programme or case ends.
  std::vector<std::string> used_ids;
  std::vector<cmark_node*> to_remove;
  // Whether `n` is in a withheld section: it or a node above it is to be removed.
  auto inside_removed = [&](cmark_node* n) {
    for (cmark_node* p = n; p; p = cmark_node_parent(p))
      if (std::find(to_remove.begin(), to_remove.end(), p) != to_remove.end()) return true;
    return false;
  };
  std::vector<model::TextBlock> withheld_blocks;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    cmark_node* h = headings[i];
    model::Heading heading;
    heading.level = cmark_node_get_heading_level(h);
    heading.text = util::trim(plain_of(h));
    heading.pos = positions.of(h);
    std::string id = util::slugify(heading.text);
    if (id.empty()) id = "razdel";
    std::string unique = id;
    for (int k = 2; std::find(used_ids.begin(), used_ids.end(), unique) != used_ids.end(); ++k)
      unique = id + "-" + std::to_string(k);
    used_ids.push_back(unique);
    heading.id = unique;
    body.headings.push_back(std::move(heading));
  }
  if (options.withhold_heading) {
    for (std::size_t i = 0; i < headings.size(); ++i) {
      if (body.headings[i].withheld || !options.withhold_heading(body.headings[i].text)) continue;
      // Only top-level headings start sections we can cut cleanly.
      if (cmark_node_parent(headings[i]) != doc.get()) continue;
      int level = body.headings[i].level;
      body.has_withheld = true;
      for (cmark_node* cur = headings[i]; cur; cur = cmark_node_next(cur)) {
        if (cur != headings[i] && cmark_node_get_type(cur) == CMARK_NODE_HEADING &&
            cmark_node_get_heading_level(cur) <= level)
          break;
        to_remove.push_back(cur);
        for (std::size_t j = i; j < headings.size(); ++j)
          if (headings[j] == cur) body.headings[j].withheld = true;
      }
      // nested headings inside the removed range
      for (std::size_t j = i + 1; j < headings.size(); ++j)
        if (inside_removed(headings[j])) body.headings[j].withheld = true;
    }
  }

  // The leak scan reads every text block (model::TextBlock). Those of withheld sections are
  // copied now, as written; the published ones are places in the plain text, made with it below.
  if (!to_remove.empty()) {
    for (cmark_node* b : text_blocks) {
      if (!inside_removed(b)) continue;
      std::string t = plain_of(b);
      if (!util::trim(t).empty()) withheld_blocks.push_back({.text = std::move(t), .pos = positions.of(b)});
    }
  }

  // 5. Typography on text only (never code, URLs or attributes), one typographer per block.
  if (options.typography) {
    cmark_node* current_block = nullptr;
    util::Typographer typo;
    for (cmark_node* t : texts) {
      cmark_node* block = t;
      while (block && (cmark_node_get_type(block) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
        block = cmark_node_parent(block);
      if (block != current_block) {
        current_block = block;
        typo = util::Typographer();
      }
      const char* lit = cmark_node_get_literal(t);
      if (!lit) continue;
      const std::string_view before(lit);
      const std::string out = typo.apply(before);
      if (out != before) cmark_node_set_literal(t, out.c_str());  // most runs come out unchanged
    }
  }

  // Mutations last: raw HTML and withheld nodes leave the tree.
  if (!options.unsafe_html)
    for (cmark_node* n : raw_html) {
      if (inside_removed(n)) continue;  // freed with its section
      cmark_node_unlink(n);
      cmark_node_free(n);
    }
  for (cmark_node* n : to_remove) {
    cmark_node_unlink(n);
    cmark_node_free(n);
  }

  // 6. Render. Raw HTML left in the tree is wanted (unsafe_html), so render unsafely.
  std::unique_ptr<char, CharDeleter> html(
      cmark_render_html(doc.get(), CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser.get())));
  std::string rendered = html ? html.get() : "";

  // Heading anchors: cmark writes headings as a bare "<hN>"; add ids in document order.
  std::vector<const model::Heading*> kept;
  for (const auto& h : body.headings)
    if (!h.withheld) kept.push_back(&h);
  std::string with_ids;
  with_ids.reserve(rendered.size() + kept.size() * 24);
  std::size_t pos = 0, k = 0;
  while (k < kept.size()) {
    std::string open = "<h" + std::to_string(kept[k]->level) + ">";
    std::size_t at = rendered.find(open, pos);
    if (at == std::string::npos) break;
    with_ids.append(rendered, pos, at - pos);
    with_ids += "<h" + std::to_string(kept[k]->level) + " id=\"" + kept[k]->id + "\">";
    pos = at + open.size();
    ++k;
  }
  with_ids.append(rendered, pos, std::string::npos);
  body.html = std::move(with_ids);

  // Plain text of what is published, block by block; each block, for the leak scan, is its
  // place in it (the words are the same as written: typography changes only what separates
  // them, and names are matched by words).
  {
    std::string plain;
    IterPtr it(cmark_iter_new(doc.get()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(it.get());
      if (is_text_block(n)) {
        if (!plain.empty()) plain += '\n';
        const std::size_t at = plain.size();
        append_plain(n, plain);
        if (!util::trim(std::string_view(plain).substr(at)).empty())
          body.blocks.push_back({.text = {}, .in_plain = true, .at = at, .size = plain.size() - at, .pos = positions.of(n)});
      }
    }
    body.set_plain(std::move(plain));
  }
  for (auto& b : withheld_blocks) body.blocks.push_back(std::move(b));
  return body;
}

std::vector<std::string> markdown_library_ids() {
  return {util::module_identity(reinterpret_cast<const void*>(&cmark_parser_new)),
          util::module_identity(reinterpret_cast<const void*>(&cmark_gfm_core_extensions_ensure_registered))};
}

}  // namespace nastavnik::content
