/* Passkey sign-in and registration (WebAuthn) for forms marked data-passkey="sign-in" | "register".
   Without JavaScript the same forms post to the server, which explains that passkeys need JavaScript. */
(function () {
    "use strict";

    function toBuffer(b64url) {
        var b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
        while (b64.length % 4) { b64 += "="; }
        var bin = atob(b64), bytes = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
        return bytes.buffer;
    }

    function toBase64Url(buffer) {
        if (!buffer) { return null; }
        var bytes = new Uint8Array(buffer), bin = "";
        for (var i = 0; i < bytes.length; i++) { bin += String.fromCharCode(bytes[i]); }
        return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function post(url, token, body) {
        return fetch(url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "RequestVerificationToken": token },
            body: JSON.stringify(body || {})
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (json) {
                if (!response.ok) { throw new Error(json.detail || json.title || ""); }
                return json;
            });
        });
    }

    function creationOptions(o) {
        o.challenge = toBuffer(o.challenge);
        o.user.id = toBuffer(o.user.id);
        (o.excludeCredentials || []).forEach(function (c) { c.id = toBuffer(c.id); });
        return o;
    }

    function requestOptions(o) {
        o.challenge = toBuffer(o.challenge);
        (o.allowCredentials || []).forEach(function (c) { c.id = toBuffer(c.id); });
        return o;
    }

    function attestation(c) {
        return {
            id: c.id, rawId: toBase64Url(c.rawId), type: c.type,
            response: {
                attestationObject: toBase64Url(c.response.attestationObject),
                clientDataJSON: toBase64Url(c.response.clientDataJSON),
                transports: c.response.getTransports ? c.response.getTransports() : []
            },
            clientExtensionResults: c.getClientExtensionResults ? c.getClientExtensionResults() : {}
        };
    }

    function assertion(c) {
        return {
            id: c.id, rawId: toBase64Url(c.rawId), type: c.type,
            response: {
                authenticatorData: toBase64Url(c.response.authenticatorData),
                clientDataJSON: toBase64Url(c.response.clientDataJSON),
                signature: toBase64Url(c.response.signature),
                userHandle: toBase64Url(c.response.userHandle)
            },
            clientExtensionResults: c.getClientExtensionResults ? c.getClientExtensionResults() : {}
        };
    }

    function wire(form) {
        var kind = form.getAttribute("data-passkey");
        var status = form.querySelector("[data-passkey-status]");
        var button = form.querySelector("button[type=submit]");
        var say = function (text) { status.textContent = text; };

        form.addEventListener("submit", function (event) {
            event.preventDefault();
            if (!window.PublicKeyCredential || !navigator.credentials) {
                say(form.dataset.msgUnsupported);
                return;
            }

            var token = form.querySelector("input[name=__RequestVerificationToken]").value;
            var nickname = form.querySelector("input[name=nickname]");
            var returnUrl = form.querySelector("input[name=returnUrl]");
            button.disabled = true;
            say(form.dataset.msgWorking);
            post(form.dataset.optionsUrl, token).then(function (begun) {
                var ask = kind === "register"
                    ? navigator.credentials.create({ publicKey: creationOptions(begun.options) })
                    : navigator.credentials.get({ publicKey: requestOptions(begun.options) });
                return ask.then(function (credential) {
                    return post(form.dataset.completeUrl, token, {
                        ceremonyId: begun.ceremonyId,
                        credential: kind === "register" ? attestation(credential) : assertion(credential),
                        nickname: nickname ? nickname.value : null,
                        returnUrl: returnUrl ? returnUrl.value : null
                    });
                });
            }).then(function (done) {
                window.location.assign(done.redirect);
            }).catch(function (error) {
                button.disabled = false;
                var cancelled = error && (error.name === "NotAllowedError" || error.name === "AbortError");
                say(cancelled ? form.dataset.msgCancelled : (error && error.message) || form.dataset.msgFailed);
                status.focus && status.setAttribute("tabindex", "-1");
            });
        });
    }

    document.querySelectorAll("form[data-passkey]").forEach(wire);
}());
