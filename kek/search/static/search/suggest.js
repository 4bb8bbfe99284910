/* Suggestions while typing in a search field: fills a <datalist> the browser shows natively.
   Without JavaScript the search works the same, just without suggestions. */
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest-url]").forEach(function (input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-vorschlaege";
    input.setAttribute("list", list.id);
    input.after(list);
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (input.value.trim().length < 3) { list.replaceChildren(); return; }
        fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(input.value), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggestions.map(function (title) {
              var option = document.createElement("option");
              option.value = title;
              return option;
            }));
          })
          .catch(function () { list.replaceChildren(); });
      }, 200);
    });
  });
})();
