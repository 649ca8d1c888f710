#pragma once
// Internal to content/: one reader per kind of source file.
#include <filesystem>
#include <string>

#include "content/field_reader.hpp"
#include "content/link_map.hpp"
#include "content/yaml_doc.hpp"
#include "model/site.hpp"

namespace nastavnik::content {

/// Everything a data-file loader needs to render Markdown fields and resolve links.
struct LoadContext {
  const std::filesystem::path& root;
  const config::SiteConfig& config;
  const model::BuildOptions& options;
  const LinkMap& links;
  diag::Sink& sink;
};

/// Renders a Markdown string field (roadmap `details`) written at `pos` of a data file.
model::Body render_field_markdown(const std::string& text, const diag::SourcePos& pos, const std::string& page_url,
                                  const LoadContext& ctx);

void load_roadmap(const YNode& doc, model::Roadmap& out, const LoadContext& ctx);
void load_bank(const YNode& doc, model::Bank& out, const LoadContext& ctx);
void load_documents(const YNode& doc, model::Documents& out, const LoadContext& ctx);
void load_monitoring(const YNode& doc, model::Monitoring& out, const LoadContext& ctx);

/// Reads an `approved: {order, date, by}` mapping.
std::optional<model::Approval> read_approval(FieldReader& r, std::string_view where, diag::Sink& sink);

/// Checks a `file:` field (relative to content/): path.outside when it escapes, and
/// document.missing-file when it does not exist. Returns the normalised "files/…" path.
std::string check_file_field(const std::string& value, const diag::SourcePos& pos, const LoadContext& ctx,
                             std::string_view where);

}  // namespace nastavnik::content
