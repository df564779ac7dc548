/*
 * The rankings map: Leaflet draws the bundled boundary GeoJSON (/geo/...) on a plain background (tiles only when
 * the server is configured with a tile URL), colours each unit by its classification or score, with a legend and a
 * tooltip (name, score, rank, classification). Units are matched to features by official code (a string with its
 * leading zeros). The data comes from <script type="application/json" id="rank-map-data">.
 */
(function () {
  "use strict";
  var GREEN_TO_RED = ["#1a9850", "#66bd63", "#a6d96a", "#fee08b", "#fdae61", "#f46d43", "#d73027"];
  var NONE = "#d9d9d9";

  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  /** n colours from green (best) to red, evenly spread over the palette. */
  function palette(n) {
    if (n <= 1) {
      return [GREEN_TO_RED[0]];
    }
    var out = [];
    for (var i = 0; i < n; i++) {
      out.push(GREEN_TO_RED[Math.round(i * (GREEN_TO_RED.length - 1) / (n - 1))]);
    }
    return out;
  }

  /** Points in the page's number grammar (dxgov.js): at most two decimals, "812,25" in Vietnamese. */
  function fmt(n) {
    var x = Number(n);
    return isNaN(x) || !window.dxgov ? "" : window.dxgov.points(x);
  }

  function init(el) {
    var dataEl = document.getElementById("rank-map-data");
    if (!el || el.dataset.ready || !dataEl || typeof L === "undefined") {
      return;
    }
    el.dataset.ready = "1";
    var d = JSON.parse(dataEl.textContent || "{}");
    var units = d.units || [];
    var byCode = {};
    // a unit colours the features of its codes (a province after 1/7/2025: the old provinces it took over)
    units.forEach(function (u) {
      (u.featureCodes && u.featureCodes.length ? u.featureCodes : [u.code]).forEach(function (c) {
        byCode[String(c)] = u;
      });
    });
    var levels = d.levels || [];
    var levelColours = palette(levels.length);
    var levelColour = {};
    levels.forEach(function (l, i) { levelColour[l.code] = levelColours[i]; });
    var totals = units.map(function (u) { return Number(u.total); });
    var min = totals.length ? Math.min.apply(null, totals) : 0;
    var max = totals.length ? Math.max.apply(null, totals) : 0;
    var BINS = 5;
    var scoreColours = palette(BINS);  // best first
    function bin(total) {
      if (max <= min) {
        return 0;
      }
      var i = Math.floor((max - Number(total)) / (max - min) * BINS);
      return Math.min(BINS - 1, Math.max(0, i));
    }
    // a set without classification levels (the provincial DTI) is drawn by score: by classification it would be grey
    var mode = levels.length ? "classification" : "score";

    function colour(u) {
      if (!u) {
        return NONE;
      }
      if (mode === "score") {
        return scoreColours[bin(u.total)];
      }
      return levelColour[u.classificationCode] || NONE;
    }

    function style(feature) {
      var u = byCode[String(feature.properties.code)];
      return { color: "#555", weight: 1, fillColor: colour(u), fillOpacity: u ? 0.85 : 0.4, className: "rank-unit" };
    }

    // no wheel zoom (the page scrolls over the map); one finger pans on a phone, two zoom
    var map = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { attribution: el.dataset.tilesAttribution || "", maxZoom: 18 }).addTo(map);
    }
    var group = L.featureGroup().addTo(map);
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "rank-legend");
      div.id = "rank-legend";
      return div;
    };
    legend.addTo(map);

    function drawLegend() {
      var div = document.getElementById("rank-legend");
      var rows = [];
      if (mode === "score") {
        var step = (max - min) / BINS;
        for (var i = 0; i < BINS; i++) {
          var hi = max - i * step;
          var lo = Math.max(min, hi - step);
          rows.push([scoreColours[i], max > min ? fmt(lo) + "–" + fmt(hi) : fmt(max)]);
          if (max <= min) {
            break;
          }
        }
      } else {
        levels.forEach(function (l) { rows.push([levelColour[l.code], l.name]); });
      }
      rows.push([NONE, el.dataset.none || ""]);
      // built as elements with the colour set through the CSSOM: a style="…" attribute in markup is refused by the
      // Content-Security-Policy (no inline style)
      div.innerHTML = "<strong>" + esc(el.dataset.legend) + "</strong>";
      rows.forEach(function (r) {
        var line = document.createElement("div");
        var swatch = document.createElement("i");
        swatch.style.background = r[0];
        line.appendChild(swatch);
        line.appendChild(document.createTextNode(r[1]));
        div.appendChild(line);
      });
    }

    function tooltip(u, feature) {
      if (!u) {
        return "<strong>" + esc(feature.properties.name) + "</strong><br>" + esc(el.dataset.none);
      }
      var part = feature.properties.name && feature.properties.name !== u.name
        ? "<br><small>" + esc(feature.properties.name) + "</small>" : "";
      return "<strong>" + esc(u.name) + "</strong>" + part + "<br>" + esc(el.dataset.score) + ": " + fmt(u.total)
        + "<br>" + esc(el.dataset.rank) + ": " + u.rank + "/" + units.length
        + "<br>" + esc(el.dataset.classification) + ": " + esc(u.classificationName || "–");
    }

    var layers = [];
    Promise.all((d.files || []).map(function (f) {
      return fetch(f, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) {
          throw new Error(f + ": " + r.status);
        }
        return r.json();
      });
    })).then(function (geos) {
      var drawn = 0;
      geos.forEach(function (g) {
        L.geoJSON(g, {
          style: style,
          onEachFeature: function (feature, layer) {
            var u = byCode[String(feature.properties.code)];
            layer.bindTooltip(tooltip(u, feature), { sticky: true });
            if (u) {
              layer.on("click", function () {
                layer.openTooltip();
              });
              drawn++;
            }
            layers.push({ layer: layer, feature: feature, unit: u });
          }
        }).addTo(group);
      });
      // the paths exist once the map has a view (layers added before it wait for it)
      if (group.getLayers().length) {
        map.fitBounds(group.getBounds(), { padding: [6, 6] });
      } else {
        map.setView([16, 106], 5);
      }
      layers.forEach(function (x) {
        var p = x.layer.getElement && x.layer.getElement();
        if (p) {
          p.setAttribute("data-code", String(x.feature.properties.code));
          if (x.unit) {
            p.setAttribute("data-unit", String(x.unit.unitId));
          }
        }
      });
      drawLegend();
      el.dataset.drawn = String(drawn);
      el.dataset.mode = mode;
      el.classList.add("rank-map-ready");
    }).catch(function (e) {
      el.dataset.error = String(e);
      el.insertAdjacentHTML("beforeend", "<p class=\"p-3 small text-danger\">" + esc(e) + "</p>");
    });

    var modes = document.getElementById("rank-map-modes");
    if (modes) {
      modes.querySelectorAll("[data-mode]").forEach(function (x) { x.classList.toggle("active", x.dataset.mode === mode); });
      modes.addEventListener("click", function (ev) {
        var b = ev.target.closest("[data-mode]");
        if (!b) {
          return;
        }
        mode = b.dataset.mode;
        modes.querySelectorAll("[data-mode]").forEach(function (x) { x.classList.toggle("active", x === b); });
        layers.forEach(function (x) { x.layer.setStyle(style(x.feature)); });
        drawLegend();
        el.dataset.mode = mode;
      });
    }
    // the container may change size (phone rotation, htmx swaps)
    window.addEventListener("resize", function () { map.invalidateSize(); });
  }

  function start() {
    init(document.getElementById("rank-map"));
  }

  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("htmx:afterSettle", start);
})();
