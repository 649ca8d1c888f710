// libFuzzer target: the Markdown adapter (cmark-gfm, typography, link rewriting, withheld
// sections), safe mode and unsafe mode by the first byte.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/markdown.hpp"
#include "diag/sink.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  if (size == 0) return 0;
  content::MarkdownOptions mo;
  mo.unsafe_html = data[0] & 1;
  mo.typography = data[0] & 2;
  if (data[0] & 4) mo.withhold_heading = [](std::string_view h) { return h.find("Итог") != std::string_view::npos; };
  mo.resolve_link = [](std::string_view url, const diag::SourcePos&) -> std::optional<std::string> {
    if (url.size() % 2) return std::string("../x/") + std::string(url.substr(0, 8));
    return std::nullopt;
  };
  diag::Sink sink;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  (void)content::render_markdown(text, "content/news/a.md", 5, mo, sink);
  return 0;
}
