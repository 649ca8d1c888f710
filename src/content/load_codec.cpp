#include "content/load_codec.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <variant>
#include <vector>

namespace nastavnik::content {

using codec::In;
using codec::Out;

namespace {
constexpr std::string_view kEntryMagic = "NLE4";
}  // namespace

// The field encoders live beside Out and In, so that the generic ones (vectors, optionals) find
// the others by argument-dependent lookup.
namespace codec {

// A field added to one of these types must be added to its encode/decode pair below, or a
// stored entry would silently lose it: the sizes stop the build until it is.
static_assert(sizeof(diag::SourcePos) == 16 && sizeof(diag::Diagnostic) == 120 && sizeof(model::Positions) == 64,
              "update the load store's encoding of positions and diagnostics");
static_assert(sizeof(model::Heading) == 96 && sizeof(model::TextBlock) == 72 && sizeof(model::Body) == 120,
              "update the load store's encoding of bodies");
static_assert(sizeof(model::PageBase) == 376 && sizeof(model::Landing) == 376 && sizeof(model::Regulation) == 560 &&
                  sizeof(model::Program) == 488 && sizeof(model::Practice) == 496 && sizeof(model::NewsItem) == 544 &&
                  sizeof(model::Page) == 384 && sizeof(model::Approval) == 144 && sizeof(model::NewsEvent) == 80,
              "update the load store's encoding of pages");
static_assert(sizeof(BodyMemo) == 240 && sizeof(BodyMemo::LinkAnswer) == 112 && sizeof(LoadedSource) == 1056,
              "update the load store's encoding of entries");
static_assert(std::variant_size_v<AnyPage> == 6, "update the load store's encoding of pages");

// A position in the entry's own file (nearly all of them: a page has dozens) is a flag.
void put(Out& o, const diag::SourcePos& p) {
  const bool own = p.file == o.file;
  o.u8(own);
  if (!own) o.str(p.file.str());
  o.i32(p.line);
  o.i32(p.column);
}
void get(In& in, diag::SourcePos& p) {
  p.file = in.flag() ? in.file : diag::FileName(in.str());
  p.line = in.i32();
  p.column = in.i32();
}

void put(Out& o, const diag::Diagnostic& d) {
  o.u8(static_cast<std::uint8_t>(d.severity));
  o.str(d.code);
  o.str(d.message);
  o.str(d.hint);
  put(o, d.pos);
}
void get(In& in, diag::Diagnostic& d) {
  auto s = in.u8();
  if (s > static_cast<std::uint8_t>(diag::Severity::off)) in.ok = false;
  d.severity = static_cast<diag::Severity>(s);
  d.code = in.str();
  d.message = in.str();
  d.hint = in.str();
  get(in, d.pos);
}

void put(Out& o, const std::string& s) { o.str(s); }
void get(In& in, std::string& s) { s = in.str(); }

void put(Out& o, const std::pair<std::string, diag::SourcePos>& kv) {
  o.str(kv.first);
  put(o, kv.second);
}
void get(In& in, std::pair<std::string, diag::SourcePos>& kv) {
  kv.first = in.str();
  get(in, kv.second);
}

void put(Out& o, const std::pair<std::string, bool>& kv) {
  o.str(kv.first);
  o.u8(kv.second);
}
void get(In& in, std::pair<std::string, bool>& kv) {
  kv.first = in.str();
  kv.second = in.flag();
}

template <class T>
void put(Out& o, const std::vector<T>& v) {
  o.u64(v.size());
  for (const auto& x : v) put(o, x);
}
template <class T>
void get(In& in, std::vector<T>& v) {
  auto n = in.count();
  v.clear();
  v.reserve(n);
  for (std::size_t i = 0; i < n && in.ok; ++i) get(in, v.emplace_back());
}

void put(Out& o, const model::Positions& p) {
  put(o, p.self);
  put(o, p.values);
  put(o, p.keys);
}
void get(In& in, model::Positions& p) {
  get(in, p.self);
  get(in, p.values);
  get(in, p.keys);
}

void put(Out& o, const model::Heading& h) {
  o.i32(h.level);
  o.str(h.text);
  o.str(h.id);
  put(o, h.pos);
  o.u8(h.withheld);
}
void get(In& in, model::Heading& h) {
  h.level = in.i32();
  h.text = in.str();
  h.id = in.str();
  get(in, h.pos);
  h.withheld = in.flag();
}

// The text blocks for the leak scan are mostly the plain text again, in order: a block found in
// the plain text from where the previous one was found is written as its place there.
// A stored text (the HTML, the plain text) goes to the tail: its size and digest stay in the
// head, and the bytes are read only when used (model::StoredText).
void put(Out& o, const model::StoredText& t) {
  o.u64(t.size());
  o.str(t.digest());
  o.tail += t.text();
}
void get(In& in, model::StoredText& t) {
  const auto size = in.u64();
  std::string digest = in.str();
  if (!in.ok || !in.text_at || digest.size() != 32 || size > in.tail_size - in.tail_used) {
    in.ok = false;
    return;
  }
  t = (*in.text_at)(in.tail_used, size, std::move(digest));
  in.tail_used += size;
}

void put(Out& o, const model::Body& b) {
  put(o, b.html);
  put(o, b.plain);
  o.str(b.lead);
  put(o, b.headings);
  o.u64(b.blocks.size());
  for (const auto& block_ref : b.blocks) {
    // A published block is a place in the plain text (content/markdown.cpp) and is stored as
    // one; any other (a withheld section's, as written) is not in it and is stored whole. No
    // search: looking for blocks in the text was quadratic once (100 s for a 2.8 MB page).
    o.u8(block_ref.in_plain);
    if (block_ref.in_plain) {
      o.u64(block_ref.at);
      o.u64(block_ref.size);
    } else {
      o.str(block_ref.text);
    }
    put(o, block_ref.pos);
  }
  o.u8(b.has_withheld);
}
void get(In& in, model::Body& b) {
  get(in, b.html);
  get(in, b.plain);
  b.lead = in.str();
  get(in, b.headings);
  const auto n = in.count();
  b.blocks.clear();
  b.blocks.reserve(n);
  for (std::size_t i = 0; i < n && in.ok; ++i) {
    auto& block = b.blocks.emplace_back();
    if (in.flag()) {
      const auto at = in.u64(), size = in.u64();
      if (!in.ok || at > b.plain.size() || size > b.plain.size() - at) {  // the size, not the bytes
        in.ok = false;
        return;
      }
      block.in_plain = true;  // a place, not a copy (Body::text_of)
      block.at = static_cast<std::size_t>(at);
      block.size = static_cast<std::size_t>(size);
    } else {
      block.text = in.str();
    }
    get(in, block.pos);
  }
  b.has_withheld = in.flag();
}

void put(Out& o, const util::Date& d) {
  o.i32(d.year);
  o.i32(d.month);
  o.i32(d.day);
}
void get(In& in, util::Date& d) {
  d.year = in.i32();
  d.month = in.i32();
  d.day = in.i32();
}

template <class T>
void put(Out& o, const std::optional<T>& v) {
  o.u8(v.has_value());
  if (v) put(o, *v);
}
template <class T>
void get(In& in, std::optional<T>& v) {
  v.reset();
  if (in.flag()) get(in, v.emplace());
}

void put(Out& o, const model::Approval& a) {
  o.str(a.order);
  put(o, a.date);
  o.str(a.by);
  put(o, a.pos);
}
void get(In& in, model::Approval& a) {
  a.order = in.str();
  get(in, a.date);
  a.by = in.str();
  get(in, a.pos);
}

void put(Out& o, const model::NewsEvent& e) {
  put(o, e.date);
  o.str(e.time);
  o.str(e.place);
}
void get(In& in, model::NewsEvent& e) {
  get(in, e.date);
  e.time = in.str();
  e.place = in.str();
}

void put_base(Out& o, const model::PageBase& p) {
  o.str(p.source);
  o.str(p.slug);
  o.str(p.url);
  o.str(p.title);
  o.str(p.summary);
  put(o, p.tags);
  put(o, p.body);
  put(o, p.pos);
  o.i32(p.body_line);
}
void get_base(In& in, model::PageBase& p) {
  p.source = in.str();
  p.slug = in.str();
  p.url = in.str();
  p.title = in.str();
  p.summary = in.str();
  get(in, p.tags);
  get(in, p.body);
  get(in, p.pos);
  p.body_line = in.i32();
}

void put_page(Out& o, const model::Landing& p) { put_base(o, p); }
void get_page(In& in, model::Landing& p) { get_base(in, p); }
void put_page(Out& o, const model::Regulation& p) {
  put_base(o, p);
  put(o, p.approved);
  o.str(p.file);
}
void get_page(In& in, model::Regulation& p) {
  get_base(in, p);
  get(in, p.approved);
  p.file = in.str();
}
void put_page(Out& o, const model::Program& p) {
  put_base(o, p);
  o.str(p.form);
  put(o, p.start);
  put(o, p.end);
  o.str(p.pair);
  put(o, p.authors);
}
void get_page(In& in, model::Program& p) {
  get_base(in, p);
  p.form = in.str();
  get(in, p.start);
  get(in, p.end);
  p.pair = in.str();
  get(in, p.authors);
}
void put_page(Out& o, const model::Practice& p) {
  put_base(o, p);
  o.str(p.form);
  put(o, p.start);
  put(o, p.end);
  put(o, p.authors);
  o.str(p.pair);
}
void get_page(In& in, model::Practice& p) {
  get_base(in, p);
  p.form = in.str();
  get(in, p.start);
  get(in, p.end);
  get(in, p.authors);
  p.pair = in.str();
}
void put_page(Out& o, const model::NewsItem& p) {
  put_base(o, p);
  put(o, p.date);
  o.str(p.image);
  o.str(p.image_alt);
  o.u8(p.draft);
  put(o, p.event);
}
void get_page(In& in, model::NewsItem& p) {
  get_base(in, p);
  get(in, p.date);
  p.image = in.str();
  p.image_alt = in.str();
  p.draft = in.flag();
  get(in, p.event);
}
void put_page(Out& o, const model::Page& p) {
  put_base(o, p);
  o.i32(p.weight);
  o.u8(p.menu);
}
void get_page(In& in, model::Page& p) {
  get_base(in, p);
  p.weight = in.i32();
  p.menu = in.flag();
}

void put(Out& o, const BodyMemo::LinkAnswer& a) {
  o.str(a.url);
  put(o, a.pos);
  put(o, a.href);
  put(o, a.diags);
}
void get(In& in, BodyMemo::LinkAnswer& a) {
  a.url = in.str();
  get(in, a.pos);
  get(in, a.href);
  get(in, a.diags);
}

void put(Out& o, const BodyMemo& m) {
  o.u8(m.unsafe_html);
  o.u8(m.typography);
  o.u8(m.withholding);
  put(o, m.headings);
  put(o, m.links);
  put(o, m.body);
  put(o, m.diags);
}
void get(In& in, BodyMemo& m) {
  m.unsafe_html = in.flag();
  m.typography = in.flag();
  m.withholding = in.flag();
  get(in, m.headings);
  get(in, m.links);
  get(in, m.body);
  get(in, m.diags);
  m.lent = false;
  m.links_world.clear();  // the store's index says where its answers held (LoadStore::find)
}

template <std::size_t I = 0>
void get_variant(In& in, std::size_t index, AnyPage& page) {
  if constexpr (I < std::variant_size_v<AnyPage>) {
    if (index == I) {
      get_page(in, page.emplace<I>());
      return;
    }
    get_variant<I + 1>(in, index, page);
  } else {
    in.ok = false;
  }
}

}  // namespace codec

std::string encode_source(const LoadedSource& e) {
  Out o;
  // Room for the whole entry at once: the tail is the body's HTML and plain text, the head a
  // few kilobytes (growing both by doubling copied each entry's bytes three times over).
  const std::size_t texts = e.body ? e.body->body.html.size() + e.body->body.plain.size() : 0;
  o.tail.reserve(texts);
  o.b.reserve(texts + 8192);
  o.b.append(kEntryMagic);
  o.u64(0);  // the head's size, filled in below
  const std::string& file = std::visit([](const auto& p) -> const std::string& { return p.source; }, e.page);
  o.str(file);
  o.file = file;
  o.str(e.key);
  o.u8(e.ok);
  o.str(e.slug_field);
  put(o, e.slug_pos);
  o.u64(e.page.index());
  std::visit([&](const auto& p) { put_page(o, p); }, e.page);
  put(o, e.diags);
  put(o, e.body);
  const std::uint64_t head = o.b.size();
  std::memcpy(o.b.data() + kEntryMagic.size(), &head, sizeof head);
  o.b += o.tail;
  return std::move(o.b);
}

std::uint64_t entry_head_size(std::string_view bytes) {
  std::uint64_t head = 0;
  if (bytes.size() < kEntryMagic.size() + sizeof head || bytes.substr(0, kEntryMagic.size()) != kEntryMagic) return 0;
  std::memcpy(&head, bytes.data() + kEntryMagic.size(), sizeof head);
  return head;
}

std::shared_ptr<LoadedSource> decode_head(std::string_view head, std::uint64_t tail_size, const TextAt& text_at,
                                          const diag::FileName& file) {
  if (entry_head_size(head) != head.size()) return nullptr;
  In in{head.data() + kEntryMagic.size() + 8, head.data() + head.size()};
  in.text_at = &text_at;
  in.tail_size = tail_size;
  const std::string name = in.str();
  in.file = !file.empty() && file.str() == name ? file : diag::FileName(name);
  auto e = std::make_shared<LoadedSource>();
  e->key = in.str();
  e->ok = in.flag();
  e->slug_field = in.str();
  get(in, e->slug_pos);
  get_variant(in, in.u64(), e->page);
  get(in, e->diags);
  get(in, e->body);
  if (!in.ok || in.p != in.end || in.tail_used != tail_size) return nullptr;
  return e;
}

std::shared_ptr<LoadedSource> decode_source(std::string_view bytes, const diag::FileName& file) {
  const std::uint64_t head = entry_head_size(bytes);
  if (head < kEntryMagic.size() + 8 || head > bytes.size()) return nullptr;
  const std::string_view tail = bytes.substr(static_cast<std::size_t>(head));
  bool intact = true;
  const TextAt from_tail = [&](std::uint64_t at, std::uint64_t size, std::string digest) {
    std::string bytes(tail.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(size)));
    if (model::StoredText::digest_of(bytes) != digest) intact = false;
    return model::StoredText(std::move(bytes), std::move(digest));
  };
  auto e = decode_head(bytes.substr(0, static_cast<std::size_t>(head)), tail.size(), from_tail, file);
  return e && intact ? e : nullptr;
}

}  // namespace nastavnik::content
