#pragma once
// What a single build's render stage will read from the previous build, read ahead: the page
// manifest of the previous output, and the search index's saved memo, read and decoded. The
// pipeline begins both when the build starts, on tasks of low priority (util::Background) that
// run while the site loads one stage at a time; the render stage takes them when it gets there.
// At 10,000 pages: 3 ms and 8 ms that were on the rebuild's path.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "render/page_cache.hpp"
#include "render/search_index.hpp"
#include "util/background.hpp"

namespace nastavnik::render {

using PageManifest = std::map<std::string, CachedPage, std::less<>>;

class ReadAhead {
 public:
  struct Memo {
    std::shared_ptr<SearchMemo> memo;  ///< never null
    bool loaded = false;               ///< SearchMemo::load's answer
  };
  /// The manifest of `previous_output` (none when empty), and the memo whose bytes `memo_bytes`
  /// gives (none when it is empty). `jobs` as util::Background's.
  ReadAhead(std::filesystem::path previous_output, std::function<std::string()> memo_bytes, int jobs);
  /// The manifest as read_page_manifest gives it; waits for it.
  PageManifest& manifest() { return m_manifest.get(); }
  /// The memo, loaded under search_memo_identity(); waits for it. Null memo_bytes: an empty memo.
  Memo& memo() { return m_memo.get(); }
  bool has_memo() const { return m_has_memo; }

 private:
  bool m_has_memo;
  util::Background<PageManifest> m_manifest;
  util::Background<Memo> m_memo;
};

}  // namespace nastavnik::render
