/* The target page's chart: yearly values, the straight path to the target and the forecast with its interval. */
(function () {
  "use strict";
  function draw() {
    var el = document.getElementById("target-chart");
    var dataEl = document.getElementById("target-chart-data");
    if (!el || !dataEl || typeof echarts === "undefined") {
      return;
    }
    var d = JSON.parse(dataEl.textContent || "{}");
    // figures in the page's number grammar (dxgov.js): "41,13" in Vietnamese, "41.13" in English
    var num = window.dxgov ? window.dxgov.chart : function (x) { return String(x); };
    var labelOf = function (p) { return num(p.value); };
    var series = [{
      name: el.dataset.values, type: "line", data: d.values || [], symbolSize: 8, connectNulls: true,
      label: { show: true, position: "top", formatter: labelOf }
    }];
    if (d.path && d.path.length > 1) {
      series.push({ name: el.dataset.path, type: "line", data: d.path, lineStyle: { type: "dashed" }, symbol: "none" });
    }
    if (d.forecast) {
      var last = (d.values && d.values.length) ? d.values[d.values.length - 1] : null;
      series.push({
        name: el.dataset.forecast, type: "line", data: last ? [last, d.forecast] : [d.forecast],
        lineStyle: { type: "dotted" }, symbol: "diamond", symbolSize: 10
      });
      if (d.low !== null && d.low !== undefined && d.high !== null && d.high !== undefined) {
        series.push({
          name: el.dataset.forecast, type: "custom", data: [[d.forecast[0], d.low, d.high]],
          renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(1)]);
            var high = api.coord([api.value(0), api.value(2)]);
            var w = 8;
            var style = { stroke: "#fd7e14", lineWidth: 2 };
            return { type: "group", children: [
              { type: "line", shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
              { type: "line", shape: { x1: low[0] - w, y1: low[1], x2: low[0] + w, y2: low[1] }, style: style },
              { type: "line", shape: { x1: high[0] - w, y1: high[1], x2: high[0] + w, y2: high[1] }, style: style }
            ] };
          }
        });
      }
    }
    if (d.target !== null && d.target !== undefined) {
      series[0].markLine = {
        symbol: "none", data: [{ yAxis: d.target, name: el.dataset.target }],
        label: { formatter: function (p) { return el.dataset.target + ": " + num(p.value); } },
        lineStyle: { color: "#198754" }
      };
    }
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      tooltip: { trigger: "axis", valueFormatter: num },
      legend: { top: 0, data: series.filter(function (s) { return s.type === "line"; }).map(function (s) { return s.name; }) },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: "category", data: d.years || [], boundaryGap: false },
      yAxis: { type: "value", scale: true, axisLabel: { formatter: num } },
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
