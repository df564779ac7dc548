/* dxgov: the little script the pages need; everything also works without it. */
(function () {
  "use strict";
  // <form data-confirm="Công bố kế hoạch?">: ask before submitting (publish and other irreversible actions)
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  // <a data-back href="/">: one step back in the history (the error page's "Quay lại"); the address without script.
  // A click handler here, since the Content-Security-Policy refuses href="javascript:…".
  document.addEventListener("click", function (e) {
    var link = e.target instanceof Element ? e.target.closest("a[data-back]") : null;
    if (link && window.history.length > 1) {
      e.preventDefault();
      window.history.back();
    }
  });

  /*
   * The number grammar of the page's language, as on the server (vn.dxgov.shared.Numbers): Vietnamese 1.250.300,5
   * (dot groups thousands in threes, comma marks decimals), English 1,250,300.5. Charts and live previews format
   * with it; nothing on a page formats a number with toFixed or the browser's default.
   */
  function english() {
    return document.documentElement.lang === "en";
  }
  var formats = {};
  function format(x, minDecimals, maxDecimals) {
    if (x === null || x === undefined || x === "" || isNaN(x)) { return ""; }
    var key = (english() ? "en" : "vi") + minDecimals + ":" + maxDecimals;
    if (!formats[key]) {
      formats[key] = new Intl.NumberFormat(english() ? "en" : "vi-VN",
          { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals, useGrouping: true });
    }
    return formats[key].format(Number(x));
  }
  window.dxgov = {
    /** A figure: at most 6 decimals, trailing zeros dropped. */
    value: function (x) { return format(x, 0, 6); },
    /** At most n decimals. */
    rounded: function (x, n) { return format(x, 0, n); },
    /** A percentage given in percent: exactly one decimal and the sign ("85,5%"). */
    percent: function (x) { var s = format(x, 1, 1); return s === "" ? "" : s + "%"; },
    /** Assessment points: at most two decimals. */
    points: function (x) { return format(x, 0, 2); },
    /** An index from 0 to 1: exactly four decimals. */
    index: function (x) { return format(x, 4, 4); },
    /**
     * A figure on a chart (labels, tooltips, axes): at most two decimals, so that a label reads "41,13" and not
     * "41.131134"; the tables next to the charts show the figures in full. Takes a number or an ECharts [x, y] pair.
     */
    chart: function (x) {
      var y = Array.isArray(x) ? x[x.length - 1] : (x && typeof x === "object" && "value" in x ? x.value : x);
      if (Array.isArray(y)) { y = y[y.length - 1]; }
      return format(y, 0, 2);
    },
    /** Reads a number typed in the page's language; NaN when it does not fit the grammar (never guessed). */
    parse: function (text) {
      var s = (text || "").replace(/^[\s\u00a0\u2007\u202f]+|[\s\u00a0\u2007\u202f]+$/g, "").replace(/[\s\u00a0\u2007\u202f]*%$/, "");
      var m = (english() ? /^([+\-\u2212]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/
                         : /^([+\-\u2212]?)(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/).exec(s);
      if (!m) { return NaN; }
      var v = Number(m[2].replace(/[.,]/g, "") + (m[3] ? "." + m[3] : ""));
      return m[1] === "-" || m[1] === "\u2212" ? -v : v;
    }
  };
})();
