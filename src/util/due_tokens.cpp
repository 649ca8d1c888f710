// parse_due, part 1: a line cut into tokens, and the month names a word may be.
#include <unicode/uchar.h>

#include <array>

#include "util/due_internal.hpp"

namespace nastavnik::util::due_detail {

namespace {

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0x00A0 || c == 0x2007 ||
         c == 0x2009 || c == 0x200A || c == 0x202F || c == 0x3000 || c == 0xFEFF;
}

bool is_dash(char32_t c) {
  return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  if (c >= 0x0400 && c <= 0x04FF) return true;
  if (c == 0xFFFD) return false;
  return u_isalpha(static_cast<UChar32>(c)) != 0;
}

char32_t lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;
  if (c == 0x0401 || c == 0x0451) return 0x0435;  // ё → е
  if (c < 0x80 || (c >= 0x0430 && c <= 0x044F)) return c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

constexpr std::array<MonthForm, 74> k_month_forms = {{
    {U"январь", 1, false},    {U"января", 1, false},    {U"январе", 1, false},   {U"январю", 1, false},
    {U"январем", 1, false},   {U"февраль", 2, false},   {U"февраля", 2, false},  {U"феврале", 2, false},
    {U"февралю", 2, false},   {U"февралем", 2, false},  {U"март", 3, false},     {U"марта", 3, false},
    {U"марте", 3, false},     {U"марту", 3, false},     {U"мартом", 3, false},   {U"апрель", 4, false},
    {U"апреля", 4, false},    {U"апреле", 4, false},    {U"апрелю", 4, false},   {U"апрелем", 4, false},
    {U"май", 5, false},       {U"мая", 5, false},       {U"мае", 5, false},      {U"маю", 5, false},
    {U"маем", 5, false},      {U"июнь", 6, false},      {U"июня", 6, false},     {U"июне", 6, false},
    {U"июню", 6, false},      {U"июнем", 6, false},     {U"июль", 7, false},     {U"июля", 7, false},
    {U"июле", 7, false},      {U"июлю", 7, false},      {U"июлем", 7, false},    {U"август", 8, false},
    {U"августа", 8, false},   {U"августе", 8, false},   {U"августу", 8, false},  {U"августом", 8, false},
    {U"сентябрь", 9, false},  {U"сентября", 9, false},  {U"сентябре", 9, false}, {U"сентябрю", 9, false},
    {U"сентябрем", 9, false}, {U"октябрь", 10, false},  {U"октября", 10, false}, {U"октябре", 10, false},
    {U"октябрю", 10, false},  {U"октябрем", 10, false}, {U"ноябрь", 11, false},  {U"ноября", 11, false},
    {U"ноябре", 11, false},   {U"ноябрю", 11, false},   {U"ноябрем", 11, false}, {U"декабрь", 12, false},
    {U"декабря", 12, false},  {U"декабре", 12, false},  {U"декабрю", 12, false}, {U"декабрем", 12, false},
    {U"янв", 1, true},        {U"фев", 2, true},        {U"февр", 2, true},      {U"мар", 3, true},
    {U"апр", 4, true},        {U"июн", 6, true},        {U"июл", 7, true},       {U"авг", 8, true},
    {U"сен", 9, true},        {U"сент", 9, true},       {U"окт", 10, true},      {U"ноя", 11, true},
    {U"нояб", 11, true},      {U"дек", 12, true},
}};

}  // namespace

std::vector<Token> tokenize(std::u32string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = s[i];
    const std::size_t from = i;
    TokKind kind;
    if (is_space(c)) {
      while (i < s.size() && is_space(s[i])) ++i;
      kind = TokKind::space;
    } else if (is_digit(c)) {
      while (i < s.size() && is_digit(s[i])) ++i;
      kind = TokKind::number;
    } else if (is_letter(c)) {
      while (i < s.size() && is_letter(s[i])) ++i;
      kind = TokKind::word;
    } else {
      ++i;
      kind = is_dash(c) ? TokKind::dash : TokKind::punct;
    }
    Token t{kind, std::u32string(s.substr(from, i - from)), {}};
    if (kind == TokKind::word) {
      t.lower.reserve(t.text.size());
      for (char32_t ch : t.text) t.lower.push_back(lower(ch));
    }
    tokens.push_back(std::move(t));
  }
  return tokens;
}

const MonthForm* find_month(std::u32string_view lower_word) {
  for (const MonthForm& f : k_month_forms) {
    if (f.form == lower_word) return &f;
  }
  return nullptr;
}

}  // namespace nastavnik::util::due_detail
