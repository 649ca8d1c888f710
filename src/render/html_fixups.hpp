#pragma once
// Touches on rendered Markdown before it goes into a page: the page's own <h1> is the title, so
// body headings are demoted (a body «# …» becomes <h2>), and cmark-gfm's table alignment, which
// HTML5 made obsolete (`align="…"`), becomes a class.
#include <string>
#include <string_view>

namespace nastavnik::render {

/// Shifts every <hN> … </hN> so that the shallowest heading of `html` is at least `top`
/// (levels cap at 6). Headings already at `top` or deeper are left as they are.
std::string demote_headings(std::string_view html, int top = 2);

/// ` align="left|center|right"` → ` class="align-…"` (cmark-gfm writes it on th/td only).
std::string replace_align(std::string_view html);

/// cmark-gfm's task-list checkboxes get an accessible name («выполнено» / «не выполнено»).
std::string label_task_checkboxes(std::string_view html);

/// Each <table> goes into a keyboard-scrollable region (`div.table-wrap`, tabindex 0), so a
/// wide table scrolls by itself instead of making the whole page scroll sideways.
std::string wrap_tables(std::string_view html);

/// All of the above: what every page does with a body.
std::string body_html(std::string_view html, int top = 2);

/// Russian typography on the text of a whole rendered page (template words, dates, numbers that
/// no content typographer saw): every text node outside <head>, <script>, <style>, <code>, <pre>,
/// <kbd>, <samp>, <textarea> and <svg> goes through util::typograph; tags and attributes are
/// copied as they are. Already typographed text comes out unchanged.
std::string typograph_html(std::string_view html);

/// A phone number as a `tel:` URI (RFC 3966): only «+» and digits are kept.
std::string tel_href(std::string_view phone);

}  // namespace nastavnik::render
