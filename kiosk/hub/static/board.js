// The advisors' board, live: the server-sent events of /conseillers/flux update the list without a reload;
// every (re)connection reloads it from /conseillers/appels.json, so that nothing missed while away stays
// missed. A new call plays a short beep (Web Audio, once "Activer le son" was touched: browsers let a page
// make sounds only after a touch) and the tab's title counts the calls nobody has seen yet. The buttons
// post their form and get the call back as JSON. Without this script the page still works (forms, links).
(function () {
  "use strict";

  var board = document.getElementById("board");
  if (!board || !window.EventSource || !window.fetch) {
    return;
  }
  var newestFirst = board.dataset.order === "recents";
  var csrf = document.querySelector('meta[name="csrf"]').content;
  var RECENT = 600; // seconds an ended call stays in "Terminés récemment"
  var calls = new Map(); // id -> {call, at: when it was received (ms)}
  var loaded = false;
  var audio = null;
  var live = document.getElementById("live");
  var message = document.getElementById("message");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function hidden(name, value) {
    var input = el("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    return input;
  }

  function form(action, fields, label, className) {
    var f = el("form");
    f.method = "post";
    f.action = action;
    f.appendChild(hidden("csrf", csrf));
    Object.keys(fields).forEach(function (name) {
      f.appendChild(hidden(name, fields[name]));
    });
    f.appendChild(hidden("ordre", newestFirst ? "recents" : "anciens"));
    var button = el("button", className, label);
    button.type = "submit";
    f.appendChild(button);
    return f;
  }

  function waited(seconds) {
    var minutes = Math.floor(Math.max(0, seconds) / 60);
    if (minutes < 1) return "depuis moins d'une minute";
    if (minutes < 60) return "depuis " + minutes + " min";
    var rest = minutes % 60;
    return "depuis " + Math.floor(minutes / 60) + " h " + (rest < 10 ? "0" : "") + rest;
  }

  function elapsed(entry) {
    return (Date.now() - entry.at) / 1000;
  }

  function card(entry) {
    var c = entry.call;
    var li = el("li", "call state-" + c.state);
    li.dataset.id = c.id;
    var head = el("div", "call-head");
    head.appendChild(el("span", "ticket", c.ticket));
    head.appendChild(el("span", "badge", c.state_words));
    li.appendChild(head);
    li.appendChild(el("p", "topic", c.topic));
    li.appendChild(el("p", "where", c.site + " · " + c.terminal));
    li.appendChild(el("p", "age", c.ended ? c.ended_words : waited(c.waited_seconds + elapsed(entry))));
    if (c.release_words) li.appendChild(el("p", "release", c.release_words));
    if (c.moves.length || c.can_release) {
      var actions = el("div", "actions");
      c.moves.forEach(function (m) {
        actions.appendChild(
          form("/conseillers/appels/" + c.id + "/etat", { etat: m.state }, m.label, "move move-" + m.state)
        );
      });
      if (c.can_release) {
        actions.appendChild(form("/conseillers/appels/" + c.id + "/liberer", {}, "Libérer la borne", "free"));
      }
      li.appendChild(actions);
    }
    return li;
  }

  function render() {
    var open = [];
    var ended = [];
    calls.forEach(function (entry, id) {
      if (!entry.call.ended) {
        open.push(entry);
      } else if ((entry.call.ended_seconds || 0) + elapsed(entry) < RECENT) {
        ended.push(entry);
      } else {
        calls.delete(id);
      }
    });
    var sign = newestFirst ? -1 : 1;
    var byAge = function (a, b) {
      var d = b.call.waited_seconds + elapsed(b) - (a.call.waited_seconds + elapsed(a));
      return sign * (d || a.call.id - b.call.id);
    };
    open.sort(byAge);
    ended.sort(byAge);
    fill("open-calls", "none-open", open);
    fill("ended-calls", "none-ended", ended);
    document.getElementById("open-count").textContent = "(" + open.length + ")";
    var fresh = open.filter(function (e) {
      return e.call.state === "sent";
    }).length;
    document.title = (fresh ? "(" + fresh + ") " : "") + "Appels — Îlot";
  }

  function fill(listId, emptyId, entries) {
    var list = document.getElementById(listId);
    var parts = document.createDocumentFragment();
    entries.forEach(function (entry) {
      parts.appendChild(card(entry));
    });
    list.replaceChildren(parts);
    document.getElementById(emptyId).hidden = entries.length > 0;
  }

  function keep(call) {
    calls.set(call.id, { call: call, at: Date.now() });
  }

  function reload() {
    return fetch("/conseillers/appels.json", { headers: { Accept: "application/json" } })
      .then(function (answer) {
        if (answer.redirected) {
          window.location.reload(); // the session ended: the page asks for the login again
          return { calls: [] };
        }
        if (!answer.ok) throw new Error("HTTP " + answer.status);
        return answer.json();
      })
      .then(function (body) {
        var before = new Set(calls.keys());
        calls = new Map();
        body.calls.forEach(keep);
        var arrived = body.calls.some(function (c) {
          return !c.ended && c.state === "sent" && !before.has(c.id);
        });
        if (arrived && loaded) beep();
        loaded = true;
        render();
      })
      .catch(function () {
        say("Connexion perdue. Nouvel essai dans un instant.", true);
      });
  }

  function say(text, lost) {
    live.hidden = false;
    live.textContent = text;
    live.classList.toggle("lost", !!lost);
  }

  function beep() {
    if (!audio) return;
    [0, 0.25].forEach(function (start) {
      var tone = audio.createOscillator();
      var volume = audio.createGain();
      tone.frequency.value = 880;
      volume.gain.setValueAtTime(0.25, audio.currentTime + start);
      volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + 0.18);
      tone.connect(volume).connect(audio.destination);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + 0.2);
    });
  }

  var sound = document.getElementById("sound");
  if (window.AudioContext) {
    sound.hidden = false;
    sound.addEventListener("click", function () {
      if (!audio) audio = new AudioContext();
      audio.resume();
      sound.textContent = "Son activé";
      sound.disabled = true;
      beep();
    });
  }

  function connect() {
    var stream = new EventSource("/conseillers/flux");
    stream.addEventListener("open", function () {
      say("Mise à jour en direct.");
      reload();
    });
    stream.addEventListener("error", function () {
      say("Connexion perdue. Nouvel essai dans un instant.", true);
      if (stream.readyState === EventSource.CLOSED) {
        // The hub answered something else than the stream (it restarted, or the session ended): the
        // browser gives up, so try again a little later; reload() asks for the login when needed.
        setTimeout(function () {
          reload();
          connect();
        }, 5000);
      }
    });
    stream.addEventListener("reload", reload);
    stream.addEventListener("logged-out", function () {
      window.location.reload();
    });
    stream.addEventListener("call", function (event) {
      var call = JSON.parse(event.data);
      var isNew = !calls.has(call.id) && !call.ended && call.state === "sent";
      keep(call);
      render();
      if (isNew) beep();
    });
  }
  connect();

  board.addEventListener("submit", function (event) {
    var f = event.target;
    event.preventDefault();
    if (f.action.slice(-8) === "/liberer" && !window.confirm("Terminer la session du visiteur sur cette borne ?")) {
      return;
    }
    var button = f.querySelector("button");
    button.disabled = true;
    fetch(f.action, { method: "POST", body: new FormData(f), headers: { Accept: "application/json" } })
      .then(function (answer) {
        return answer.json().then(function (body) {
          if (body.call) {
            message.hidden = true;
            keep(body.call);
          } else {
            message.hidden = false;
            message.textContent = body.error || "Cela n'a pas marché. Réessayez.";
            return reload();
          }
        });
      })
      .catch(function () {
        message.hidden = false;
        message.textContent = "Le serveur ne répond pas. Réessayez dans un instant.";
      })
      .then(function () {
        button.disabled = false;
        render();
      });
  });

  setInterval(render, 30000); // the ages move on, and ended calls leave after 10 minutes
})();
