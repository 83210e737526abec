/* kiosk.js: the break-room screen. ES5 only (Chrome 49-era TV engines):
   no let/const, arrows, template strings, fetch or promises.

   Live updates: PocketBase realtime (EventSource on /api/realtime, topic
   "kiosk") pushes card upserts/removals; after every (re)connect and every
   5 minutes the screen re-syncs from /kiosk/{slug}/feed (ETag, usually 304).
   When the server is away it keeps showing what it has, with a discreet
   "Reconnecting…" mark, and retries with backoff. See docs/adr/0020.

   Time is the server's (docs/adr/0141): every response's Date header
   narrows the gap between this TV's clock and the server's, so a TV hours
   off still shows the hospital's time and goes dark at the right hour.
   Long notes shrink to a floor, then show a page of whole lines at a time;
   with prefers-reduced-motion nothing fades or drifts (docs/adr/0142).

   Words come from the server's catalogues (docs/adr/0240): the page is
   rendered in the room's language, data-words holds what this script
   writes itself (and the clock's patterns and names) per language, and a
   room set to "en+es" alternates the two at every card change. */
(function () {
  'use strict';
  var body = document.body;
  body.className += ' js';
  var slug = body.getAttribute('data-slug');
  var roomId = body.getAttribute('data-room');
  var version = body.getAttribute('data-version');
  var offset = parseInt(body.getAttribute('data-offset'), 10) || 0;
  var quietStart = body.getAttribute('data-quiet-start') || '';
  var quietEnd = body.getAttribute('data-quiet-end') || '';
  var deck = document.getElementById('deck');
  var empty = document.getElementById('empty');
  var notices = document.getElementById('notices');
  var statusEl = document.getElementById('status');
  var clockEl = document.getElementById('clock');
  var dateEl = document.getElementById('date');
  var frame = document.getElementById('frame');
  var dotsEl = document.getElementById('dots');
  var feedURL = '/kiosk/' + encodeURIComponent(slug) + '/feed';
  var still = !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  var etag = '';
  var langs = (body.getAttribute('data-langs') || 'en').split(' ');
  var lang = langs[0];
  var words = {};
  try { words = JSON.parse(body.getAttribute('data-words') || '{}') || {}; } catch (e) { words = {}; }
  var known = {}; // cards by id, as the server sent them (every language's html), to redraw in another
  var current = null;
  var rotateTimer = null;
  var gone = false;

  // --- the server's clock ---
  // skew = server time - this TV's time, known to lie in [skewLo, skewHi].
  // The page's render time (data-now, ms) bounds it between the request
  // and the response; each response's Date header (whole seconds) bounds
  // it again, and the bounds intersect. They widen by 100 ppm as time
  // passes (a cheap TV clock drifts). A page from the service worker's
  // cache carries an old render time: then the gap this TV measured last
  // time is the better guess, until the first response.
  var skewLo = 0, skewHi = 0, skewStrong = false;
  (function () {
    var saved = NaN, rendered = parseInt(body.getAttribute('data-now'), 10), t = window.performance && performance.timing;
    try { saved = parseFloat(localStorage.getItem('kkSkew')); } catch (e) { saved = NaN; }
    var lo = rendered && t && t.requestStart ? rendered - (t.responseEnd || Date.now()) : NaN, hi = rendered && t ? rendered - t.requestStart : NaN;
    if (!isNaN(lo) && (isNaN(saved) || (saved > lo - 2000 && saved < hi + 2000))) { skewLo = lo; skewHi = hi; skewStrong = true; return; }
    skewLo = skewHi = !isNaN(saved) ? saved : (rendered ? rendered - Date.now() : 0);
  })();
  function skew() { return (skewLo + skewHi) / 2; }
  function serverNow() { return Date.now() + skew(); }
  function learnSkew(x, sent) {
    var d = Date.parse(x.getResponseHeader('Date') || '');
    if (isNaN(d)) { return; }
    var got = Date.now();
    var lo = d - got, hi = d + 1000 - sent; // the server said d..d+999 somewhere between sent and got
    if (!skewStrong || lo > skewHi || hi < skewLo) { skewLo = lo; skewHi = hi; skewStrong = true; } else { skewLo = Math.max(skewLo, lo); skewHi = Math.min(skewHi, hi); }
    try { localStorage.setItem('kkSkew', String(Math.round(skew()))); } catch (e) { /* private mode */ }
  }
  // a TV clock set by hand or by a late NTP sync jumps: the gap jumps back
  var mono = window.performance && performance.now ? function () { return performance.now(); } : null;
  var lastWall = Date.now(), lastMono = mono ? mono() : 0;
  function watchClock() {
    if (!mono) { return; }
    var w = Date.now(), m = mono();
    var jump = (w - lastWall) - (m - lastMono), spread = (m - lastMono) * 1e-4;
    if (Math.abs(jump) > 2000) { skewLo -= jump; skewHi -= jump; }
    skewLo -= spread; skewHi += spread;
    lastWall = w; lastMono = m;
  }

  function cards() { return deck.querySelectorAll('.kcard[data-id]'); }

  function findIn(list, id) {
    for (var i = 0; i < list.length; i++) { if (list[i].getAttribute('data-id') === id) { return list[i]; } }
    return null;
  }
  function findCard(id) { return findIn(cards(), id); }
  function findNotice(id) { return findIn(notices.querySelectorAll('.notice[data-id]'), id); }

  function hasClass(el, c) { return (' ' + el.className + ' ').indexOf(' ' + c + ' ') >= 0; }
  function setClass(el, c, on) {
    var had = hasClass(el, c);
    if (on && !had) { el.className += ' ' + c; }
    if (!on && had) { el.className = (' ' + el.className + ' ').replace(' ' + c + ' ', ' ').replace(/^\s+|\s+$/g, ''); }
  }

  // how long a page stays: long enough to read, a pause for short ones;
  // ?dwell=N (seconds, 3-300) fixes it, e.g. for a busy corridor screen
  var fixedDwell = (function () {
    var m = /[?&]dwell=(\d+)/.exec(location.search);
    var n = m ? parseInt(m[1], 10) : 0;
    return n >= 3 && n <= 300 ? n * 1000 : 0;
  })();
  function dwell(el) {
    if (fixedDwell) { return fixedDwell; }
    var pages = el.kkPages ? el.kkPages.length : 1;
    var len = (el.textContent || '').length / pages;
    return Math.min(40000, Math.max(12000, 6000 + len * 60));
  }

  // --- fitting a card to the screen ---
  // Step the type down (f1..f4, f4 = the 1rem floor) until the card fits;
  // if it still doesn't, cut what may run long (.flow) into pages of whole
  // lines, so no line is ever cut at the edge.
  var steps = ['', 'f1', 'f2', 'f3', 'f4'];
  function part(el, sel) { return el.querySelector(sel); }
  function overflows(el) {
    var panel = part(el, '.panel'), clip = part(el, '.clip'), flow = part(el, '.flow');
    if (!panel) { return false; }
    if (panel.scrollHeight > panel.clientHeight + 1 || panel.scrollWidth > panel.clientWidth + 1) { return true; }
    return !!(clip && flow && flow.offsetHeight > clip.clientHeight + 1);
  }
  function lineBoxes(root) {
    var base = root.getBoundingClientRect().top, rects = [], range = document.createRange();
    (function walk(n) {
      for (var c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3 && /\S/.test(c.nodeValue)) {
          range.selectNodeContents(c);
          var rs = range.getClientRects();
          for (var k = 0; k < rs.length; k++) { if (rs[k].height > 0) { rects.push({ top: rs[k].top - base, bottom: rs[k].bottom - base }); } }
        } else if (c.nodeType === 1) { walk(c); }
      }
    })(root);
    rects.sort(function (a, b) { return a.top - b.top; });
    var lines = [];
    for (var i = 0; i < rects.length; i++) {
      var r = rects[i], last = lines[lines.length - 1];
      // the same line if it overlaps the last one by more than half its height
      if (last && r.top < last.bottom - (r.bottom - r.top) / 2) { last.bottom = Math.max(last.bottom, r.bottom); } else { lines.push({ top: r.top, bottom: r.bottom }); }
    }
    return lines;
  }
  function paginate(el) {
    var clip = part(el, '.clip'), flow = part(el, '.flow');
    var room = clip.clientHeight, lines = lineBoxes(flow), pages = [], i = 0;
    while (i < lines.length) {
      var top = lines[i].top, end = lines[i].bottom;
      for (i++; i < lines.length && lines[i].bottom - top <= room; i++) { end = Math.max(end, lines[i].bottom); }
      // the page ends where its last line ends, and the next page starts
      // at its first line's top: a line is never half on a page
      pages.push({ top: top, height: Math.ceil(end - top) });
    }
    return pages;
  }
  function showPage(el, k) {
    var clip = part(el, '.clip'), flow = part(el, '.flow'), pages = el.kkPages;
    el.kkPage = k;
    if (!clip || !pages || pages.length < 2) { return; }
    flow.style.top = (-pages[k].top) + 'px';
    clip.style.height = pages[k].height + 'px';
    var mark = part(el, '.pages');
    if (mark) { mark.textContent = ' \u00b7 ' + (k + 1) + '/' + pages.length; }
  }
  function fit(el) {
    var clip = part(el, '.clip'), flow = part(el, '.flow'), mark = part(el, '.pages');
    if (clip) { clip.style.height = ''; flow.style.top = ''; }
    if (mark) { mark.parentNode.removeChild(mark); }
    el.kkPages = null;
    setClass(el, 'paged', false);
    var i = 0;
    for (; i < steps.length; i++) {
      for (var j = 1; j < steps.length; j++) { setClass(el, steps[j], j === i); }
      if (!overflows(el)) { break; }
    }
    if (i === steps.length && clip && flow) {
      setClass(el, 'paged', true);
      el.kkPages = paginate(el);
      var eyebrow = part(el, '.eyebrow');
      if (eyebrow && el.kkPages.length > 1) {
        mark = document.createElement('span');
        mark.className = 'pages';
        eyebrow.appendChild(mark);
      }
    }
    showPage(el, Math.min(el.kkPage || 0, el.kkPages ? el.kkPages.length - 1 : 0));
  }
  function refit() { if (current) { fit(current); } }

  // --- the rotation ---
  function show(el) {
    if (current && current !== el) { setClass(current, 'active', false); }
    current = el;
    if (el) { setClass(el, 'active', true); el.kkPage = 0; fit(el); }
    setClass(empty, 'hidden', !!el);
    drawDots();
  }

  // where the rotation is: one dot per card (at most 12), the current one filled
  function drawDots() {
    var all = cards(), html = '';
    if (all.length > 1 && all.length <= 12) {
      for (var i = 0; i < all.length; i++) { html += all[i] === current ? '<i class="on"></i>' : '<i></i>'; }
    }
    dotsEl.innerHTML = html;
  }

  // the next page of a long card, else the next card; with reduced motion
  // the change is a still page turn (no fade: kiosk.css)
  function next() {
    clearTimeout(rotateTimer);
    if (current && current.kkPages && current.kkPage + 1 < current.kkPages.length) {
      showPage(current, current.kkPage + 1);
      rotateTimer = setTimeout(next, dwell(current));
      return;
    }
    var all = cards();
    if (!all.length) {
      show(null);
      // nothing to rotate: an alternating screen still turns its words
      if (langs.length > 1) { turnLang(); rotateTimer = setTimeout(next, fixedDwell || 15000); }
      return;
    }
    var i = 0;
    for (var j = 0; j < all.length; j++) { if (all[j] === current) { i = j + 1; break; } }
    turnLang();
    all = cards(); // redrawn in the other language
    var el = all[i % all.length];
    show(el);
    rotateTimer = setTimeout(next, dwell(el));
  }

  function forThisRoom(card) {
    if (!card.rooms || !card.rooms.length) { return true; }
    for (var i = 0; i < card.rooms.length; i++) { if (card.rooms[i] === roomId) { return true; } }
    return false;
  }

  // --- languages ---
  function wordsOf(l) { return words[l] || words[langs[0]] || null; }
  function say(key) { var x = wordsOf(lang); return x && x.t && x.t[key] ? x.t[key] : key; }
  function htmlOf(card) { return (card.htmls && card.htmls[lang]) || card.html; }
  function redraw(el, list) {
    var card = known[el.getAttribute('data-id')];
    if (!card) { return el; } // as the page came, until the first re-sync brings every language
    var fresh = build(htmlOf(card));
    if (hasClass(el, 'active')) { setClass(fresh, 'active', true); }
    if (hasClass(el, 'hidden')) { setClass(fresh, 'hidden', true); }
    list.replaceChild(fresh, el);
    return fresh;
  }
  function setLang(l) {
    if (l === lang || !words[l]) { return; }
    lang = l;
    document.documentElement.lang = l;
    var els = document.querySelectorAll('[data-t]'), i;
    for (i = 0; i < els.length; i++) { els[i].textContent = say(els[i].getAttribute('data-t')); }
    els = document.querySelectorAll('[data-t-alt]');
    for (i = 0; i < els.length; i++) { els[i].setAttribute('alt', say(els[i].getAttribute('data-t-alt'))); }
    var all = cards();
    for (i = 0; i < all.length; i++) {
      var fresh = redraw(all[i], deck);
      if (all[i] === current) { current = fresh; }
    }
    var ns = notices.querySelectorAll('.notice[data-id]');
    for (i = 0; i < ns.length; i++) { redraw(ns[i], notices); }
    if (tallies) { setTally(''); }
    tick();
  }
  // an alternating screen turns to its next language
  function turnLang() { if (langs.length > 1) { setLang(langs[(langs.indexOf(lang) + 1) % langs.length]); } }

  function build(html) {
    var tmp = document.createElement('div');
    tmp.innerHTML = html; // server-rendered by our own template, escaped there
    return tmp.firstElementChild || tmp.firstChild;
  }

  function remove(id) {
    delete known[id];
    var n = findNotice(id);
    if (n) { n.parentNode.removeChild(n); refit(); }
    var el = findCard(id);
    if (!el) { return; }
    var wasCurrent = el === current;
    el.parentNode.removeChild(el);
    if (wasCurrent) { current = null; next(); }
    if (!cards().length) { show(null); } else { drawDots(); }
  }

  // --- urgent notices: shown between their start and end, server time ---
  function upsertNotice(card) {
    known[card.id] = card;
    var el = build(htmlOf(card)), old = findNotice(card.id);
    if (old) { notices.replaceChild(el, old); } else { notices.appendChild(el); }
    updateNotices(true);
  }
  // shown from the first moment the server's clock can be past its start
  // until the last moment it can be before its end: never early, never late
  var noticeTimer = null;
  function updateNotices(changed) {
    clearTimeout(noticeTimer);
    var t = Date.now(), earliest = t + skewLo, latest = t + skewHi, wake = 1e15;
    var all = notices.querySelectorAll('.notice[data-id]');
    for (var i = 0; i < all.length; i++) {
      var n = all[i], starts = +n.getAttribute('data-starts'), ends = +n.getAttribute('data-ends');
      if (latest >= ends) { n.parentNode.removeChild(n); changed = true; continue; }
      var live = earliest >= starts;
      if (live === hasClass(n, 'hidden')) { setClass(n, 'hidden', !live); changed = true; }
      wake = Math.min(wake, live ? ends - latest : starts - earliest);
    }
    // on the dot, not at the next clock tick
    if (wake < 3600000) { noticeTimer = setTimeout(function () { updateNotices(false); }, Math.max(10, wake + 5)); }
    if (changed) { refit(); } // the stage grew or shrank
  }

  function upsert(card) {
    if (!forThisRoom(card)) { remove(card.id); return; }
    if (card.kind === 'announcement') { upsertNotice(card); return; }
    known[card.id] = card;
    var el = build(htmlOf(card));
    var old = findCard(card.id);
    if (old) {
      deck.replaceChild(el, old);
      if (old === current) { current = null; show(el); clearTimeout(rotateTimer); rotateTimer = setTimeout(next, dwell(el)); }
      return;
    }
    // a new card comes next, so the person who just got thanked sees it soon
    if (current && current.nextSibling) { deck.insertBefore(el, current.nextSibling); } else { deck.insertBefore(el, empty); }
    if (!current) { next(); } else { drawDots(); }
  }

  function replaceAll(list) {
    var keep = current ? current.getAttribute('data-id') : '';
    var all = cards();
    for (var i = all.length - 1; i >= 0; i--) { all[i].parentNode.removeChild(all[i]); }
    current = null;
    notices.innerHTML = '';
    known = {};
    var resume = null;
    for (var k = 0; k < list.length; k++) {
      if (!forThisRoom(list[k])) { continue; }
      known[list[k].id] = list[k];
      var el = build(htmlOf(list[k]));
      if (list[k].kind === 'announcement') { notices.appendChild(el); continue; }
      deck.insertBefore(el, empty);
      if (list[k].id === keep) { resume = el; }
    }
    updateNotices(false);
    if (resume) { show(resume); clearTimeout(rotateTimer); rotateTimer = setTimeout(next, dwell(resume)); } else { next(); }
  }

  function setOnline(ok) { setClass(statusEl, 'hidden', ok); }

  function showGone() {
    gone = true;
    setClass(body, 'gone', true);
    clearTimeout(rotateTimer);
    var all = cards();
    for (var i = all.length - 1; i >= 0; i--) { all[i].parentNode.removeChild(all[i]); }
    notices.innerHTML = '';
    current = null;
    var eyebrow = empty.querySelector('.eyebrow');
    empty.innerHTML = '<div class="panel"><p class="eyebrow"></p><h1 class="big"></h1><p class="lead gone"></p></div>';
    empty.querySelector('.eyebrow').textContent = eyebrow ? eyebrow.textContent : '';
    empty.querySelector('h1').textContent = say('kiosk.gone.title');
    empty.querySelector('.lead').textContent = say('kiosk.gone.lead');
    show(null);
  }

  function request(method, url, data, headers, done) {
    var x = new XMLHttpRequest();
    var sent = Date.now();
    x.open(method, url, true);
    for (var h in headers) { if (headers.hasOwnProperty(h)) { x.setRequestHeader(h, headers[h]); } }
    x.timeout = 15000;
    x.onreadystatechange = function () {
      if (x.readyState !== 4) { return; }
      if (x.status) { learnSkew(x, sent); }
      done(x);
    };
    x.send(data);
  }

  // "12 thank-yous for this unit this month": follows each re-sync, in
  // the screen's language of the moment
  var tallies = null;
  function setTally(text) {
    var el = document.getElementById('tally');
    if (!el) { return; }
    if (tallies && tallies[lang]) { text = tallies[lang]; }
    el.innerText = text;
    el.className = text ? 'tally' : 'tally hidden';
  }

  // Pushes that arrive while a feed request is in flight. The feed may
  // have been built before them (a slow answer, a busy server): replacing
  // every card with it would drop a note or a notice pushed meanwhile
  // until the next re-sync, minutes later, after a short notice's end. So
  // each request keeps the pushes since it was sent and applies them again,
  // in order, on top of its feed (applying one twice changes nothing).
  var inflight = [];
  function resync() {
    var since = [];
    inflight.push(since);
    request('GET', feedURL, null, etag ? { 'If-None-Match': etag } : {}, function (x) {
      inflight.splice(inflight.indexOf(since), 1);
      if (x.status === 304) { return; }
      if (x.status === 404) { showGone(); return; }
      if (x.status !== 200) { return; }
      var feed;
      try { feed = JSON.parse(x.responseText); } catch (e) { return; }
      if (feed.version !== version) { location.reload(); return; } // a new binary: the server is up, so reloading is safe
      if (gone) { location.reload(); return; }
      etag = x.getResponseHeader('ETag') || '';
      offset = feed.offset; quietStart = feed.quietStart; quietEnd = feed.quietEnd;
      if (!feed.appUrlOk !== !document.querySelector('.code')) { location.reload(); return; }
      replaceAll(feed.cards || []);
      tallies = feed.tallies || null;
      setTally(feed.tally || '');
      for (var i = 0; i < since.length; i++) { applyPush(since[i], true); }
      tick();
    });
  }

  // applyPush applies one realtime message; again is true when it is
  // re-applied on top of a feed (a resync request is not repeated then).
  function applyPush(m, again) {
    if (m.op === 'upsert' && m.card) { upsert(m.card); } else if (m.op === 'remove') { remove(m.id); } else if (m.op === 'resync' && !again) { etag = ''; resync(); }
    if (m.tallies && m.tallies.hasOwnProperty(roomId)) { setTally(m.tallies[roomId]); }
  }

  // --- realtime ---
  var es = null;
  var backoff = 2000;

  function subscribe(clientId) {
    request('POST', '/api/realtime', JSON.stringify({ clientId: clientId, subscriptions: ['kiosk'] }),
      { 'Content-Type': 'application/json' }, function (x) {
        if (x.status === 204) { setOnline(true); backoff = 2000; resync(); } else { reconnect(); }
      });
  }

  function connect() {
    if (!window.EventSource) { setInterval(resync, 30000); return; }
    es = new EventSource('/api/realtime');
    es.addEventListener('PB_CONNECT', function (e) {
      try { subscribe(JSON.parse(e.data).clientId); } catch (err) { reconnect(); }
    });
    es.addEventListener('kiosk', function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      for (var i = 0; i < inflight.length; i++) { inflight[i].push(m); }
      applyPush(m, false);
    });
    es.onerror = function () {
      setOnline(false);
      if (es.readyState === 2) { reconnect(); } // closed for good (e.g. a proxy error): start again ourselves
    };
  }

  function reconnect() {
    setOnline(false);
    if (es) { es.close(); es = null; }
    setTimeout(connect, backoff + Math.random() * 1000);
    backoff = Math.min(backoff * 2, 60000);
  }

  // --- clock, quiet hours, burn-in drift, heartbeat ---
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  // a date in a CLDR pattern of the catalogue (the subset i18n.FormatPattern
  // reads: EEEE, d, dd, MMMM, H, HH, h, hh, mm, a, 'quoted'), with its names
  function format(pattern, d, x) {
    return pattern.replace(/'[^']*'|E+|d+|M+|H+|h+|m+|a/g, function (t) {
      var c = t.charAt(0), h12 = d.getUTCHours() % 12 || 12;
      if (c === "'") { return t.slice(1, -1); }
      if (c === 'E') { return x.days[d.getUTCDay()]; }
      if (c === 'd') { return t.length > 1 ? pad(d.getUTCDate()) : '' + d.getUTCDate(); }
      if (c === 'M') { return x.months[d.getUTCMonth()]; }
      if (c === 'H') { return t.length > 1 ? pad(d.getUTCHours()) : '' + d.getUTCHours(); }
      if (c === 'h') { return t.length > 1 ? pad(h12) : '' + h12; }
      if (c === 'm') { return pad(d.getUTCMinutes()); }
      return d.getUTCHours() < 12 ? x.am : x.pm;
    });
  }
  // the hospital's wall clock, by the server: read it with getUTC*
  function hospitalNow() { return new Date(serverNow() + offset * 60000); }

  function minutes(hhmm) { var p = hhmm.split(':'); return parseInt(p[0], 10) * 60 + parseInt(p[1], 10); }
  // the same rule as the server's quietAt (screen_show.go)
  function isQuiet(now) {
    if (!quietStart || !quietEnd) { return false; }
    var m = now.getUTCHours() * 60 + now.getUTCMinutes(), a = minutes(quietStart), b = minutes(quietEnd);
    return a <= b ? (m >= a && m < b) : (m >= a || m < b);
  }

  function tick() {
    watchClock();
    var now = hospitalNow(), x = wordsOf(lang);
    if (x) {
      var clock = format(x.time, now, x), date = format(x.date, now, x);
      if (clockEl.textContent !== clock) { clockEl.textContent = clock; }
      if (dateEl.textContent !== date) { dateEl.textContent = date; }
    }
    setClass(body, 'night', isQuiet(now));
    updateNotices(false);
  }

  function drift() {
    var x = Math.round(Math.random() * 12 - 6), y = Math.round(Math.random() * 8 - 4);
    var t = 'translate(' + x + 'px,' + y + 'px)';
    frame.style.webkitTransform = t;
    frame.style.transform = t;
  }

  function screenId() {
    var id = '';
    try { id = localStorage.getItem('kkScreen') || ''; } catch (e) { id = ''; }
    if (!/^[A-Za-z0-9-]{8,64}$/.test(id)) {
      id = 'screen-' + Math.random().toString(36).slice(2, 10) + Math.random().toString(36).slice(2, 10);
      try { localStorage.setItem('kkScreen', id); } catch (e) { /* private mode: a new id per load */ }
    }
    return id;
  }
  var myId = screenId();
  function heartbeat() {
    request('POST', '/kiosk/' + encodeURIComponent(slug) + '/heartbeat', 'screen=' + encodeURIComponent(myId) + '&version=' + encodeURIComponent(version),
      { 'Content-Type': 'application/x-www-form-urlencoded' }, function (x) { if (x.status === 404) { showGone(); } });
  }

  // keep the last screen for a reboot while the server is away (HTTPS or localhost only)
  if (navigator.serviceWorker) {
    try { navigator.serviceWorker.register('/kiosk/sw.js', { scope: '/kiosk/' }); } catch (e) { /* not allowed here */ }
  }

  var resizeTimer = null;
  window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(refit, 200); });

  tick();
  next();
  setInterval(tick, 1000);
  // burn-in: move the whole screen a few pixels now and then, unless
  // the viewer asked for no motion
  if (!still) { drift(); setInterval(drift, 120000); }
  setInterval(resync, 300000);
  setInterval(heartbeat, 60000);
  heartbeat();
  connect();
  // read-only: what this screen believes about the server's clock, for
  // whoever debugs a notice that showed late (devtools, the browser tests)
  window.kkClock = function () { return {now: Date.now(), skewLo: skewLo, skewHi: skewHi, strong: skewStrong}; };
  if (window.kkStarted) { window.kkStarted(); }
})();
