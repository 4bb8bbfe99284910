/* The map of located projects and ideas. It appears only with JavaScript; the list below it
   holds the same information. No tiles are requested until the visitor agrees. */
(function () {
  "use strict";
  var canvas = document.getElementById("karte");
  var data = document.getElementById("karten-daten");
  if (!canvas || !data || typeof window.L === "undefined") { return; }
  var items = JSON.parse(data.textContent);
  canvas.closest(".kek-map").hidden = false;

  var SIZE = 26;      // marker diameter, above the 24 px minimum target size
  var SPACING = 34;   // closer markers are merged into one, so targets never overlap
  var map = L.map(canvas, { keyboard: true, scrollWheelZoom: false });
  var layer = L.layerGroup().addTo(map);

  function markerFor(group) {
    var kinds = group.map(function (item) { return item.kind; });
    var kind = kinds.every(function (k) { return k === kinds[0]; }) ? kinds[0] : "mixed";
    var label = group.length === 1
      ? group[0].kind_label + ": " + group[0].title
      : group.length + " " + canvas.dataset.manyLabel;
    var lat = group.reduce(function (sum, item) { return sum + item.lat; }, 0) / group.length;
    var lon = group.reduce(function (sum, item) { return sum + item.lon; }, 0) / group.length;
    var icon = L.divIcon({ className: "kek-map-marker kek-map-marker--" + kind, iconSize: [SIZE, SIZE] });
    var marker = L.marker([lat, lon], { icon: icon, title: label, keyboard: true });
    var list = document.createElement("ul");
    group.forEach(function (item) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      entry.appendChild(link);
      entry.appendChild(document.createTextNode(" (" + item.kind_label + (item.places ? ", " + item.places : "") + ")"));
      list.appendChild(entry);
    });
    marker.bindPopup(list);
    marker.on("add", function () { marker.getElement().setAttribute("aria-label", label); });
    return marker;
  }

  function draw() {
    layer.clearLayers();
    var groups = [];
    items.forEach(function (item) {
      var point = map.latLngToLayerPoint([item.lat, item.lon]);
      var near = groups.find(function (group) { return group.point.distanceTo(point) < SPACING; });
      if (near) { near.items.push(item); } else { groups.push({ point: point, items: [item] }); }
    });
    groups.forEach(function (group) { layer.addLayer(markerFor(group.items)); });
  }

  if (items.length) {
    map.fitBounds(L.latLngBounds(items.map(function (item) { return [item.lat, item.lon]; })).pad(0.2));
  } else {
    map.setView([53.45, 11.6], 9); // the county
  }
  draw();
  map.on("zoomend", draw);
  canvas.setAttribute("aria-description", canvas.dataset.markerHint);

  document.getElementById("karten-hintergrund").addEventListener("click", function () {
    var tiles = L.tileLayer(canvas.dataset.tilesUrl, { attribution: canvas.dataset.tilesAttribution, maxZoom: 18 });
    var loaded = false;
    var failure = document.getElementById("karten-fehler");
    tiles.on("tileload", function () { loaded = true; failure.hidden = true; });
    // Tiles that do not arrive (offline, blocked, provider down) leave a grey box: say so instead.
    tiles.on("tileerror", function () { if (!loaded) { failure.hidden = false; } });
    tiles.addTo(map);
    document.getElementById("karten-einwilligung").hidden = true;
  });
})();
