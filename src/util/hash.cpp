#include "util/hash.hpp"

#include <elf.h>
#include <link.h>
#include <xxhash.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

#include "util/file.hpp"

namespace nastavnik::util {

std::uint64_t hash64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

std::string hash_hex(std::string_view data) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::uint64_t value = hash64(data);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = k_hex[value & 0xF];
    value >>= 4;
  }
  return out;
}

Hasher::Hasher() : m_state(XXH3_createState()) { XXH3_128bits_reset(static_cast<XXH3_state_t*>(m_state)); }

Hasher::~Hasher() { XXH3_freeState(static_cast<XXH3_state_t*>(m_state)); }

void Hasher::flush() const {
  if (m_len == 0) return;
  XXH3_128bits_update(static_cast<XXH3_state_t*>(m_state), m_buf, m_len);
  m_len = 0;
}

Hasher& Hasher::update(std::string_view data) {
  if (data.size() <= sizeof m_buf - m_len) {
    if (!data.empty()) std::memcpy(m_buf + m_len, data.data(), data.size());
    m_len += data.size();
    return *this;
  }
  flush();
  if (data.size() < sizeof m_buf) {
    std::memcpy(m_buf, data.data(), data.size());
    m_len = data.size();
  } else {
    XXH3_128bits_update(static_cast<XXH3_state_t*>(m_state), data.data(), data.size());
  }
  return *this;
}

Hasher& Hasher::update(std::uint64_t value) {
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(value >> (8 * i));
  return update(std::string_view(bytes, sizeof bytes));
}

std::pair<std::uint64_t, std::uint64_t> Hasher::value() const {
  flush();
  const XXH128_hash_t h = XXH3_128bits_digest(static_cast<XXH3_state_t*>(m_state));
  return {h.high64, h.low64};
}

std::string Hasher::hex() const {
  const auto [high, low] = value();
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out(32, '0');
  const std::uint64_t parts[2] = {high, low};
  for (int p = 0; p < 2; ++p)
    for (int i = 0; i < 16; ++i) out[static_cast<std::size_t>(p * 16 + i)] = k_hex[(parts[p] >> (60 - 4 * i)) & 0xF];
  return out;
}

std::string hash_file(const std::string& path) {
  // Streamed in blocks: the binary with debug information is tens of megabytes.
  std::ifstream in(path, std::ios::binary);
  Hasher h;
  std::vector<char> block(1 << 16);
  std::uint64_t total = 0;
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    auto got = static_cast<std::size_t>(in.gcount());
    h.update(std::string_view(block.data(), got));
    total += got;
  }
  return total > 0 ? h.hex() : std::string();
}

namespace {

struct BuildIdSearch {
  std::uintptr_t address = 0;
  bool found = false;  ///< the module holding the address
  bool main_program = false;
  std::string build_id;  ///< hex; empty when the module has none
};

int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
  auto& search = *static_cast<BuildIdSearch*>(data);
  bool holds = false;
  for (int i = 0; i < info->dlpi_phnum && !holds; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    const std::uintptr_t start = info->dlpi_addr + ph.p_vaddr;
    holds = ph.p_type == PT_LOAD && search.address >= start && search.address - start < ph.p_memsz;
  }
  if (!holds) return 0;
  search.found = true;
  search.main_program = info->dlpi_name == nullptr || info->dlpi_name[0] == '\0';
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = at + ph.p_memsz;
    auto align4 = [](std::size_t n) { return (n + 3) & ~std::size_t(3); };
    while (static_cast<std::size_t>(end - at) >= sizeof(ElfW(Nhdr))) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const char* name = at + sizeof note;
      const char* desc = name + align4(note.n_namesz);
      const char* next = desc + align4(note.n_descsz);
      if (next > end || next <= at) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0 &&
          note.n_descsz >= 8) {
        static constexpr char k_hex[] = "0123456789abcdef";
        for (std::size_t k = 0; k < note.n_descsz; ++k) {
          const auto byte = static_cast<unsigned char>(desc[k]);
          search.build_id += k_hex[byte >> 4];
          search.build_id += k_hex[byte & 0xF];
        }
        return 1;
      }
      at = next;
    }
  }
  return 1;
}

}  // namespace

std::string module_identity(const void* symbol) {
  BuildIdSearch search;
  search.address = reinterpret_cast<std::uintptr_t>(symbol);
  ::dl_iterate_phdr(find_build_id, &search);
  if (!search.build_id.empty()) return "build-id:" + search.build_id;
  // No build ID (linked with --build-id=none): the file's bytes.
  if (search.found && search.main_program) return hash_file("/proc/self/exe");
  const std::string file = file_of_symbol(symbol);
  return file.empty() ? std::string() : hash_file(file);
}

const std::string& binary_identity() {
  static const std::string id = module_identity(reinterpret_cast<const void*>(&binary_identity));
  return id;
}

}  // namespace nastavnik::util
