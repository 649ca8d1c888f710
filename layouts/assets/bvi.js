/* Version for the visually impaired (ГОСТ Р 52872-2019): font size, colour scheme, images,
   letter spacing, line height, font family. Loaded synchronously in <head> so the remembered
   settings (localStorage) are applied to <html> before the first paint; the panel is wired once
   the document is parsed. No requests, no dependencies, no inline scripts. */
(function () {
  'use strict';
  var KEY = 'nastavnik-bvi';
  var DEFAULTS = { size: '100', scheme: 'white', images: 'on', spacing: 'normal', leading: 'normal', font: 'sans' };
  var root = document.documentElement;
  root.classList.add('js');

  function load() {
    try {
      var s = JSON.parse(window.localStorage.getItem(KEY));
      return s && typeof s === 'object' ? s : null;
    } catch (e) {
      return null;
    }
  }
  function save(s) {
    try {
      if (s) window.localStorage.setItem(KEY, JSON.stringify(s));
      else window.localStorage.removeItem(KEY);
    } catch (e) { /* private mode: the settings last for this page only */ }
  }
  function settings(s) {
    var out = { on: !!(s && s.on) };
    for (var k in DEFAULTS) out[k] = s && typeof s[k] === 'string' ? s[k] : DEFAULTS[k];
    return out;
  }
  function apply(s) {
    if (s.on) root.setAttribute('data-bvi', 'on');
    else root.removeAttribute('data-bvi');
    for (var k in DEFAULTS) {
      if (s.on) root.setAttribute('data-bvi-' + k, s[k]);
      else root.removeAttribute('data-bvi-' + k);
    }
  }

  var state = settings(load());
  apply(state);

  function wire() {
    var toggle = document.getElementById('bvi-toggle');
    var panel = document.getElementById('bvi-panel');
    if (!toggle || !panel) return;
    var buttons = panel.querySelectorAll('button[data-bvi-option]');

    // Alternative text shown in place of images when they are switched off.
    var images = document.querySelectorAll('main img[alt]');
    for (var i = 0; i < images.length; i++) {
      var alt = images[i].getAttribute('alt');
      if (!alt) continue;
      var span = document.createElement('span');
      span.className = 'bvi-alt';
      span.textContent = 'Изображение: ' + alt;
      images[i].parentNode.insertBefore(span, images[i].nextSibling);
    }

    function render() {
      toggle.setAttribute('aria-expanded', state.on ? 'true' : 'false');
      panel.hidden = !state.on;
      for (var j = 0; j < buttons.length; j++) {
        var b = buttons[j];
        var pressed = state[b.getAttribute('data-bvi-option')] === b.getAttribute('data-bvi-value');
        b.setAttribute('aria-pressed', pressed ? 'true' : 'false');
      }
    }
    function update(next, focus) {
      state = settings(next);
      save(state.on ? state : null);
      apply(state);
      render();
      if (focus) focus.focus();
    }

    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      var next = settings(state);
      next.on = !state.on;
      update(next, next.on ? panel.querySelector('button') : toggle);
    });
    panel.addEventListener('click', function (ev) {
      var b = ev.target.closest ? ev.target.closest('button') : null;
      if (!b) return;
      var next = settings(state);
      var option = b.getAttribute('data-bvi-option');
      var action = b.getAttribute('data-bvi-action');
      if (option) {
        next[option] = b.getAttribute('data-bvi-value');
        update(next);
      } else if (action === 'reset') {
        next = settings({ on: true });
        update(next);
      } else if (action === 'off') {
        update({ on: false }, toggle);
      }
    });
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
