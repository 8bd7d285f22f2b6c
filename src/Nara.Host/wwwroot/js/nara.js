// Progressive enhancement only: everything works without this file.
// Header drop-downs are <details>: close them on Escape (focus back to the summary) and on an outside click.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const open of document.querySelectorAll("details.nara-drop[open]")) {
    open.removeAttribute("open");
    open.querySelector("summary")?.focus();
  }
});
document.addEventListener("click", (event) => {
  for (const open of document.querySelectorAll("details.nara-drop[open]")) {
    if (!open.contains(event.target)) open.removeAttribute("open");
  }
});
