#pragma once
// The YAML adapter: yaml-cpp is used here and nowhere else. Documents become a plain tree of
// YNode with file-absolute, 1-based, character-counted positions.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/sink.hpp"

namespace nastavnik::content {

struct YNode {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string scalar;  ///< text of a scalar
  bool quoted = false;  ///< the scalar was written in quotes (then never a date/bool/null)
  diag::SourcePos pos;
  std::vector<YNode> items;                      ///< sequence items
  std::vector<std::pair<YNode, YNode>> entries;  ///< map entries in source order (key, value)

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_seq() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }
  /// The value of a map entry whose key is the scalar `key`; nullptr when absent.
  const YNode* get(std::string_view key) const;

  // Declared here, defaulted below: clang (with libstdc++) would otherwise instantiate
  // std::pair<YNode, YNode> while YNode is still incomplete.
  YNode();
  YNode(const YNode&);
  YNode(YNode&&) noexcept;
  YNode& operator=(const YNode&);
  YNode& operator=(YNode&&) noexcept;
  ~YNode();
};

inline YNode::YNode() = default;
inline YNode::YNode(const YNode&) = default;
inline YNode::YNode(YNode&&) noexcept = default;
inline YNode& YNode::operator=(const YNode&) = default;
inline YNode& YNode::operator=(YNode&&) noexcept = default;
inline YNode::~YNode() = default;

/// Limits that keep hostile YAML (alias bombs, deep nesting) in bounded memory and time.
struct YamlLimits {
  std::size_t max_nodes = 500'000;
  int max_depth = 64;
};

/// Parses one YAML document. `text` starts at file line `first_line` (front matter starts on
/// line 2 of a .md file). Byte columns become character columns. On a syntax error reports yaml.syntax and returns nullopt. An empty
/// document gives a null node. The common front matter is read by parse_simple_yaml, the rest
/// by yaml-cpp (parse_yaml_full).
std::optional<YNode> parse_yaml(std::string_view text, const diag::FileName& file, int first_line,
                                diag::Sink& sink, const YamlLimits& limits = {});
/// parse_yaml through yaml-cpp only (tests and the fuzzer compare the two ways).
std::optional<YNode> parse_yaml_full(std::string_view text, const diag::FileName& file, int first_line,
                                     diag::Sink& sink, const YamlLimits& limits = {});
/// The common front matter without yaml-cpp (its parse was ≈ 220 ms of processor time for
/// 10,000 news): `key: value` lines at the left margin — a value a run of words, a string in
/// double quotes without escapes, or a flow list `[a, "b"]` of such — between blank and comment
/// lines. The same tree yaml-cpp gives, positions included; nothing (then yaml-cpp reads it) for
/// anything else: indentation, block lists, a comment after a value, escapes, single quotes,
/// colons, anchors, tags, nulls, empty values, repeated keys, tabs, control characters.
std::optional<YNode> parse_simple_yaml(std::string_view text, const diag::FileName& file, int first_line);

/// Every field of two trees equal, positions included (tests and the fuzzer compare
/// parse_simple_yaml with yaml-cpp by it).
bool same_yaml(const YNode& a, const YNode& b);

/// Russian name of a node's kind for messages: «строка», «список», «словарь», «пустое значение».
std::string_view kind_name_ru(const YNode& node);

/// What yaml-cpp is (util::module_identity: its build ID), for the load store's identity.
std::string yaml_library_id();

}  // namespace nastavnik::content
