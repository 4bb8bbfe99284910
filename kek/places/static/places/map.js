/* The map of located projects and ideas. It appears only with JavaScript; the list below it
   holds the same information. No tiles are requested until the visitor agrees. */
(function () {
  "use strict";
  var canvas = document.getElementById("karte");
  var data = document.getElementById("karten-daten");
  if (!canvas || !data || typeof window.L === "undefined") { return; }
  var items = JSON.parse(data.textContent);
  var wrapper = canvas.closest(".kek-map");
  wrapper.hidden = false;

  var map = L.map(canvas, { keyboard: true, scrollWheelZoom: false, attributionControl: true });
  var markers = items.map(function (item) {
    var icon = L.divIcon({ className: "kek-map-marker kek-map-marker--" + item.kind, iconSize: [18, 18] });
    var marker = L.marker([item.lat, item.lon], { icon: icon, title: item.title, keyboard: true, alt: item.title });
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.title;
    var popup = document.createElement("div");
    popup.appendChild(link);
    var meta = document.createElement("p");
    meta.textContent = item.kind_label + (item.places ? " – " + item.places : "");
    popup.appendChild(meta);
    marker.bindPopup(popup);
    marker.addTo(map);
    var element = marker.getElement();
    if (element) { element.setAttribute("aria-label", item.kind_label + ": " + item.title); }
    return marker;
  });
  if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2));
  } else {
    map.setView([53.45, 11.6], 9); // the county
  }
  canvas.setAttribute("aria-description", canvas.dataset.markerHint);

  var consent = document.getElementById("karten-einwilligung");
  var button = document.getElementById("karten-hintergrund");
  function loadTiles() {
    L.tileLayer(canvas.dataset.tilesUrl, { attribution: canvas.dataset.tilesAttribution, maxZoom: 18 }).addTo(map);
    consent.hidden = true;
  }
  button.addEventListener("click", loadTiles);
})();
