/* Search on poisk/: loads poisk/index.json (built by nastavnik with libstemmer) and looks the
   query up by Snowball stems; the snippets of the results shown come from the files of snippets
   (poisk/x/*.json, 32 pages each) that hold them, loaded only then. The stemmer below is the Snowball Russian algorithm
   (snowballstem.org/algorithms/russian/stemmer.html), the same that libstemmer runs at build
   time; tests/browser/search.test.mjs checks that both give the same stems for every word of
   the demo site. No requests other than the index and its snippets, no dependencies. */
(function (global) {
  'use strict';

  // ---- Snowball Russian ------------------------------------------------------------------
  var VOWELS = 'аеиоуыэюя';
  function isVowel(c) { return VOWELS.indexOf(c) >= 0; }
  function byLength(list) { return list.slice().sort(function (a, b) { return b.length - a.length; }); }
  var PERFECTIVE_1 = ['в', 'вши', 'вшись'];
  var PERFECTIVE_2 = ['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись'];
  var ADJECTIVE = ['ее', 'ие', 'ые', 'ое', 'ими', 'ыми', 'ей', 'ий', 'ый', 'ой', 'ем', 'им', 'ым', 'ом',
    'его', 'ого', 'ему', 'ому', 'их', 'ых', 'ую', 'юю', 'ая', 'яя', 'ою', 'ею'];
  var PARTICIPLE_1 = ['ем', 'нн', 'вш', 'ющ', 'щ'];
  var PARTICIPLE_2 = ['ивш', 'ывш', 'ующ'];
  var REFLEXIVE = ['ся', 'сь'];
  var VERB_1 = ['ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют', 'ны', 'ть', 'ешь', 'нно'];
  var VERB_2 = ['ила', 'ыла', 'ена', 'ейте', 'уйте', 'ите', 'или', 'ыли', 'ей', 'уй', 'ил', 'ыл', 'им', 'ым', 'ен',
    'ило', 'ыло', 'ено', 'ят', 'ует', 'уют', 'ит', 'ыт', 'ены', 'ить', 'ыть', 'ишь', 'ую', 'ю'];
  var NOUN = ['а', 'ев', 'ов', 'ие', 'ье', 'е', 'иями', 'ями', 'ами', 'еи', 'ии', 'и', 'ией', 'ей', 'ой', 'ий', 'й',
    'иям', 'ям', 'ием', 'ем', 'ам', 'ом', 'о', 'у', 'ах', 'иях', 'ях', 'ы', 'ь', 'ию', 'ью', 'ю', 'ия', 'ья', 'я'];
  var DERIVATIONAL = ['ость', 'ост'];

  // Each group: suffixes sorted longest first, with a flag "must follow а or я".
  function group(first, second) {
    var all = [];
    first.forEach(function (s) { all.push({ s: s, ay: true }); });
    (second || []).forEach(function (s) { all.push({ s: s, ay: false }); });
    return all.sort(function (a, b) { return b.s.length - a.s.length; });
  }
  var G_PERFECTIVE = group(PERFECTIVE_1, PERFECTIVE_2);
  var G_ADJECTIVE = group([], ADJECTIVE);
  var G_PARTICIPLE = group(PARTICIPLE_1, PARTICIPLE_2);
  var G_REFLEXIVE = group([], REFLEXIVE);
  var G_VERB = group(VERB_1, VERB_2);
  var G_NOUN = group([], NOUN);
  var G_DERIVATIONAL = group([], byLength(DERIVATIONAL));

  /// Snowball `among`: the longest suffix of w[limit..] in the group; then its condition
  /// (а/я before it, also inside the region) decides. Returns the new word or null.
  function among(w, limit, g) {
    for (var i = 0; i < g.length; i++) {
      var s = g[i].s;
      if (w.length - s.length < limit || w.slice(w.length - s.length) !== s) continue;
      var at = w.length - s.length;
      if (g[i].ay) {
        if (at - 1 < limit) return null;
        var c = w.charAt(at - 1);
        if (c !== 'а' && c !== 'я') return null;
      }
      return w.slice(0, at);
    }
    return null;
  }

  function stem(word) {
    var w = word.toLowerCase().replace(/ё/g, 'е');
    // Regions: RV after the first vowel; R2 = R1 of R1.
    var n = w.length, pv = n, p1 = n, p2 = n, i = 0;
    while (i < n && !isVowel(w.charAt(i))) i++;
    if (i < n) {
      pv = i + 1;
      i = pv;
      while (i < n && isVowel(w.charAt(i))) i++;
      if (i < n) {
        p1 = i + 1;
        i = p1;
        while (i < n && !isVowel(w.charAt(i))) i++;
        if (i < n) {
          i++;
          while (i < n && isVowel(w.charAt(i))) i++;
          if (i < n) p2 = i + 1;
        }
      }
    }
    if (pv >= n) return w;
    // Step 1.
    var r = among(w, pv, G_PERFECTIVE);
    if (r !== null) {
      w = r;
    } else {
      r = among(w, pv, G_REFLEXIVE);
      if (r !== null) w = r;
      r = among(w, pv, G_ADJECTIVE);
      if (r !== null) {
        w = r;
        var p = among(w, pv, G_PARTICIPLE);
        if (p !== null) w = p;
      } else {
        r = among(w, pv, G_VERB);
        if (r === null) r = among(w, pv, G_NOUN);
        if (r !== null) w = r;
      }
    }
    // Step 2: и.
    if (w.length > pv && w.charAt(w.length - 1) === 'и') w = w.slice(0, -1);
    // Step 3: derivational ость/ост in R2.
    r = among(w, Math.max(pv, p2), G_DERIVATIONAL);
    if (r !== null) w = r;
    // Step 4: tidy up.
    if (w.length - 4 >= pv && w.slice(-4) === 'ейше') {
      w = w.slice(0, -4);
      if (w.length - 2 >= pv && w.slice(-2) === 'нн') w = w.slice(0, -1);
    } else if (w.length - 3 >= pv && w.slice(-3) === 'ейш') {
      w = w.slice(0, -3);
      if (w.length - 2 >= pv && w.slice(-2) === 'нн') w = w.slice(0, -1);
    } else if (w.length - 2 >= pv && w.slice(-2) === 'нн') {
      w = w.slice(0, -1);
    } else if (w.length - 1 >= pv && w.charAt(w.length - 1) === 'ь') {
      w = w.slice(0, -1);
    }
    return w;
  }

  // Kept in step with k_stop in src/render/search_index.cpp.
  var STOP = ['а', 'без', 'бы', 'в', 'во', 'вы', 'да', 'до', 'его', 'ее', 'если', 'же', 'за', 'и', 'из', 'или',
    'им', 'их', 'к', 'ко', 'ли', 'на', 'не', 'ни', 'о', 'об', 'от', 'по', 'при', 'с', 'со', 'так', 'то', 'у',
    'уже', 'что', 'это', 'для'];
  var WORD = /[0-9a-zA-Zа-яА-ЯёЁ]+/g;

  /// Words of a text as the index sees them: lower case, ё → е, no one-letter or stop words.
  function words(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var w = m[0].toLowerCase().replace(/ё/g, 'е');
      if (w.length > 1 && STOP.indexOf(w) < 0) out.push(w);
    }
    return out;
  }

  var api = { stem: stem, words: words, STOP: STOP };
  if (typeof module === 'object' && module.exports) module.exports = api;
  global.nastavnikSearch = api;
  if (typeof document === 'undefined') return;

  // ---- The page ----------------------------------------------------------------------------
  var form = document.getElementById('search-form');
  var box = document.getElementById('search-results');
  if (!form || !box) return;
  var input = form.querySelector('input[name="q"]');
  var root = form.getAttribute('data-root') || '';
  var indexUrl = new URL(form.getAttribute('data-index'), window.location.href);
  var index = null;
  var loading = null;
  var chunks = {};  // file → promise of its array of snippets (null when it did not load)

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  }

  function loadIndex() {
    if (index) return Promise.resolve(index);
    if (!loading) loading = getJson(indexUrl).then(function (j) { index = j; return j; });
    return loading;
  }

  /// The snippets of documents `docs`: loads each file that holds one of them, once, side by side.
  /// A file that fails to load only leaves its results without a snippet.
  function loadSnippets(docs) {
    var sn = index.snippets || { files: [], per: 1 };
    return Promise.all(docs.map(function (d) {
      var file = sn.files[Math.floor(d / sn.per)];
      if (!file) return Promise.resolve('');
      if (!chunks[file]) chunks[file] = getJson(new URL(file, indexUrl)).catch(function () { return null; });
      return chunks[file].then(function (list) { return (list && list[d % sn.per]) || ''; });
    }));
  }

  function termsFor(stems, terms) {
    // Exact stems, and for a stem of 4+ letters also longer stems that begin with it (a word typed
    // in part: «настав» finds «наставник»), at half weight.
    var keys = Object.keys(terms);
    return stems.map(function (s) {
      var hits = [];
      if (terms[s]) hits.push({ list: terms[s], f: 1 });
      if (s.length >= 4)
        for (var i = 0; i < keys.length; i++)
          if (keys[i] !== s && keys[i].lastIndexOf(s, 0) === 0) hits.push({ list: terms[keys[i]], f: 0.5 });
      return hits;
    });
  }

  function search(q) {
    var stems = [];
    words(q).forEach(function (w) { var s = stem(w); if (stems.indexOf(s) < 0) stems.push(s); });
    if (!stems.length) return { stems: stems, results: [] };
    var perStem = termsFor(stems, index.terms);
    var score = {}, matched = {};
    perStem.forEach(function (hits, k) {
      hits.forEach(function (h) {
        for (var i = 0; i < h.list.length; i += 2) {
          var d = h.list[i];
          score[d] = (score[d] || 0) + h.list[i + 1] * h.f;
          (matched[d] = matched[d] || {})[k] = true;
        }
      });
    });
    var results = Object.keys(score)
      .filter(function (d) { return Object.keys(matched[d]).length === stems.length; })
      .map(function (d) { return { n: +d, doc: index.docs[d], score: score[d] }; })
      .sort(function (a, b) { return b.score - a.score || (a.doc.t < b.doc.t ? -1 : 1); });
    return { stems: stems, results: results };
  }

  /// A piece of the text around the first word that matches, as DOM nodes with <mark>.
  function snippet(text, stems) {
    var re = /[0-9a-zA-Zа-яА-ЯёЁ]+/g, m, first = -1, spans = [];
    while ((m = re.exec(text)) !== null) {
      var s = stem(m[0]);
      var hit = stems.some(function (q) { return s === q || (q.length >= 4 && s.lastIndexOf(q, 0) === 0); });
      if (hit) {
        spans.push([m.index, m.index + m[0].length]);
        if (first < 0) first = m.index;
      }
    }
    var from = first < 0 ? 0 : Math.max(0, text.lastIndexOf(' ', Math.max(0, first - 70)) + 1);
    if (first >= 0 && first - from > 90) from = first;
    var to = Math.min(text.length, from + 220);
    if (to < text.length) { var sp = text.lastIndexOf(' ', to); if (sp > from + 100) to = sp; }
    var frag = document.createDocumentFragment();
    if (from > 0) frag.appendChild(document.createTextNode('…'));
    var pos = from;
    spans.forEach(function (r) {
      if (r[0] < from || r[1] > to) return;
      frag.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(r[0], r[1]);
      frag.appendChild(mark);
      pos = r[1];
    });
    frag.appendChild(document.createTextNode(text.slice(pos, to)));
    if (to < text.length) frag.appendChild(document.createTextNode('…'));
    return frag;
  }

  function plural(n, one, few, many) {
    var a = n % 10, b = n % 100;
    if (a === 1 && b !== 11) return one;
    if (a >= 2 && a <= 4 && (b < 12 || b > 14)) return few;
    return many;
  }

  function show(q, found, texts) {
    box.textContent = '';
    if (!q.trim()) return;
    var head = document.createElement('h2');
    head.id = 'results-title';
    var n = found.results.length;
    head.textContent = n
      ? 'По запросу «' + q.trim() + '» ' + plural(n, 'найдена', 'найдено', 'найдено') + ' ' + n + ' ' +
        plural(n, 'страница', 'страницы', 'страниц')
      : 'По запросу «' + q.trim() + '» ничего не найдено';
    box.appendChild(head);
    if (!n) {
      var tip = document.createElement('p');
      tip.textContent = 'Проверьте написание или попробуйте другое слово. Ниже — список всех материалов раздела.';
      box.appendChild(tip);
      return;
    }
    var ol = document.createElement('ol');
    found.results.slice(0, SHOWN).forEach(function (r, i) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.className = 'result-title';
      a.href = r.doc.u ? root + r.doc.u : (root || './');
      a.textContent = r.doc.t;
      li.appendChild(a);
      var sec = document.createElement('span');
      sec.className = 'meta';
      sec.textContent = ' — ' + r.doc.s;
      li.appendChild(sec);
      var p = document.createElement('p');
      p.className = 'snippet';
      p.appendChild(snippet(texts[i] || '', found.stems));
      li.appendChild(p);
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }

  var SHOWN = 50;  // results listed
  var asked = 0;   // the latest query: an earlier one answered later is not shown over it

  function run(q) {
    var mine = ++asked;
    loadIndex().then(function () {
      var found = q.trim() ? search(q) : { stems: [], results: [] };
      var shown = found.results.slice(0, SHOWN).map(function (r) { return r.n; });
      return loadSnippets(shown).then(function (texts) { if (mine === asked) show(q, found, texts); });
    }, function () {
      box.textContent = 'Не удалось загрузить поисковый индекс. Воспользуйтесь списком материалов ниже.';
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = input.value;
    try { history.replaceState(null, '', '?q=' + encodeURIComponent(q)); } catch (e) { /* file:// */ }
    run(q);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    run(initial);
  }
})(typeof window !== 'undefined' ? window : globalThis);
