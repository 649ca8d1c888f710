#pragma once
// The rule families of the validate stage, one source file each (see validate.hpp for the order).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/rules.hpp"
#include "diag/sink.hpp"
#include "model/site.hpp"

namespace nastavnik::validate {

void check_regulation(const model::Site& site, diag::Sink& sink);  // regulation.*
void check_forms(const model::Site& site, diag::Sink& sink);       // form.unknown
void check_programs(const model::Site& site, diag::Sink& sink);    // program.*, publish.before-completion
void check_practices(const model::Site& site, diag::Sink& sink);   // practice.missing-section, publish.*
void check_bank(const model::Site& site, diag::Sink& sink);        // bank.*, consent.*, pair.*, privacy.minor-published
void check_roadmap(const model::Site& site, diag::Sink& sink);     // roadmap.*
void check_documents(const model::Site& site, diag::Sink& sink);   // document.required-missing
void check_monitoring(const model::Site& site, diag::Sink& sink);  // monitoring.mismatch
void check_site_sections(const model::Site& site, diag::Sink& sink);  // site.missing-section
void check_privacy(const model::Site& site, diag::Sink& sink);        // privacy.leak

// Helpers shared by the families.

/// A position with no line: the problem is about a whole file (a missing section or stage).
diag::SourcePos whole_file(std::string_view file);
/// True when some heading of levels 1–3 contains one of the phrases of `what` (normalised).
bool has_heading(const model::Body& body, const config::NamedMatch& what);
/// «возможно, имелось в виду «…»» for the closest candidate, or `fallback` when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates, std::string fallback = {});
/// «учитель – учитель», «учитель – ученик», … for messages.
std::string join_quoted(const std::vector<std::string>& items);
/// publish.before-completion at each withheld result heading of a page that ends on `end`;
/// `what` is the subject in the nominative («программа», «практика»).
void report_withheld(const model::PageBase& page, const util::Date& end, const config::Rules& rules,
                     std::string_view what, diag::Sink& sink);
/// «приказ о назначении куратора» for a document kind of documents.yaml.
std::string document_kind_label(std::string_view kind);
/// True when the loader could not read `file` at all (yaml.syntax or utf8.invalid reported for it):
/// its content is unknown, so nothing more is said about it.
bool unreadable(const diag::Sink& sink, std::string_view file);
/// A page whose front matter was read (false after yaml.syntax or utf8.invalid: nothing more to say).
inline bool front_matter_read(const model::PageBase& page) { return !page.pos.self.file.empty(); }
/// True for a date field that was given but could not be read (field.type is already reported).
inline bool unset(const util::Date& d) { return d.year == 0; }

}  // namespace nastavnik::validate
