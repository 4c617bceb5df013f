// Charts for the campaign page's live panel. chart.js is loaded on first use only, as on the models page.
let loading;
const load = () => loading ??= new Promise((resolve, reject) => {
  if (window.Chart) return resolve();
  const s = document.createElement("script");
  s.src = "/lib/chartjs/chart.umd.min.js";
  s.onload = resolve;
  s.onerror = reject;
  document.head.appendChild(s);
});
const charts = {};

// Horizontal bars of whole numbers; an existing chart is updated in place so a refresh every second does not flicker.
export async function bars(id, labels, values, label, colors) {
  await load();
  const canvas = document.getElementById(id);
  if (!canvas) return;
  const existing = charts[id];
  if (existing && existing.canvas === canvas) {
    existing.data.labels = labels;
    existing.data.datasets[0].data = values;
    existing.data.datasets[0].backgroundColor = colors;
    existing.update("none");
    return;
  }
  existing?.destroy();
  charts[id] = new window.Chart(canvas, {
    type: "bar",
    data: { labels, datasets: [{ label, data: values, backgroundColor: colors }] },
    options: {
      indexAxis: "y",
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false } },
    },
  });
}
