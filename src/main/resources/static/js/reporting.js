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

  // numerator / denominator → the percentage next to them
  document.addEventListener("input", function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.ratio) { return; }
    var id = input.dataset.ratio;
    var num = document.getElementById("t." + id + ".num");
    var den = document.getElementById("t." + id + ".den");
    var out = document.getElementById("pct-" + id);
    if (!num || !den || !out) { return; }
    if (!window.dxgov) { return; }
    var n = window.dxgov.parse(num.value), d = window.dxgov.parse(den.value);
    out.textContent = isNaN(n) || isNaN(d) || d <= 0 ? "—" : window.dxgov.percent(n * 100 / d);
  });
})();
