#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/positions.hpp"
#include "util/date.hpp"

namespace nastavnik::model {

enum class DocLevel { federal, regional, municipal, local, methodical };

struct Signature {
  std::string signer, position, datetime, key;  ///< datetime as written: 2022-11-07T10:15:00
};

struct Document {
  std::string title;
  DocLevel level = DocLevel::local;
  std::string number;
  std::optional<util::Date> date;
  std::string url;   ///< external link, may be empty
  std::string file;  ///< "files/…" relative to content/, may be empty
  std::string kind;  ///< regulation_order | roadmap | curator_order | pairs_order | other | ""
  std::optional<Signature> signature;
  std::uint64_t file_size = 0;  ///< bytes, when `file` exists
  std::string file_format;      ///< upper-case extension: PDF, DOCX, …
  Positions pos;
};

struct Documents {
  bool present = false;
  std::string source = "content/documents.yaml";
  std::vector<Document> items;
};

}  // namespace nastavnik::model
