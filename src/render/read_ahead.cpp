#include "render/read_ahead.hpp"

namespace nastavnik::render {

ReadAhead::ReadAhead(std::filesystem::path previous_output, std::function<std::string()> memo_bytes, int jobs)
    : m_has_memo(static_cast<bool>(memo_bytes)),
      m_manifest(
          [dir = std::move(previous_output)] { return dir.empty() ? PageManifest() : read_page_manifest(dir); }, jobs),
      m_memo(
          [bytes = std::move(memo_bytes)] {
            Memo m{std::make_shared<SearchMemo>(), false};
            // A missing or damaged memo only means stemming every document.
            if (bytes) m.loaded = m.memo->load(bytes(), search_memo_identity());
            return m;
          },
          jobs) {}

}  // namespace nastavnik::render
