#pragma once
// Reading a source file of the site: size limit, BOM, UTF-8 check, CRLF → LF.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "diag/sink.hpp"
#include "util/file.hpp"

namespace nastavnik::content {

/// Larger files are refused with a diagnostic instead of being parsed.
constexpr std::uintmax_t k_max_source_bytes = 64ull * 1024 * 1024;

/// Reads `root/rel`. Reports utf8.invalid (with the line and column of the first bad byte) or
/// an I/O problem and returns nullopt. The text has no BOM and '\n' line ends.
std::optional<std::string> read_source(const std::filesystem::path& root, const std::string& rel, diag::Sink& sink);

/// read_source in two steps, for callers that look at the bytes first (the load cache): the
/// bytes as stored (I/O problems and the size limit reported), then BOM, UTF-8 and line ends.
/// `stamp`, when given, gets the file's stamp as of the read (util::FileStamp).
std::optional<std::string> read_raw_source(const std::filesystem::path& root, const std::string& rel, diag::Sink& sink,
                                           util::FileStamp* stamp = nullptr);
std::optional<std::string> normalize_source(const std::string& rel, std::string bytes, diag::Sink& sink);

}  // namespace nastavnik::content
