// Corpus list: enable "Compare selected" only when two to four articles are ticked.
"use strict";
(function () {
  const form = document.getElementById("compare-form");
  if (!form) return;
  const button = document.getElementById("compare-button");
  const hint = document.getElementById("compare-hint");
  function update() {
    const n = form.querySelectorAll('input[name="ids"]:checked').length;
    button.disabled = n < 2 || n > 4;
    hint.textContent = n === 0 ? "Tick 2 to 4 articles" :
      n === 1 ? "Tick at least one more" :
      n > 4 ? "At most 4 at a time" : n + " selected";
  }
  form.addEventListener("change", update);
  update();
})();
