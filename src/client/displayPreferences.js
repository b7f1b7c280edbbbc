// Display preferences (text size, contrast, spacing), kept on this device only.
// Written into the <head> of every page (src/layouts/Base.astro) so the chosen display applies
// before the page is drawn, with no request to wait for: no flash of small text for someone who
// needs it large. The preferences page calls
// window.sgPreferences.save() to change them.
(function () {
  'use strict';
  var KEY = 'sg-display-preferences';
  var CHOICES = {
    text: ['standard', 'large', 'largest'],
    contrast: ['standard', 'high'],
    spacing: ['standard', 'more'],
  };

  // Anything unknown (an old or hand-edited value) falls back to the standard display.
  function normalise(stored) {
    var prefs = {};
    Object.keys(CHOICES).forEach(function (name) {
      prefs[name] = stored && CHOICES[name].indexOf(stored[name]) >= 0 ? stored[name] : 'standard';
    });
    return prefs;
  }

  function read() {
    try {
      return normalise(JSON.parse(window.localStorage.getItem(KEY) || '{}'));
    } catch {
      return normalise({});
    }
  }

  function apply(prefs) {
    var root = document.documentElement;
    Object.keys(CHOICES).forEach(function (name) {
      CHOICES[name].forEach(function (value) {
        root.classList.toggle('sg-' + name + '-' + value, prefs[name] === value);
      });
    });
  }

  function save(prefs) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch {
      // Private browsing or storage turned off: the change still applies to this page.
    }
    apply(normalise(prefs));
  }

  window.sgPreferences = { read: read, save: save, apply: apply, choices: CHOICES };
  apply(read());
})();
