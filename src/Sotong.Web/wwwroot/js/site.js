// Progressive touches only: every page works without this file.
document.addEventListener("input", (e) => {
  const area = e.target.closest?.("textarea[maxlength]");
  const count = area?.closest(".textarea-wrap")?.querySelector(".count-now");
  if (count) count.textContent = area.value.length.toString();
});

// Charts load chart.js on first use only (the models page), never on public pages.
window.sotong = window.sotong || {};
(() => {
  let loading;
  const load = () => loading ??= new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = "/lib/chartjs/chart.umd.min.js";
    s.onload = resolve;
    s.onerror = reject;
    document.head.appendChild(s);
  });
  const charts = {};
  window.sotong.barChart = async (id, labels, values, label) => {
    await load();
    const canvas = document.getElementById(id);
    if (!canvas) return;
    charts[id]?.destroy();
    charts[id] = new window.Chart(canvas, {
      type: "bar",
      data: { labels, datasets: [{ label, data: values, backgroundColor: "#256ef4" }] },
      options: { indexAxis: "y", animation: false, scales: { x: { min: 0, max: 1 } }, plugins: { legend: { display: false } } },
    });
  };
  // Counts as horizontal bars (the most frequent confusions of a head with many labels).
  window.sotong.countChart = async (id, labels, values, label) => {
    await load();
    const canvas = document.getElementById(id);
    if (!canvas) return;
    charts[id]?.destroy();
    charts[id] = new window.Chart(canvas, {
      type: "bar",
      data: { labels, datasets: [{ label, data: values, backgroundColor: "#256ef4" }] },
      options: { indexAxis: "y", animation: false, scales: { x: { min: 0, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
    });
  };
  // A confusion matrix as a heat map: a scatter of square points on two category axes (rows = truth, columns =
  // predicted), darker for more, the count written in each cell, the diagonal outlined. chart.js has no matrix type.
  window.sotong.matrixChart = async (id, labels, matrix, truth, predicted) => {
    await load();
    const canvas = document.getElementById(id);
    if (!canvas) return;
    charts[id]?.destroy();
    const n = labels.length;
    const max = Math.max(1, ...matrix.flat());
    const cells = [];
    matrix.forEach((row, r) => row.forEach((v, c) => cells.push({ x: labels[c], y: labels[r], v, diag: r === c })));
    // A square's side is 2 × radius × √½ for the "rect" point style: size the radius so squares fill their cells.
    const radius = (ctx) => {
      const area = ctx.chart.chartArea;
      return area ? (Math.min(area.width, area.height) / n) * 0.95 / Math.SQRT2 : 4;
    };
    const shade = (v) => `rgba(37, 110, 244, ${(0.06 + 0.84 * (v / max)).toFixed(3)})`;
    const values = {
      id: "cellValues",
      afterDatasetsDraw(chart) {
        const { ctx } = chart;
        ctx.save();
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.font = "12px sans-serif";
        chart.getDatasetMeta(0).data.forEach((point, i) => {
          const cell = cells[i];
          ctx.fillStyle = cell.v / max > 0.5 ? "#fff" : "#111";
          ctx.fillText(String(cell.v), point.x, point.y);
        });
        ctx.restore();
      },
    };
    charts[id] = new window.Chart(canvas, {
      type: "scatter",
      data: {
        datasets: [{
          data: cells,
          pointStyle: "rect",
          pointRadius: radius,
          pointHoverRadius: radius,
          backgroundColor: (ctx) => shade(ctx.raw?.v ?? 0),
          borderColor: (ctx) => (ctx.raw?.diag ? "#0b50d0" : "rgba(0, 0, 0, 0.08)"),
          borderWidth: (ctx) => (ctx.raw?.diag ? 2 : 1),
        }],
      },
      options: {
        animation: false,
        aspectRatio: 1.2,
        scales: {
          x: { type: "category", labels, offset: true, position: "top", grid: { display: false }, ticks: { autoSkip: false }, title: { display: true, text: predicted } },
          y: { type: "category", labels, offset: true, grid: { display: false }, ticks: { autoSkip: false }, title: { display: true, text: truth } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => `${truth}: ${item.raw.y} → ${predicted}: ${item.raw.x} = ${item.raw.v}` } },
        },
      },
      plugins: [values],
    });
  };
})();
