/* kiosk-sw.js: the screen's service worker, served as /kiosk/sw.js (scope
   /kiosk/). It keeps the last good screen page and its fingerprinted
   assets, so a TV that reboots while the server is away shows its last
   content (and then reconnects by itself) instead of a browser error page.
   Only where the browser allows service workers: HTTPS or localhost.
   __VERSION__ is the asset version: a new binary starts a new cache. */
var CACHE = 'kiosk-__VERSION__';

self.addEventListener('install', function () { self.skipWaiting(); });

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('kiosk-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }).then(function () {
    // the page that registered us loaded before we existed: keep it now
    return self.clients.matchAll({ type: 'window' });
  }).then(function (list) {
    return Promise.all(list.filter(function (c) { return isScreen(new URL(c.url)); }).map(function (c) { return remember(c.url); }));
  }));
});

function isScreen(url) { return /^\/kiosk\/[a-z0-9-]+$/.test(url.pathname); }

// remember keeps a screen page and the assets it links to.
function remember(href) {
  return fetch(href, { credentials: 'same-origin' }).then(function (res) {
    if (!res.ok) { return null; }
    return caches.open(CACHE).then(function (c) {
      return c.put(href, res.clone()).then(function () { return res.text(); }).then(function (html) {
        var assets = [], re = /(?:href|src)="(\/(?:css|js|img)\/[^"?]+\?v=[^"]+)"/g, m;
        while ((m = re.exec(html))) { assets.push(m[1]); }
        return c.addAll(assets);
      });
    });
  })['catch'](function () { return null; });
}

function keep(req, res) {
  if (res.ok) {
    var copy = res.clone();
    caches.open(CACHE).then(function (c) { c.put(req, copy); });
  }
  return res;
}

// lastGood is the cached screen, or a page that retries by itself.
function lastGood(req) {
  return caches.match(req).then(function (hit) { return hit || waiting(); });
}

function waiting() {
  return new Response('<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="15">' +
    '<title>Kindness Kiosk</title><body style="margin:0;height:100vh;display:flex;align-items:center;justify-content:center;' +
    'background:#fbf4ea;color:#2a1d12;font:32px system-ui,sans-serif">Connecting to the kiosk server\u2026</body></html>',
    { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET') { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  if (isScreen(url)) {
    // the screen page: network first; the last good copy when the server is
    // away. Behind a reverse proxy "away" is not a network error but the
    // proxy's 502/503/504 page, which would stay on the TV: any 5xx counts.
    e.respondWith(fetch(req).then(function (res) {
      return res.status >= 500 ? lastGood(req) : keep(req, res);
    }, function () { return lastGood(req); }));
  } else if (/^\/(css|js|img)\//.test(url.pathname) && /[?&]v=/.test(url.search)) {
    // fingerprinted assets never change under the same URL
    e.respondWith(caches.match(req).then(function (hit) {
      return hit || fetch(req).then(function (res) { return keep(req, res); });
    }));
  }
});
