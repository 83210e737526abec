/* watchdog.js: the kiosk's safety net, deliberately tiny and ES3-simple.
   If kiosk.js never starts (an old TV engine that can't run it), reload the
   page every 5 minutes, but only after the server answered, so the screen
   never lands on a browser error page. kiosk.js calls kkStarted(). */
(function () {
  var started = false;
  window.kkStarted = function () { started = true; };
  setInterval(function () {
    if (started) { return; }
    var x = new XMLHttpRequest();
    x.open('GET', location.href, true);
    x.onreadystatechange = function () {
      if (x.readyState === 4 && x.status === 200) { location.reload(); }
    };
    x.send();
  }, 300000);
})();
