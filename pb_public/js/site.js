/* site.js: small progressive enhancements for the phone pages (ES5, optional).
   Every page works without it. */
(function () {
  'use strict';
  var areas = document.querySelectorAll('textarea[maxlength], input[maxlength][data-count]');
  for (var i = 0; i < areas.length; i++) {
    (function (el) {
      var out = document.getElementById(el.id + '-count');
      if (!out) { return; }
      var max = parseInt(el.getAttribute('maxlength'), 10);
      var update = function () { out.textContent = (max - el.value.length) + ' characters left'; };
      el.addEventListener('input', update);
      update();
    })(areas[i]);
  }
})();
