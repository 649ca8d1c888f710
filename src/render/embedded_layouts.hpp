#pragma once
// The default layouts/ and assets compiled into the binary (generated file).
#include <string_view>
#include <vector>

namespace nastavnik::render {

struct EmbeddedFile {
  std::string_view path;  ///< relative to layouts/, e.g. "base.mustache", "assets/style.css"
  std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_layouts();

}  // namespace nastavnik::render
