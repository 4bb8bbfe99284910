/* The approach chooser of the proposal form: a text field above the grouped <select> that hides the
   approaches (and Handlungsfelder) not matching what is typed. Without JavaScript the <select> with
   its groups works alone. Texts come from the select's data attributes (translated on the server). */
(function () {
  "use strict";

  function fold(text) {
    return text.toLowerCase().replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u").replace(/ß/g, "ss")
      .replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  }

  document.querySelectorAll("select[data-approach-filter]").forEach(function (select) {
    var wrapper = document.createElement("div");
    wrapper.className = "kern-form-input kek-approach-filter";
    var label = document.createElement("label");
    label.className = "kern-label";
    label.htmlFor = select.id + "-filter";
    label.textContent = select.dataset.approachFilter;
    var hint = document.createElement("div");
    hint.className = "kern-hint";
    hint.id = select.id + "-filter-hint";
    hint.textContent = select.dataset.filterHint;
    var input = document.createElement("input");
    input.type = "search";
    input.id = select.id + "-filter";
    input.className = "kern-form-input__input";
    input.autocomplete = "off";
    input.setAttribute("aria-describedby", hint.id);
    input.setAttribute("aria-controls", select.id);
    var status = document.createElement("p");
    status.className = "kek-approach-filter__status";
    status.setAttribute("role", "status");
    wrapper.append(label, hint, input, status);
    (select.closest(".kern-form-input") || select).before(wrapper);

    var groups = Array.prototype.slice.call(select.querySelectorAll("optgroup"));

    function apply() {
      var wanted = fold(input.value.trim());
      var count = 0;
      var firstShown = null;
      groups.forEach(function (group) {
        var groupMatches = wanted && fold(group.label).indexOf(wanted) !== -1;
        var shown = 0;
        Array.prototype.forEach.call(group.querySelectorAll("option"), function (option) {
          var show = !wanted || groupMatches || fold(option.textContent).indexOf(wanted) !== -1;
          option.hidden = !show;
          option.disabled = !show && !option.selected;
          if (show) { shown += 1; firstShown = firstShown || option; }
        });
        group.hidden = shown === 0;
        count += shown;
      });
      if (!wanted) { status.textContent = ""; return; }
      var chosen = select.options[select.selectedIndex];
      if (firstShown && (!chosen || chosen.hidden || !chosen.value)) { select.value = firstShown.value; }
      status.textContent = count === 0 ? select.dataset.filterNone
        : count === 1 ? select.dataset.filterOne : select.dataset.filterMany.replace("{n}", count);
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); select.focus(); } // choose, do not send the form yet
    });
  });
})();
