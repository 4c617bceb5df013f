// Progressive touches only: every page works without this file.
document.addEventListener("input", (e) => {
  const area = e.target.closest?.("textarea[maxlength]");
  const count = area?.closest(".textarea-wrap")?.querySelector(".count-now");
  if (count) count.textContent = area.value.length.toString();
});
