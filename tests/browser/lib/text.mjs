// Text blocks of rendered HTML (for the typography comparison): the text of <main>, block by
// block, without code, SVG or attributes; entities decoded.
const ENTITIES = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»', mdash: '—', ndash: '–', hellip: '…' };

export function decode(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

export function textBlocks(html) {
  const m = html.match(/<main[^>]*>([\s\S]*)<\/main>/);
  if (!m) return [];
  const body = m[1]
    .replace(/<(title|desc|text)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<\/?svg\b[^>]*>/g, ' ')
    .replace(/<span class="(author|due-line|approval-by)"[^>]*>/g, '\n')
    .replace(/<(code|pre|script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(time)[^>]*>/g, '')
    .replace(/<\/?(p|li|h[1-6]|td|th|dt|dd|figcaption|blockquote|div|section|article|nav|ul|ol|table|tr|thead|tbody|figure|aside|form|label|br)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return decode(body).split('\n').map((s) => s.replace(/[ \t]+/g, ' ').trim()).filter((s) => /[а-яё]/i.test(s));
}
