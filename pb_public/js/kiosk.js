/* kiosk.js: the break-room screen. ES5 only (Chrome 49-era TV engines):
   no let/const, arrows, template strings, fetch or promises.

   Live updates: PocketBase realtime (EventSource on /api/realtime, topic
   "kiosk") pushes card upserts/removals; after every (re)connect and every
   5 minutes the screen re-syncs from /kiosk/{slug}/feed (ETag, usually 304).
   When the server is away it keeps showing what it has, with a discreet
   "Reconnecting…" mark, and retries with backoff. See docs/adr/0020. */
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
  var statusEl = document.getElementById('status');
  var clockEl = document.getElementById('clock');
  var dateEl = document.getElementById('date');
  var frame = document.getElementById('frame');
  var feedURL = '/kiosk/' + encodeURIComponent(slug) + '/feed';
  var etag = '';
  var current = null;
  var rotateTimer = null;
  var gone = false;

  function cards() { return deck.querySelectorAll('.kcard[data-id]'); }

  function findCard(id) {
    var all = cards();
    for (var i = 0; i < all.length; i++) { if (all[i].getAttribute('data-id') === id) { return all[i]; } }
    return null;
  }

  // how long a card stays: long enough to read, a pause for short ones;
  // ?dwell=N (seconds, 3-300) fixes it, e.g. for a busy corridor screen
  var fixedDwell = (function () {
    var m = /[?&]dwell=(\d+)/.exec(location.search);
    var n = m ? parseInt(m[1], 10) : 0;
    return n >= 3 && n <= 300 ? n * 1000 : 0;
  })();
  function dwell(el) {
    if (fixedDwell) { return fixedDwell; }
    var len = (el.textContent || '').length;
    return Math.min(40000, Math.max(12000, 6000 + len * 60));
  }

  function show(el) {
    if (current && current !== el) { current.className = current.className.replace(/\s*active/g, ''); }
    current = el;
    if (el && el.className.indexOf('active') < 0) { el.className += ' active'; }
    empty.className = empty.className.replace(/\s*hidden/g, '') + (el ? ' hidden' : '');
    drawDots();
  }

  // where the rotation is: one dot per card (at most 12), the current one filled
  var dotsEl = document.getElementById('dots');
  function drawDots() {
    var all = cards(), html = '';
    if (all.length > 1 && all.length <= 12) {
      for (var i = 0; i < all.length; i++) { html += all[i] === current ? '<i class="on"></i>' : '<i></i>'; }
    }
    dotsEl.innerHTML = html;
  }

  function next() {
    clearTimeout(rotateTimer);
    var all = cards();
    if (!all.length) { show(null); return; }
    var i = 0;
    for (var j = 0; j < all.length; j++) { if (all[j] === current) { i = j + 1; break; } }
    var el = all[i % all.length];
    show(el);
    rotateTimer = setTimeout(next, dwell(el));
  }

  function forThisRoom(card) {
    if (!card.rooms || !card.rooms.length) { return true; }
    for (var i = 0; i < card.rooms.length; i++) { if (card.rooms[i] === roomId) { return true; } }
    return false;
  }

  function build(html) {
    var tmp = document.createElement('div');
    tmp.innerHTML = html; // server-rendered by our own template, escaped there
    return tmp.firstElementChild || tmp.firstChild;
  }

  function remove(id) {
    var el = findCard(id);
    if (!el) { return; }
    var wasCurrent = el === current;
    el.parentNode.removeChild(el);
    if (wasCurrent) { current = null; next(); }
    if (!cards().length) { show(null); } else { drawDots(); }
  }

  function upsert(card) {
    if (!forThisRoom(card)) { remove(card.id); return; }
    var el = build(card.html);
    var old = findCard(card.id);
    if (old) {
      if (old === current) { el.className += ' active'; current = el; }
      deck.replaceChild(el, old);
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
    var resume = null;
    for (var k = 0; k < list.length; k++) {
      if (!forThisRoom(list[k])) { continue; }
      var el = build(list[k].html);
      deck.insertBefore(el, empty);
      if (list[k].id === keep) { resume = el; }
    }
    if (resume) { show(resume); clearTimeout(rotateTimer); rotateTimer = setTimeout(next, dwell(resume)); } else { next(); }
  }

  function setOnline(ok) {
    statusEl.className = statusEl.className.replace(/\s*hidden/g, '') + (ok ? ' hidden' : '');
  }

  function showGone() {
    gone = true;
    if (body.className.indexOf('gone') < 0) { body.className += ' gone'; }
    clearTimeout(rotateTimer);
    var all = cards();
    for (var i = all.length - 1; i >= 0; i--) { all[i].parentNode.removeChild(all[i]); }
    current = null;
    empty.innerHTML = '<div class="panel"><p class="eyebrow">Kindness Kiosk</p><h1 class="big">This screen\u2019s room is no longer set up.</h1>' +
      '<p class="lead gone">An admin can add the room again in the dashboard, or point this screen at another room. It will come back by itself.</p></div>';
    show(null);
  }

  function request(method, url, data, headers, done) {
    var x = new XMLHttpRequest();
    x.open(method, url, true);
    for (var h in headers) { if (headers.hasOwnProperty(h)) { x.setRequestHeader(h, headers[h]); } }
    x.timeout = 15000;
    x.onreadystatechange = function () { if (x.readyState === 4) { done(x); } };
    x.send(data);
  }

  function resync() {
    request('GET', feedURL, null, etag ? { 'If-None-Match': etag } : {}, function (x) {
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
    });
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
      if (m.op === 'upsert' && m.card) { upsert(m.card); } else if (m.op === 'remove') { remove(m.id); } else if (m.op === 'resync') { etag = ''; resync(); }
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
  var days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function hospitalNow() { return new Date(Date.now() + offset * 60000); } // read with getUTC*

  function minutes(hhmm) { var p = hhmm.split(':'); return parseInt(p[0], 10) * 60 + parseInt(p[1], 10); }
  function isQuiet(now) {
    if (!quietStart || !quietEnd) { return false; }
    var m = now.getUTCHours() * 60 + now.getUTCMinutes(), a = minutes(quietStart), b = minutes(quietEnd);
    return a <= b ? (m >= a && m < b) : (m >= a || m < b);
  }

  function tick() {
    var now = hospitalNow();
    clockEl.textContent = pad(now.getUTCHours()) + ':' + pad(now.getUTCMinutes());
    dateEl.textContent = days[now.getUTCDay()] + ' ' + now.getUTCDate() + ' ' + months[now.getUTCMonth()];
    var quiet = isQuiet(now);
    if (quiet && body.className.indexOf('night') < 0) { body.className += ' night'; }
    if (!quiet) { body.className = body.className.replace(/\s*night/g, ''); }
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

  next();
  tick();
  setInterval(tick, 1000);
  setInterval(drift, 120000);
  setInterval(resync, 300000);
  setInterval(heartbeat, 60000);
  heartbeat();
  connect();
  if (window.kkStarted) { window.kkStarted(); }
})();
