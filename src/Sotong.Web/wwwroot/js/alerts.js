// The emergency banner, live. A thin SignalR client on the public pages (no Blazor circuit per reader): the server
// renders the alerts in force into #sotong-alerts, and this keeps that region up to date as alerts are issued,
// updated, cancelled or run out. Alert texts only ever go in as text (textContent), never as HTML.
(() => {
  "use strict";
  if (!window.signalR || window.sotongAlerts) return;

  const box = () => document.getElementById("sotong-alerts");
  const list = () => box()?.querySelector("[data-alert-list]");
  const template = () => document.getElementById("sotong-alert-template");
  const items = () => [...(list()?.querySelectorAll("li[data-alert]") ?? [])];
  const find = (id) => items().find((li) => li.dataset.alert === id);

  // What this page has heard live. A catch-up list read a moment before a push may reach the page after it: it must
  // neither bring back a message that was withdrawn or replaced nor drop one that was just issued.
  const issuedLive = new Set();
  const gone = new Set();

  // The same mapping as AlertTone.cs.
  const tone = (severity) =>
    severity === "Extreme" || severity === "Severe" ? "danger" : severity === "Moderate" ? "warning" : "info";

  const markerOf = (status) =>
    status === "Exercise" ? "Exercise" : status === "Test" || status === "Draft" || status === "System" ? "Test" : null;

  const time = (iso) => {
    const t = Date.parse(iso ?? "");
    return Number.isNaN(t) ? 0 : t;
  };

  const expired = (iso) => {
    const t = time(iso);
    return t !== 0 && t <= Date.now();
  };

  function build(alert, live) {
    const blank = template();
    const li = blank?.querySelector("li")?.cloneNode(true);
    if (!li) return null;
    const english = box().dataset.lang === "en";
    const set = (field, value) => li.querySelectorAll(`[data-field="${field}"]`).forEach((el) => { el.textContent = value ?? ""; });
    const t = tone(alert.severity);

    li.dataset.alert = alert.identifier;
    li.dataset.sent = alert.sent ?? "";
    li.dataset.expires = alert.expires ?? "";
    li.classList.remove("tone-danger", "tone-warning", "tone-info");
    li.classList.add("tone-" + t);

    const badge = li.querySelector('[data-field="severity"]');
    badge.classList.remove("danger", "warning", "info");
    badge.classList.add(t);
    badge.textContent = blank.dataset["sev" + alert.severity] ?? alert.severity ?? "";

    const marker = markerOf(alert.status);
    li.querySelectorAll("[data-marker]").forEach((el) => { if (el.dataset.marker !== marker) el.remove(); });
    if (alert.msgType !== "Update") li.querySelectorAll('[data-field="update"]').forEach((el) => el.remove());

    set("headline", english ? alert.headlineEn : alert.headlineKo);
    set("instruction", english ? alert.instructionEn : alert.instructionKo);
    li.querySelector('[data-field="link"]')?.setAttribute("href", "/alerts/" + encodeURIComponent(alert.identifier));
    // Announced the moment it arrives, without moving the reader's focus.
    if (live) li.querySelector(".critical-ban")?.setAttribute("role", "alert");
    return li;
  }

  // Newest first, as the server renders them.
  function put(alert, live) {
    const ul = list();
    // Once withdrawn on this page, a late or repeated push of the same message does not bring it back.
    if (!ul || !alert?.identifier || gone.has(alert.identifier) || alert.msgType === "Cancel" || expired(alert.expires)) return;
    const li = build(alert, live);
    if (!li) return;
    const existing = find(alert.identifier);
    if (existing) {
      existing.replaceWith(li);
      return;
    }
    const sent = time(alert.sent);
    const after = items().find((other) => time(other.dataset.sent) < sent);
    ul.insertBefore(li, after ?? null);
  }

  function remove(ids) {
    for (const id of ids ?? []) {
      gone.add(id);
      find(id)?.remove();
    }
  }

  // Takes down what ran out, shows the region only when it has something, and says whether the page is live.
  function refresh() {
    const region = box();
    if (!region) return;
    for (const li of items()) if (expired(li.dataset.expires)) li.remove();
    region.hidden = items().length === 0;
    region.dataset.live = connection.state === signalR.HubConnectionState.Connected ? "on" : "off";
  }

  function catchUp(current) {
    const wanted = (current ?? []).filter((a) => a.msgType !== "Cancel" && !gone.has(a.identifier));
    const ids = new Set(wanted.map((a) => a.identifier));
    for (const li of items()) if (!ids.has(li.dataset.alert) && !issuedLive.has(li.dataset.alert)) li.remove();
    for (const a of wanted) if (!find(a.identifier)) put(a, true);
    refresh();
  }

  // Backs off to 30 s with jitter, and never gives up: an alert may come at any hour to a page left open.
  const delay = (attempt) => Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random());

  // WebSockets straight away: no negotiation round trip, and no sticky sessions needed behind a load balancer.
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/alerts", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => delay(context.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  connection.on("AlertIssued", (alert, replaces) => {
    remove(replaces);
    if (alert?.msgType === "Cancel") {
      remove([alert.identifier]);
    } else if (alert?.identifier) {
      issuedLive.add(alert.identifier);
      put(alert, true);
    }
    refresh();
  });
  connection.on("AlertsWithdrawn", (identifiers) => {
    remove(identifiers);
    refresh();
  });
  connection.on("AlertsCurrent", catchUp);
  connection.onreconnecting(refresh);
  // After a gap the server's list (AlertsCurrent, sent on connect) is the truth: what was heard live before the gap
  // no longer outranks it, or an alert cancelled during the gap would stay up until it expires.
  connection.onreconnected(() => {
    issuedLive.clear();
    refresh();
  });

  async function start(attempt) {
    try {
      await connection.start();
    } catch {
      setTimeout(() => start(attempt + 1), delay(attempt));
    }
    refresh();
  }
  connection.onclose(() => {
    refresh();
    setTimeout(() => start(1), delay(1));
  });

  // Blazor's enhanced navigation swaps the page (banner included, as the server rendered it) but keeps this script.
  window.Blazor?.addEventListener?.("enhancedload", refresh);
  setInterval(refresh, 30_000);
  window.sotongAlerts = { connection };
  start(0);
})();
