// Îlot hub, workshops pages: makes the code list quicker, adds the camera where the browser reads QR codes
// itself (BarcodeDetector), and a print button. Without this script the pages work the same, a page at a time.
"use strict";

(function () {
  const form = document.getElementById("saisie");
  const print = document.getElementById("imprimer");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", () => window.print());
  }
  if (!form) return;
  const field = document.getElementById("code");
  const paste = document.getElementById("colle");
  const KEPT = 5; // answers whose messages stay in view
  let queue = Promise.resolve();

  // Each addition is sent in turn, with the list as the previous answer left it. The field is emptied at
  // once, so that a barcode reader's next code never mixes with this one.
  function send(extra) {
    queue = queue.then(async () => {
      const data = new FormData(form);
      data.delete("code");
      data.delete("colle");
      for (const [name, value] of Object.entries(extra)) data.set(name, value);
      let page;
      try {
        const answer = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin" });
        page = new DOMParser().parseFromString(await answer.text(), "text/html");
      } catch (error) {
        if (extra.code) field.value = extra.code; // the network failed: the ordinary way says what happened
        if (extra.colle) paste.value = extra.colle;
        form.submit();
        return;
      }
      const list = page.getElementById("liste");
      const said = page.getElementById("messages");
      if (!list || !said) {
        document.body.replaceWith(page.body); // expired, or logged out: that page says what to do
        return;
      }
      document.getElementById("liste").replaceWith(list);
      // The newest messages first, the few before them kept below: a quick reader's next code must not
      // hide that the previous one was refused.
      const shown = document.getElementById("messages");
      const batch = said.querySelector(".batch");
      if (batch) shown.prepend(batch);
      [...shown.querySelectorAll(".batch")].slice(KEPT).forEach((old) => old.remove());
    });
    return queue;
  }

  form.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (button && button.hasAttribute("formaction")) return; // "Proposer des groupes": a new page
    event.preventDefault();
    const extra = {};
    if (button && button.name) extra[button.name] = button.value;
    if (!button || button.value === "code") {
      extra.code = field.value;
      field.value = "";
    } else if (button.value === "colle") {
      extra.colle = paste.value;
      paste.value = "";
    }
    send(extra).then(() => {
      if (!extra.colle) field.focus();
    });
  });

  // Enter in the size field proposes the groups (the form's first button adds a code).
  const size = document.getElementById("taille");
  size.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    form.querySelector("button[formaction]").click();
  });

  // The camera, only where the browser itself reads QR codes: no library is loaded from anywhere.
  const camera = document.getElementById("camera");
  const zone = document.getElementById("camera-zone");
  const video = document.getElementById("camera-video");
  const state = document.getElementById("camera-state");
  let stream = null;
  let last = { text: "", at: 0 };

  async function cameraWorks() {
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return false;
    }
    try {
      return (await window.BarcodeDetector.getSupportedFormats()).includes("qr_code");
    } catch (error) {
      return false;
    }
  }

  function stop() {
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
    zone.hidden = true;
    camera.hidden = false;
    field.focus();
  }

  async function start() {
    zone.hidden = false;
    camera.hidden = true;
    state.textContent = "";
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (error) {
      const why = error && error.name === "NotAllowedError" ? "refused"
        : error && error.name === "NotFoundError" ? "missing" : "failed";
      state.textContent = zone.dataset[why];
      camera.hidden = false;
      return;
    }
    video.srcObject = stream;
    await video.play();
    state.textContent = zone.dataset.ready;
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    const look = async () => {
      if (!stream) return;
      try {
        for (const found of await detector.detect(video)) {
          const text = found.rawValue.trim();
          const now = Date.now();
          if (text && (text !== last.text || now - last.at > 4000)) {
            last = { text, at: now };
            state.textContent = zone.dataset.read + text;
            send({ ajouter: "code", code: text });
          } else if (text) {
            last.at = now; // the same sheet still in front of the camera: read once
          }
        }
      } catch (error) {
        // a frame that could not be read: the next one will be
      }
      setTimeout(look, 250);
    };
    look();
  }

  cameraWorks().then((works) => {
    if (!works) return;
    camera.hidden = false;
    camera.addEventListener("click", start);
    document.getElementById("camera-stop").addEventListener("click", stop);
  });
})();
