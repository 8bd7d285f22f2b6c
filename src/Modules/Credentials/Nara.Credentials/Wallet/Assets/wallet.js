// Progressive enhancement for the wallet pages: registers the wallet's service worker (installable web app) and adds
// a copy button to presentation text. Everything works without it.
(() => {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/my/wallet/sw.js", { scope: "/my/wallet" }).catch(() => {});
  }
  document.addEventListener("DOMContentLoaded", () => {
    for (const area of document.querySelectorAll("textarea[data-copy]")) {
      if (!navigator.clipboard) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "krds-btn small secondary";
      const ko = document.documentElement.lang !== "en";
      button.textContent = ko ? "복사하기" : "Copy";
      const status = document.createElement("span");
      status.setAttribute("role", "status");
      button.addEventListener("click", async () => {
        await navigator.clipboard.writeText(area.value);
        status.textContent = ko ? " 복사했습니다." : " Copied.";
      });
      area.after(button, status);
    }
  });
})();
