#pragma once
// Shared body of the data-file fuzz targets: parse the input as YAML the way the loader stage
// does (limits included) and hand the tree to one loader. Nothing may crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/rules.hpp"
#include "config/site_config.hpp"
#include "content/link_map.hpp"
#include "content/loaders.hpp"
#include "content/yaml_doc.hpp"
#include "diag/sink.hpp"
#include "model/site.hpp"

namespace nastavnik::fuzz {

template <class Model, class Loader>
int run_data_loader(const std::uint8_t* data, std::size_t size, const char* rel, Loader&& load) {
  static const std::filesystem::path root = "/nonexistent-nastavnik-fuzz-site";
  std::string_view text(reinterpret_cast<const char*>(data), size);
  diag::Sink sink;
  auto doc = content::parse_yaml(text, rel, 1, sink);
  if (!doc) return 0;
  config::SiteConfig cfg;
  model::BuildOptions options;
  options.now = util::Date{2026, 11, 20};
  content::LinkMap links;
  content::LoadContext ctx{root, cfg, options, links, sink};
  Model out;
  load(*doc, out, ctx);
  return 0;
}

}  // namespace nastavnik::fuzz
