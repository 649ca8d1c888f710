#pragma once
// The incremental page cache. A page's HTML is a pure function of its template set, its context
// and the binary that renders it, so the key is a 128-bit hash of exactly those. The previous
// build leaves a manifest (key, size, path per page) inside its output; a page whose key and
// file size are unchanged is not rendered again: the writer keeps the old file (a hard link, so
// its timestamp stays). Nothing else is trusted: a changed layout, site.yaml value, neighbour
// title or nav entry changes the context or the template hash, and so the key.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "render/mustache.hpp"

namespace nastavnik::render {

/// The manifest's file name inside the output folder (hidden: not served, not deployed).
inline constexpr const char* k_page_manifest = ".nastavnik-pages";
/// The search index's memo beside it (render/search_index.hpp: SearchMemo::save): only what the
/// public index holds anyway, so that the next build stems only changed documents.
inline constexpr const char* k_search_memo = ".nastavnik-search";
/// A build keeps the previous memo file as it is while it lacks at most this many of the build's
/// documents (stemmed again, each time, until a build saves the memo) and holds at most this
/// many gone ones; beyond that it saves its own.
inline constexpr std::size_t k_memo_slack = 64;
/// One of the two above: bookkeeping of the build, not part of the site (deploy skips them,
/// serve hides every dot file).
bool is_cache_file(std::string_view rel);

/// The bytes of one of the cache files above, read at once; empty when it is missing, is not a
/// regular file (a symbolic link is not followed), is over 1 GiB or cannot be read.
std::string read_cache_file(const std::filesystem::path& path);

struct CachedPage {
  std::string key;
  std::uintmax_t size = 0;
};

/// path → entry. Empty when the file is missing, from another format version, or damaged.
std::map<std::string, CachedPage, std::less<>> read_page_manifest(const std::filesystem::path& out_dir);

std::string format_page_manifest(const std::map<std::string, CachedPage, std::less<>>& pages);

/// Hash of everything page-independent that shapes a page: the rendering binary itself (its build
/// ID, util::binary_identity), every layout file, and the flags applied after templating. Empty
/// when the binary's identity is unknown (then nothing may be reused).
std::string render_identity(const std::map<std::string, std::string>& layout_files, bool typography);

/// The key of one page: identity + template name + context. The context may be given in the
/// parts it is assembled from (the page's context is exactly the parts merged, later parts
/// winning), so that a reused page is never assembled; a part shared by every page (the
/// site-wide keys) goes into the identity once: render_identity's result + hash of that part.
/// A part may also be given by the bytes of everything it is a pure function of (`inputs`:
/// the page frame's own fields; what it takes from the site is in the identity).
std::string page_key(std::string_view identity, std::string_view tmpl, std::initializer_list<const Context*> parts,
                     std::string_view inputs = {});
/// identity + a part shared by every page's context + the bytes of the site-wide inputs of a
/// part given by its inputs.
std::string with_shared_part(std::string_view identity, const Context& shared, std::string_view shared_inputs = {});

}  // namespace nastavnik::render
