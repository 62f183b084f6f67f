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
  document.addEventListener("DOMContentLoaded", function () { setUp(document); followEdits(document); });
  document.addEventListener("htmx:afterSwap", function (event) { setUp(event.target); followEdits(event.target); });
})();
