// Copy buttons for drafts, and the "Open in your mail program" link following the person's
// edits. Without JavaScript the buttons stay hidden and the text is selectable.
(function () {
  "use strict";
  function setUp(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.getElementById(button.dataset.copy);
        if (!source) return;
        var done = function () {
          var label = button.textContent;
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = label; }, 2000);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(source.value).then(done, function () { source.select(); });
        } else {
          source.select();
          try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ }
        }
      });
    });
  }
  function followEdits(root) {
    root.querySelectorAll("textarea[data-mailto]").forEach(function (body) {
      var link = document.getElementById(body.dataset.mailto);
      var subject = document.getElementById(body.dataset.subject);
      if (!link || body.dataset.following) return;
      body.dataset.following = "1";
      var update = function () {
        link.href = "mailto:" + encodeURIComponent(body.dataset.to || "").replace("%40", "@") +
          "?subject=" + encodeURIComponent(subject ? subject.value : "") +
          "&body=" + encodeURIComponent(body.value);
      };
      body.addEventListener("input", update);
      if (subject) subject.addEventListener("input", update);
    });
  }
  // Switching the tone rewrites the drafts. What the person typed is kept for this tab only
  // (sessionStorage: it never leaves the browser and goes when the tab closes), and offered
  // back under the new draft rather than lost.
  function keepEdits(root) {
    root.querySelectorAll("textarea[data-keep]").forEach(function (body) {
      if (body.dataset.keeping) return;
      body.dataset.keeping = "1";
      var subject = document.getElementById(body.dataset.subject);
      var key = "bounceback:draft:" + location.pathname + ":" + body.dataset.keep;
      var store;
      try { store = window.sessionStorage; } catch (e) { return; }
      var save = function () {
        store.setItem(key, JSON.stringify({
          tone: body.dataset.tone, body: body.value, subject: subject ? subject.value : ""
        }));
      };
      body.addEventListener("input", save);
      if (subject) subject.addEventListener("input", save);
      var kept = null;
      try { kept = JSON.parse(store.getItem(key) || "null"); } catch (e) { kept = null; }
      var offer = root.querySelector('[data-kept-for="' + body.id + '"]');
      if (!kept || !offer || kept.body === body.value) return;
      offer.hidden = false;
      offer.querySelector("button").addEventListener("click", function () {
        body.value = kept.body;
        if (subject) subject.value = kept.subject;
        body.dataset.tone = kept.tone;
        body.dispatchEvent(new Event("input"));
        offer.hidden = true;
        body.focus();
      });
    });
  }
  function all(root) { setUp(root); followEdits(root); keepEdits(root); }
  document.addEventListener("DOMContentLoaded", function () { all(document); });
  document.addEventListener("htmx:afterSwap", function (event) { all(event.target); });
})();
