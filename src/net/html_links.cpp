#include "net/html_links.hpp"

#include <gumbo.h>

#include <cctype>
#include <memory>

namespace nastavnik::net {

namespace {

struct OutputDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

std::string_view attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? std::string_view(a->value) : std::string_view{};
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

void add_srcset(std::string_view value, HtmlLinks& out) {
  // "a.png 1x, b.png 2x": each candidate is a URL followed by an optional descriptor.
  std::size_t pos = 0;
  while (pos < value.size()) {
    std::size_t comma = value.find(',', pos);
    std::string candidate = trim(value.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    auto sp = candidate.find_first_of(" \t\n");
    if (!candidate.empty()) out.links.push_back({candidate.substr(0, sp), "srcset"});
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
}

void visit(const GumboNode* node, HtmlLinks& out) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboElement& e = node->v.element;
  if (auto id = attr(e, "id"); !id.empty()) out.ids.emplace(id);
  switch (e.tag) {
    case GUMBO_TAG_A:
      if (auto name = attr(e, "name"); !name.empty()) out.ids.emplace(name);
      [[fallthrough]];
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_AREA:
      if (const GumboAttribute* a = gumbo_get_attribute(&e.attributes, "href")) out.links.push_back({trim(a->value), "href"});
      break;
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_EMBED:
      if (const GumboAttribute* a = gumbo_get_attribute(&e.attributes, "src")) out.links.push_back({trim(a->value), "src"});
      if (auto set = attr(e, "srcset"); !set.empty()) add_srcset(set, out);
      break;
    default: break;
  }
  for (unsigned i = 0; i < e.children.length; ++i) visit(static_cast<const GumboNode*>(e.children.data[i]), out);
}

}  // namespace

HtmlLinks extract_links(std::string_view html) {
  HtmlLinks out;
  std::unique_ptr<GumboOutput, OutputDeleter> doc(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  if (doc) visit(doc->root, out);
  return out;
}

}  // namespace nastavnik::net
