// Registers this browser for Web Push on /settings/notifications. Progressive enhancement: without
// JavaScript (or push support) the page says so plainly and everything else still works.
(() => {
  const root = document.getElementById("nara-push");
  if (!root) return;
  const button = document.getElementById("nara-push-subscribe");
  const status = document.getElementById("nara-push-status");
  const say = (text) => { status.textContent = text; };
  root.classList.add("nara-push-js");

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say(root.dataset.msgUnsupported);
    return;
  }

  const applicationServerKey = (base64url) => {
    const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  };

  button.hidden = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    say(root.dataset.msgWorking);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        say(root.dataset.msgDenied);
        return;
      }
      const registration = await navigator.serviceWorker.register("/push-sw.js");
      await navigator.serviceWorker.ready;
      const subscription = (await registration.pushManager.getSubscription())
        ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(root.dataset.publicKey) }));
      const token = root.querySelector("input[name='__RequestVerificationToken']").value;
      const response = await fetch(root.dataset.endpoint, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "RequestVerificationToken": token },
        body: JSON.stringify(subscription.toJSON()),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      window.location.assign("/settings/notifications?done=device-added#push");
    } catch (error) {
      say(`${root.dataset.msgFailed} (${error && error.name ? error.name : "Error"})`);
    } finally {
      button.disabled = false;
    }
  });
})();
