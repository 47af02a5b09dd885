// Article and comparison pages: the legend's check boxes turn each kind of marking on or off.
"use strict";
(function () {
  document.querySelectorAll("[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      const cls = box.getAttribute("data-toggle");
      document.querySelectorAll(".article-text").forEach(function (el) {
        el.classList.toggle(cls, box.checked);
      });
    });
  });
})();
