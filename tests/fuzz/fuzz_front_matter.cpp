// libFuzzer target: the front-matter splitter and the YAML adapter on what it splits off. When
// the fast way reads the front matter (content::parse_simple_yaml), yaml-cpp must give the same
// tree, positions included: a difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/front_matter.hpp"
#include "content/yaml_doc.hpp"
#include "diag/sink.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto split = content::split_front_matter(text);
  if (split.has_front_matter && !split.unterminated) {
    diag::Sink sink;
    (void)content::parse_yaml(split.yaml, "content/news/a.md", split.yaml_line, sink);
    if (auto simple = content::parse_simple_yaml(split.yaml, "content/news/a.md", split.yaml_line)) {
      diag::Sink full_sink;
      auto full = content::parse_yaml_full(split.yaml, "content/news/a.md", split.yaml_line, full_sink);
      if (!full || !content::same_yaml(*simple, *full)) std::abort();
    }
  }
  return 0;
}
