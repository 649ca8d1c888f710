// libFuzzer target: the front-matter splitter and the YAML adapter on what it splits off.
#include <cstddef>
#include <cstdint>
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
  }
  return 0;
}
