#include "render/html_fixups.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <unordered_map>

#include "util/bytes.hpp"
#include "util/hash.hpp"
#include "util/typography.hpp"

namespace nastavnik::render {

namespace {

/// Level of a heading tag starting at html[i] ("<h3" or "</h3"), 0 when there is none.
int heading_at(std::string_view html, std::size_t i, bool& closing) {
  std::size_t j = i + 1;
  closing = j < html.size() && html[j] == '/';
  if (closing) ++j;
  if (j + 1 >= html.size() || html[j] != 'h' || html[j + 1] < '1' || html[j + 1] > '6') return 0;
  char after = j + 2 < html.size() ? html[j + 2] : '\0';
  if (after != '>' && after != ' ') return 0;
  return html[j + 1] - '0';
}

}  // namespace

std::string demote_headings(std::string_view html, int top) {
  int shallowest = 7;
  bool closing = false;
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1))
    if (int l = heading_at(html, i, closing); l > 0) shallowest = std::min(shallowest, l);
  if (shallowest >= top) return std::string(html);
  const int shift = top - shallowest;
  std::string out(html);
  for (std::size_t i = out.find('<'); i != std::string::npos; i = out.find('<', i + 1)) {
    int l = heading_at(out, i, closing);
    if (l == 0) continue;
    out[i + (closing ? 3 : 2)] = static_cast<char>('0' + std::min(6, l + shift));
  }
  return out;
}

std::string replace_align(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  static constexpr std::string_view k_attr = " align=\"";
  std::size_t pos = 0;
  for (std::size_t at = html.find(k_attr); at != std::string_view::npos; at = html.find(k_attr, pos)) {
    std::size_t end = html.find('"', at + k_attr.size());
    if (end == std::string_view::npos) break;
    std::string_view value = html.substr(at + k_attr.size(), end - at - k_attr.size());
    out.append(html, pos, at - pos);
    if (value == "left" || value == "center" || value == "right")
      out += " class=\"align-" + std::string(value) + "\"";
    else
      out.append(html, at, end + 1 - at);
    pos = end + 1;
  }
  out.append(html, pos, std::string_view::npos);
  return out;
}

std::string label_task_checkboxes(std::string_view html) {
  static constexpr std::string_view k_done = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />";
  static constexpr std::string_view k_open = "<input type=\"checkbox\" disabled=\"\" />";
  std::string out(html);
  for (auto [from, to] : {std::pair{k_done, std::string_view("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"выполнено\" />")},
                          std::pair{k_open, std::string_view("<input type=\"checkbox\" disabled=\"\" aria-label=\"не выполнено\" />")}}) {
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  }
  return out;
}

std::string wrap_tables(std::string_view html) {
  std::string out;
  out.reserve(html.size() + 64);
  std::size_t pos = 0;
  int n = 0;
  for (std::size_t at = html.find("<table>"); at != std::string_view::npos; at = html.find("<table>", pos)) {
    std::size_t end = html.find("</table>", at);
    if (end == std::string_view::npos) break;
    end += 8;
    out.append(html, pos, at - pos);
    out += "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Таблица " + std::to_string(++n) + "\">";
    out.append(html, at, end - at);
    out += "</div>";
    pos = end;
  }
  out.append(html, pos, std::string_view::npos);
  return out;
}

std::string body_html(std::string_view html, int top) {
  // One copy; a pass whose pattern does not occur leaves it as it is (most bodies have no
  // alignment, task list or table: four copies of every body were a tenth of a rebuild).
  std::string out = demote_headings(html, top);
  if (out.find(" align=\"") != std::string::npos) out = replace_align(out);
  if (out.find("<input type=\"checkbox\"") != std::string::npos) out = label_task_checkboxes(out);
  if (out.find("<table>") != std::string::npos) out = wrap_tables(out);
  return out;
}

namespace {

/// Lower-case tag name at html[i] == '<' ("p", "/p", "!--"); empty for anything else.
std::string_view tag_name(std::string_view html, std::size_t i) {
  std::size_t j = i + 1;
  if (j < html.size() && html[j] == '/') ++j;
  std::size_t k = j;
  while (k < html.size() && ((html[k] >= 'a' && html[k] <= 'z') || (html[k] >= '0' && html[k] <= '9'))) ++k;
  return html.substr(i + 1, k - i - 1);
}

constexpr std::array<std::string_view, 9> k_raw = {"head", "script", "style", "code", "pre", "kbd", "samp", "textarea", "svg"};

/// A tag whose content is left as it is (k_raw). Its length and first letter rule out most tags
/// before the list is searched: every page has thousands of tags.
bool is_raw(std::string_view name) {
  if (name.size() < 3 || name.size() > 8) return false;
  switch (name[0]) {
    case 'h': case 's': case 'c': case 'p': case 'k': case 't': break;
    default: return false;
  }
  return std::find(k_raw.begin(), k_raw.end(), name) != k_raw.end();
}

/// Only spaces, tabs and line breaks (a plain loop: find_first_not_of with a set calls memchr for
/// each character).
bool is_blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

/// The text of a node decoded (only what our templates and cmark write), typographed and
/// encoded again.
std::string typograph_text(std::string_view text) {
  // Without '&' and '>', decoding and encoding again change nothing (typography writes neither,
  // nor '<'): the text goes straight through the typographer.
  if (util::bytes::find_any<'&', '>'>(text, 0) == text.size()) return util::typograph(text);
  std::string plain;
  plain.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_ent = {
          {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", "\u00a0"}, {"&#x27;", "'"}}};
      bool done = false;
      for (const auto& [e, c] : k_ent)
        if (text.substr(i, e.size()) == e) {
          plain += c;
          i += e.size() - 1;
          done = true;
          break;
        }
      if (done) continue;
    }
    plain += text[i];
  }
  std::string typed = util::typograph(plain);
  std::string out;
  out.reserve(typed.size() + 16);
  for (char c : typed) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

/// typograph_text with a per-thread memo: a node's result depends on its text alone, and most
/// nodes of a page's frame (menu, breadcrumbs, footer, labels) are the same on every page.
/// Bounded: cleared when full.
const std::string& typograph_text_memo(std::string_view text) {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return util::hash64(s); }  // XXH3
  };
  thread_local std::unordered_map<std::string, std::string, Hash, std::equal_to<>> memo;
  constexpr std::size_t k_max_entries = 4096, k_max_text = 512;
  thread_local std::string scratch;
  if (text.size() > k_max_text) return scratch = typograph_text(text);  // long texts rarely repeat
  if (auto it = memo.find(text); it != memo.end()) return it->second;
  if (memo.size() >= k_max_entries) memo.clear();
  return memo.emplace(std::string(text), typograph_text(text)).first->second;
}

}  // namespace

std::string typograph_html(std::string_view html) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  std::size_t pos = 0;
  while (pos < html.size()) {
    std::size_t lt = html.find('<', pos);
    std::string_view text = html.substr(pos, lt == std::string_view::npos ? std::string_view::npos : lt - pos);
    // Only runs with letters are worth the work (most runs between tags are white space).
    if (!is_blank(text))
      out += typograph_text_memo(text);
    else
      out += text;
    if (lt == std::string_view::npos) break;
    if (lt + 3 < html.size() && html[lt + 1] == '!' && html[lt + 2] == '-' && html[lt + 3] == '-') {
      std::size_t end = html.find("-->", lt);
      end = end == std::string_view::npos ? html.size() : end + 3;
      out.append(html, lt, end - lt);
      pos = end;
      continue;
    }
    std::size_t gt = html.find('>', lt);
    gt = gt == std::string_view::npos ? html.size() : gt + 1;
    out.append(html, lt, gt - lt);
    pos = gt;
    std::string_view name = tag_name(html, lt);
    if (is_raw(name)) {
      // Copy up to and including the closing tag.
      std::string close = "</" + std::string(name) + ">";
      std::size_t end = html.find(close, pos);
      end = end == std::string_view::npos ? html.size() : end + close.size();
      out.append(html, pos, end - pos);
      pos = end;
    }
  }
  return out;
}

std::string tel_href(std::string_view phone) {
  std::string out = "tel:";
  for (char c : phone)
    if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4)) out += c;
  return out;
}

}  // namespace nastavnik::render
