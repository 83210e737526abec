/* desk.js: the moderation desk without page reloads (ES5, optional).
   The desk works without it: every decision is a plain form post with a
   303 back to the queue, and a meta refresh (in <noscript>) keeps the
   queue current. With it:
   - decisions are posted in the background and the queue is swapped in
     place, so the page doesn't jump back to the top on a phone;
   - keyboard shortcuts on a desktop: j/k move, a approve, r reject,
     e edit, u undo the last decision;
   - the count is polled every 20 s; a changed queue is swapped in when
     nobody has touched the page for a few seconds, else a button offers it. */
(function () {
  'use strict';
  var desk = document.getElementById('desk');
  if (!desk || !window.XMLHttpRequest || !window.DOMParser) { return; }

  var current = 0;       // index of the keyboard's item
  var keys = false;      // the keyboard has been used: show where it is
  var busy = false;      // a decision is on its way
  var lastTouch = 0;     // last pointer or key activity (ms)
  var POLL = 20000, QUIET = 8000;

  function items() { return desk.querySelectorAll('.desk-item'); }

  function mark(scroll) {
    var list = items();
    if (current >= list.length) { current = list.length - 1; }
    if (current < 0) { current = 0; }
    for (var i = 0; i < list.length; i++) {
      list[i].className = list[i].className.replace(/\s*is-current/g, '') + (keys && i === current ? ' is-current' : '');
    }
    if (scroll && list[current] && list[current].scrollIntoView) { list[current].scrollIntoView({ block: 'nearest' }); }
  }

  // encode serialises a decision form (hidden inputs only; its buttons carry no value)
  function encode(form) {
    var parts = [], els = form.elements;
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button') { continue; }
      parts.push(encodeURIComponent(el.name) + '=' + encodeURIComponent(el.value));
    }
    return parts.join('&');
  }

  // swap puts a freshly rendered queue in place of the current one.
  function swap(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var fresh = doc.getElementById('desk');
    if (!fresh) { return false; }
    desk.innerHTML = fresh.innerHTML;
    desk.setAttribute('data-count', fresh.getAttribute('data-count'));
    desk.setAttribute('data-newest', fresh.getAttribute('data-newest'));
    document.title = doc.title;
    mark(false);
    return true;
  }

  function post(form) {
    if (busy) { return; }
    busy = true;
    var buttons = form.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    xhr.onload = function () {
      busy = false;
      // the 303 was followed: a queue page means done; anything else
      // (sign-in page, an error) is shown as the browser would
      if (xhr.status === 200 && /\/moderate(\?|$)/.test(xhr.responseURL || '/moderate') && swap(xhr.responseText)) { return; }
      document.open(); document.write(xhr.responseText); document.close();
    };
    xhr.onerror = function () { busy = false; form.submit(); };
    xhr.send(encode(form));
  }

  desk.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!/(^|\s)js-decide(\s|$)/.test(form.className)) { return; }
    ev.preventDefault();
    // keep the keyboard on the same position: the next item moves up
    var li = form.parentNode;
    while (li && li !== desk && !/desk-item/.test(li.className)) { li = li.parentNode; }
    if (li && li !== desk) {
      var list = items();
      for (var i = 0; i < list.length; i++) { if (list[i] === li) { current = i; } }
    }
    post(form);
  });

  function press(selector) {
    var list = items(), scope = list[current];
    var el = selector === '[data-key=u]' ? desk.querySelector(selector) : scope && scope.querySelector(selector);
    if (el) { el.click(); }
  }

  document.addEventListener('keydown', function (ev) {
    lastTouch = new Date().getTime();
    var t = ev.target, tag = t && t.tagName;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) { return; }
    var key = ev.key || String.fromCharCode(ev.keyCode).toLowerCase();
    if (key === 'j') { current += keys ? 1 : 0; keys = true; mark(true); }
    else if (key === 'k') { current -= keys ? 1 : 0; keys = true; mark(true); }
    else if (key === 'a') { press('[data-key=a]'); }
    else if (key === 'r') { press('[data-key=r]'); }
    else if (key === 'e') { press('[data-key=e]'); }
    else if (key === 'u') { press('[data-key=u]'); }
    else { return; }
    ev.preventDefault();
  });
  document.addEventListener('pointerdown', function () { lastTouch = new Date().getTime(); });
  document.addEventListener('touchstart', function () { lastTouch = new Date().getTime(); });

  function reload() {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/moderate');
    xhr.onload = function () { if (xhr.status === 200) { swap(xhr.responseText); } };
    xhr.send();
  }

  // changed is "The queue changed (3 waiting): show it" in the page's
  // language: the words come from the page (data-changed-one/-many/-other,
  // CLDR plural forms picked by Intl.PluralRules), never from this script.
  function changed(count) {
    var form = count === 1 ? 'one' : 'other';
    if (window.Intl && Intl.PluralRules) {
      try { form = new Intl.PluralRules(desk.getAttribute('data-lang') || 'en').select(count); } catch (e) { /* keep the guess */ }
    }
    var tpl = desk.getAttribute('data-changed-' + form) || desk.getAttribute('data-changed-other') || '{n}';
    return tpl.replace('{n}', String(count));
  }

  // offer shows "New items: show them" when the queue changed under a busy moderator.
  function offer(count) {
    var old = document.getElementById('desk-new');
    if (old) { old.parentNode.removeChild(old); }
    var b = document.createElement('button');
    b.id = 'desk-new';
    b.type = 'button';
    b.className = 'block desk-new';
    b.textContent = changed(count);
    b.onclick = reload;
    var main = desk.querySelector('.desk-main');
    if (main) { main.insertBefore(b, main.firstChild); }
  }

  function poll() {
    if (document.hidden || busy) { return; }
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/moderate/count');
    xhr.onload = function () {
      if (xhr.status !== 200) { return; }
      var d;
      try { d = JSON.parse(xhr.responseText); } catch (e) { return; }
      if (String(d.count) === desk.getAttribute('data-count') && (d.newest || '') === desk.getAttribute('data-newest')) { return; }
      if (new Date().getTime() - lastTouch > QUIET) { reload(); } else { offer(d.count); }
    };
    xhr.send();
  }

  desk.className += ' js-on'; // tests (and CSS) can tell the enhanced desk
  mark(false);
  setInterval(poll, POLL);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { poll(); } });
})();
