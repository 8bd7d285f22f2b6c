// The camera scan of the verifier page and of the wallet's request page: a progressive enhancement over pasting. Without JavaScript or a camera the
// section stays hidden and the paste form works as before. Frames are decoded in the browser (BarcodeDetector
// where the browser has it, else jsQR, loaded only when needed); nothing leaves the page but the QR's text,
// which is put in the paste field (data-field) and submitted with its form (data-form) like a paste.
(function () {
  "use strict";
  var section = document.getElementById("scan");
  var form = section && document.getElementById(section.getAttribute("data-form"));
  var box = section && document.getElementById(section.getAttribute("data-field"));
  if (!section || !form || !box || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }

  var start = document.getElementById("scan-start");
  var stop = document.getElementById("scan-stop");
  var video = document.getElementById("scan-video");
  var status = document.getElementById("scan-status");
  var canvas = document.createElement("canvas");
  var stream = null;
  var running = false;
  section.hidden = false;

  function say(key) {
    status.textContent = section.getAttribute("data-" + key) || "";
  }

  function loadJsQr() {
    if (window.jsQR) {
      return Promise.resolve();
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = "/lib/jsqr/jsQR.js";
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("jsQR")); };
      document.head.appendChild(script);
    });
  }

  function halt() {
    running = false;
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  function found(text) {
    halt();
    say("found");
    box.value = text;
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function decodeWithJsQr() {
    var w = video.videoWidth, h = video.videoHeight;
    if (!w || !h) {
      return null;
    }
    canvas.width = w;
    canvas.height = h;
    var ctx = canvas.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(video, 0, 0, w, h);
    var code = window.jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: "attemptBoth" });
    return code && code.data ? code.data : null;
  }

  function loop(detector) {
    if (!running) {
      return;
    }
    var next = function () { window.setTimeout(function () { loop(detector); }, 150); };
    if (detector) {
      detector.detect(video).then(function (codes) {
        if (codes.length > 0 && codes[0].rawValue) {
          found(codes[0].rawValue);
        } else {
          next();
        }
      }, next);
      return;
    }
    var text = decodeWithJsQr();
    if (text) {
      found(text);
    } else {
      next();
    }
  }

  start.addEventListener("click", function () {
    say("starting");
    var detector = null;
    var ready = Promise.resolve();
    if ("BarcodeDetector" in window) {
      try {
        detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      } catch (e) {
        detector = null;
      }
    }
    if (!detector) {
      ready = loadJsQr();
    }
    ready.then(function () {
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    }).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      return video.play();
    }).then(function () {
      running = true;
      say("scanning");
      loop(detector);
    }).catch(function (e) {
      halt();
      say(e && e.name === "NotAllowedError" ? "denied" : "unavailable");
    });
  });

  stop.addEventListener("click", function () {
    halt();
    say("stopped");
    start.focus();
  });
})();
