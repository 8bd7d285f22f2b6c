// Nara wallet service worker. It keeps no credential and no page in any cache (a shared computer must not show
// someone's wallet offline): it only answers a wallet page that cannot load with a short bilingual offline notice.
const OFFLINE = `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>오프라인 | Offline</title></head><body><main><h1>연결되지 않았습니다</h1><p>인터넷에 연결되면 전자지갑을 다시 열어 주세요.</p>
<h2 lang="en">You are offline</h2><p lang="en">Open your wallet again when you are connected.</p></main></body></html>`;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => {
  if (event.request.mode !== "navigate") return;
  event.respondWith(fetch(event.request).catch(() =>
    new Response(OFFLINE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } })));
});
