/* site.js: small progressive enhancements for the phone pages (ES5, optional).
   Every page works without it. */
(function () {
  'use strict';

  // After a failed post the error summary (or the PHI warning) takes the focus, so a screen reader
  // reads what is wrong first. The markup asks with autofocus; this covers browsers that only honour
  // autofocus on form controls.
  var summary = document.getElementById('error-summary') || document.getElementById('phi-warning');
  if (summary && document.activeElement !== summary) { summary.focus(); }

  // Character counters. The visible counter follows every key; a screen reader hears only the polite
  // live region, and only when typing pauses near the limit (issue 14: it announced every keystroke).
  var QUIET_MS = 1500, NEAR = 100;
  function words(out, n) {
    var form = 'other';
    if (window.Intl && Intl.PluralRules) {
      try { form = new Intl.PluralRules(out.getAttribute('data-lang') || 'en').select(n); } catch (e) { form = n === 1 ? 'one' : 'other'; }
    } else if (n === 1) { form = 'one'; }
    var tpl = out.getAttribute('data-' + form) || out.getAttribute('data-other') || '{n}';
    return tpl.replace('{n}', String(n));
  }
  var areas = document.querySelectorAll('textarea[maxlength], input[maxlength][data-count]');
  for (var i = 0; i < areas.length; i++) {
    (function (el) {
      var out = document.getElementById(el.id + '-count');
      if (!out) { return; }
      var live = document.getElementById(el.id + '-count-live');
      var max = parseInt(el.getAttribute('maxlength'), 10);
      var timer = null, said = '';
      var left = function () { return max - el.value.length; };
      var update = function () {
        out.textContent = words(out, left());
        if (!live) { return; }
        if (timer) { clearTimeout(timer); }
        timer = setTimeout(function () {
          var n = left(), text = n <= NEAR ? words(out, n) : '';
          if (text !== said) { live.textContent = text; said = text; }
        }, QUIET_MS);
      };
      el.addEventListener('input', update);
      out.textContent = words(out, left());
    })(areas[i]);
  }
})();
