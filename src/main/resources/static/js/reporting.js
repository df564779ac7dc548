/* reporting pages: confirmation on buttons, the live percentage of ratio lines. Everything works without it. */
(function () {
  "use strict";
  // <button data-confirm="Gửi báo cáo?">: ask before the button submits its form
  document.addEventListener("click", function (e) {
    var button = e.target instanceof Element ? e.target.closest("button[data-confirm]") : null;
    if (button && !window.confirm(button.dataset.confirm)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  function number(text) {
    if (!text) { return NaN; }
    var s = text.replace(/[\s\u00a0%]/g, "");
    if (s.indexOf(",") >= 0 && s.indexOf(".") >= 0) {
      s = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
    } else {
      s = s.replace(",", ".");
    }
    return s === "" || isNaN(s) ? NaN : parseFloat(s);
  }

  // numerator / denominator → the percentage next to them
  document.addEventListener("input", function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.ratio) { return; }
    var id = input.dataset.ratio;
    var num = document.getElementById("t." + id + ".num");
    var den = document.getElementById("t." + id + ".den");
    var out = document.getElementById("pct-" + id);
    if (!num || !den || !out) { return; }
    var n = number(num.value), d = number(den.value);
    out.textContent = isNaN(n) || isNaN(d) || d <= 0 ? "—"
        : (Math.round(n * 10000 / d) / 100).toLocaleString(document.documentElement.lang || "vi") + " %";
  });
})();
