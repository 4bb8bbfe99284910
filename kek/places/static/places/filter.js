/* Filter the places list while typing (the form works without JavaScript through ?ort=…). */
(function () {
  "use strict";
  var form = document.querySelector("[data-place-filter]");
  var status = document.querySelector("[data-place-count]");
  if (!form || !status || !document.getElementById("aemter")) { return; }
  var input = form.querySelector("input[name=ort]");
  var items = Array.prototype.slice.call(document.querySelectorAll(".kek-place-list li, [data-place-group] h3"));

  function fold(text) {
    return text.toLowerCase().replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u").replace(/ß/g, "ss")
      .replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  }

  function apply() {
    var wanted = fold(input.value.trim());
    var count = 0;
    items.forEach(function (item) {
      var show = !wanted || fold(item.textContent).indexOf(wanted) !== -1;
      item.hidden = !show;
      if (show && wanted) { count += 1; }
    });
    document.querySelectorAll("[data-place-group]").forEach(function (group) {
      var visible = group.querySelectorAll("li:not([hidden])").length > 0 || !group.querySelector("h3").hidden;
      group.hidden = !visible;
      if (visible && wanted) { group.querySelector("h3").hidden = false; }
    });
    status.textContent = wanted
      ? (count === 1 ? status.dataset.templateOne : status.dataset.templateMany.replace("{n}", count))
      : "";
  }

  input.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
})();
