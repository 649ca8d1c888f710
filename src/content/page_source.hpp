#pragma once
// The first stage of loading one Markdown source (content/loader.cpp runs it for every file,
// in parallel): its decoded text → the front matter read into a page of its kind. A pure
// function of kind, path and text, which the load cache (content/load_cache.hpp) relies on.
#include <string>
#include <string_view>

#include "content/load_cache.hpp"
#include "diag/sink.hpp"

namespace nastavnik::content {

enum class SourceKind { landing, regulation, program, practice, news, page };

/// Fills `e.page`, `e.split`, `e.ok`, `e.slug_field` and `e.slug_pos` from `*e.text`; problems go
/// to `sink`.
void parse_source(SourceKind kind, const diag::FileName& rel, LoadedSource& e, diag::Sink& sink);

/// The load cache's key of a source's first stage: kind, path and the bytes' XXH3-128.
std::string source_key(SourceKind kind, const std::string& rel, std::string_view bytes);

}  // namespace nastavnik::content
