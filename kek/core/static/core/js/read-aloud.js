/* "Vorlesen": reads the page's main content with the browser's own speech synthesis.
   The button only appears where the browser offers speech synthesis; nothing is sent anywhere. */
(function () {
  "use strict";
  var slot = document.getElementById("vorlesen");
  var main = document.getElementById("inhalt");
  if (!slot || !main || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance !== "function") {
    return;
  }
  var labels = { start: slot.dataset.start, stop: slot.dataset.stop };
  var button = document.createElement("button");
  button.type = "button";
  button.className = "kern-btn kern-btn--secondary kek-read-aloud";
  button.setAttribute("aria-pressed", "false");
  var label = document.createElement("span");
  label.className = "kern-label";
  label.textContent = labels.start;
  button.appendChild(label);

  function stop() {
    window.speechSynthesis.cancel();
    button.setAttribute("aria-pressed", "false");
    label.textContent = labels.start;
  }

  button.addEventListener("click", function () {
    if (button.getAttribute("aria-pressed") === "true") {
      stop();
      return;
    }
    var utterance = new SpeechSynthesisUtterance(main.innerText);
    utterance.lang = document.documentElement.lang === "en" ? "en-GB" : "de-DE";
    utterance.onend = stop;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    button.setAttribute("aria-pressed", "true");
    label.textContent = labels.stop;
  });
  window.addEventListener("pagehide", stop);
  slot.appendChild(button);
  slot.classList.add("kek-read-aloud-slot--ready");
})();
