// The help cover, once htmx has put it on the page: made modal so the page behind it can't be
// reached by keyboard or screen reader until the person chooses to go back. Two autosaves
// that crossed on the way may both bring a cover: the first one is the only one kept.
// Without this script the cover still shows (an open <dialog>) and its button still closes it.
(function () {
  "use strict";
  var covers = document.querySelectorAll("dialog.calm-cover");
  for (var i = 1; i < covers.length; i++) covers[i].remove();
  var dialog = covers[0];
  if (!dialog || !dialog.open || typeof dialog.showModal !== "function") return;
  if (dialog.matches(":modal")) return;
  var writing = document.activeElement;
  dialog.close();
  dialog.showModal();
  // Back to the very place they were writing, cursor and all.
  dialog.addEventListener("close", function () {
    if (writing && writing.focus) writing.focus();
  });
  var title = dialog.querySelector("[autofocus]");
  if (title) title.focus();
})();
