/* On phones the header folds the menu (sections, Leichte Sprache, DGS, language) and the search
   behind two buttons, so the page title is on the first screen. Without JavaScript nothing is
   folded: the buttons stay hidden and everything is shown.
   Loaded in <head> without `defer`: the class `kek-js` is on <html> before the first paint, so the
   style sheet folds the header at once instead of the page jumping up when a deferred script runs
   (that jump was a layout shift of 0.55 on phones). The buttons are wired once the page is parsed. */
(function () {
  "use strict";
  document.documentElement.classList.add("kek-js");
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".kek-header .kek-toggle").forEach(function (button) {
      var target = document.getElementById(button.dataset.toggle);
      if (!target) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        target.classList.toggle("kek-folded--open", open);
        if (open && target.querySelector("input")) { target.querySelector("input").focus(); }
      });
    });
  });
})();
