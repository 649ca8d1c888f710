#include "util/hash.hpp"

#include <xxhash.h>

#include <cstring>
#include <fstream>
#include <vector>

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

std::string Hasher::hex() const {
  flush();
  XXH128_hash_t h = XXH3_128bits_digest(static_cast<XXH3_state_t*>(m_state));
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out(32, '0');
  std::uint64_t parts[2] = {h.high64, h.low64};
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

const std::string& binary_identity() {
  // Unreadable (no /proc): empty, and the caches are off.
  static const std::string id = hash_file("/proc/self/exe");
  return id;
}

}  // namespace nastavnik::util
