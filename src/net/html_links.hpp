#pragma once
// The gumbo adapter: what an HTML page links to and which fragments (#id) it offers.
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::net {

struct HtmlLink {
  std::string url;  ///< as written in the attribute (entities decoded)
  std::string attribute;  ///< "href", "src" or "srcset"
};

struct HtmlLinks {
  std::vector<HtmlLink> links;
  std::set<std::string> ids;  ///< every id="" and <a name="">
};

/// Parses an HTML document and lists its links (a/link/area href, src of media and scripts,
/// srcset candidates) and its anchors.
HtmlLinks extract_links(std::string_view html);

}  // namespace nastavnik::net
