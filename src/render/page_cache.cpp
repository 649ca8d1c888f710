#include "render/page_cache.hpp"

#include <sstream>

#include "util/file.hpp"
#include "util/hash.hpp"

namespace nastavnik::render {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "nastavnik pages 1\n";

void hash_json(util::Hasher& h, const Context& j) {
  using T = Context::value_t;
  h.update(static_cast<std::uint64_t>(j.type()));
  switch (j.type()) {
    case T::object:
      h.update(static_cast<std::uint64_t>(j.size()));
      for (const auto& [k, v] : j.items()) {
        h.field(k);
        hash_json(h, v);
      }
      break;
    case T::array:
      h.update(static_cast<std::uint64_t>(j.size()));
      for (const auto& v : j) hash_json(h, v);
      break;
    case T::string: {
      const auto& s = j.get_ref<const std::string&>();
      h.field(s);
      break;
    }
    case T::boolean: h.update(static_cast<std::uint64_t>(j.get<bool>())); break;
    case T::number_integer: h.update(static_cast<std::uint64_t>(j.get<std::int64_t>())); break;
    case T::number_unsigned: h.update(j.get<std::uint64_t>()); break;
    case T::number_float: h.update(j.dump()); break;
    default: break;  // null, binary, discarded: the type tag is enough
  }
}

}  // namespace

std::string read_cache_file(const fs::path& path) {
  // The writer makes only regular files: a symbolic link here was not made by a build, and a
  // file of gigabytes is not a memo (2.7 KB a page) — neither is read.
  return util::read_regular_file(path, std::uintmax_t(1) << 30, /*follow_links=*/false).bytes;
}

bool is_cache_file(std::string_view rel) { return rel == k_page_manifest || rel == k_search_memo; }

std::map<std::string, CachedPage, std::less<>> read_page_manifest(const fs::path& out_dir) {
  std::map<std::string, CachedPage, std::less<>> out;
  if (out_dir.empty()) return out;
  const std::string text = read_cache_file(out_dir / k_page_manifest);
  if (text.compare(0, kHeader.size(), kHeader) != 0) return out;
  std::istringstream in(text.substr(kHeader.size()));
  std::string line;
  while (std::getline(in, line)) {
    // <32 hex key> <size> <path>
    auto sp1 = line.find(' ');
    auto sp2 = sp1 == std::string::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp1 != 32 || sp2 == std::string::npos || sp2 + 1 >= line.size()) return {};
    CachedPage p;
    p.key = line.substr(0, 32);
    try {
      p.size = std::stoull(line.substr(sp1 + 1, sp2 - sp1 - 1));
    } catch (const std::exception&) {
      return {};
    }
    out.emplace(line.substr(sp2 + 1), std::move(p));
  }
  return out;
}

std::string format_page_manifest(const std::map<std::string, CachedPage, std::less<>>& pages) {
  std::string out(kHeader);
  for (const auto& [path, p] : pages) {
    out += p.key;
    out += ' ';
    out += std::to_string(p.size);
    out += ' ';
    out += path;
    out += '\n';
  }
  return out;
}

std::string render_identity(const std::map<std::string, std::string>& layout_files, bool typography) {
  if (util::binary_identity().empty()) return {};
  util::Hasher h;
  h.update(util::binary_identity());
  h.update(static_cast<std::uint64_t>(typography));
  h.update(static_cast<std::uint64_t>(layout_files.size()));
  for (const auto& [path, bytes] : layout_files) {
    h.field(path);
    h.field(bytes);
  }
  return h.hex();
}

std::string page_key(std::string_view identity, std::string_view tmpl, std::initializer_list<const Context*> parts,
                     std::string_view inputs) {
  util::Hasher h;
  h.update(identity);
  h.field(tmpl);
  h.update(static_cast<std::uint64_t>(parts.size()));
  for (const Context* part : parts) hash_json(h, *part);
  h.field(inputs);
  return h.hex();
}

std::string with_shared_part(std::string_view identity, const Context& shared, std::string_view shared_inputs) {
  util::Hasher h;
  h.update(identity);
  hash_json(h, shared);
  h.field(shared_inputs);
  return h.hex();
}

}  // namespace nastavnik::render
