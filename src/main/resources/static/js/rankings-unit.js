/* A unit's ranking profile: points per criteria group against the group's maximum, total and rank over the years. */
(function () {
  "use strict";
  function draw() {
    var dataEl = document.getElementById("rank-unit-data");
    if (!dataEl || typeof echarts === "undefined") {
      return;
    }
    var d = JSON.parse(dataEl.textContent || "{}");
    // points in the page's number grammar (dxgov.js): "12,5" in Vietnamese, "12.5" in English
    var num = window.dxgov ? window.dxgov.chart : function (x) { return String(x); };
    var labelOf = function (p) { return num(p.value); };
    var g = document.getElementById("groups-chart");
    if (g && d.groups && d.groups.length && !g.dataset.ready) {
      g.dataset.ready = "1";
      var names = d.groups.map(function (x) { return x.name; }).reverse();
      var chart = echarts.init(g);
      chart.setOption({
        grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: num },
        xAxis: { type: "value", axisLabel: { formatter: num } },
        yAxis: { type: "category", data: names, axisLabel: { width: 120, overflow: "truncate" } },
        series: [
          { name: g.dataset.max, type: "bar", barGap: "-100%", itemStyle: { color: "#e9ecef" }, z: 1,
            data: d.groups.map(function (x) { return Number(x.max); }).reverse() },
          { name: g.dataset.points, type: "bar", itemStyle: { color: "#0d6efd" }, z: 2,
            label: { show: true, position: "right", formatter: labelOf },
            data: d.groups.map(function (x) { return Number(x.points); }).reverse() }
        ]
      });
      window.addEventListener("resize", function () { chart.resize(); });
    }
    var t = document.getElementById("trend-chart");
    if (t && d.trend && d.trend.length && !t.dataset.ready) {
      t.dataset.ready = "1";
      var trend = echarts.init(t);
      var maxRank = Math.max.apply(null, d.trend.map(function (x) { return x.of; }));
      trend.setOption({
        grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: "axis", valueFormatter: num },
        xAxis: { type: "category", data: d.trend.map(function (x) { return String(x.year); }) },
        yAxis: [{ type: "value", name: t.dataset.total, axisLabel: { formatter: num } }, { type: "value", name: t.dataset.rank, inverse: true, min: 1,
          max: maxRank, minInterval: 1 }],
        series: [
          { name: t.dataset.total, type: "line", symbolSize: 8, label: { show: true, formatter: labelOf },
            data: d.trend.map(function (x) { return Number(x.total); }) },
          { name: t.dataset.rank, type: "line", yAxisIndex: 1, symbolSize: 8, lineStyle: { type: "dashed" },
            label: { show: true }, data: d.trend.map(function (x) { return x.rank; }) }
        ]
      });
      window.addEventListener("resize", function () { trend.resize(); });
    }
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
