#pragma once
// Lexical path handling for links and `file:` fields. Everything works on '/'-separated
// relative paths; nothing here touches the file system.
#include <optional>
#include <string>
#include <string_view>

namespace nastavnik::util {

enum class PathProblem { none, absolute, escapes, nul_byte, backslash, too_long, empty };

/// Joins `base_dir` (relative, e.g. "content/news") with `rel` and removes "." and "..";
/// returns nullopt with *problem set when the result would leave the root, or when `rel` is
/// absolute, holds a NUL byte or a backslash, or a component is over 255 bytes.
std::optional<std::string> join_relative(std::string_view base_dir, std::string_view rel,
                                         PathProblem* problem = nullptr);
/// Russian text for a problem, e.g. «путь выходит за пределы папки сайта».
std::string_view describe(PathProblem p);
/// Directory part of a relative path ("content/news/a.md" → "content/news").
std::string parent_dir(std::string_view rel);
/// The URL path `to` (site-root-relative, e.g. "praktiki/a/") written relative to the page at
/// `from` ("novosti/b/"): "../../praktiki/a/". Both use '/' and end with '/' for directories.
std::string relative_url(std::string_view from_dir, std::string_view to);
/// "../" repeated once per directory level of `page_dir` ("novosti/b/" → "../../").
std::string root_prefix(std::string_view page_dir);

}  // namespace nastavnik::util
