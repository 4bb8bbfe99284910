/* On phones the header folds the menu (sections, Leichte Sprache, DGS, language) and the search
   behind two buttons, so the page title is on the first screen. Without JavaScript nothing is
   folded: the buttons stay hidden and everything is shown. */
(function () {
  "use strict";
  var header = document.querySelector(".kek-header");
  if (!header) { return; }
  header.classList.add("kek-header--compact");
  header.querySelectorAll(".kek-toggle").forEach(function (button) {
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
})();
