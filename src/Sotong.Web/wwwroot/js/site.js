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
})();
