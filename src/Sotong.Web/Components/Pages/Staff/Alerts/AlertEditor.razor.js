// The alert editor's live touches: the SMS counter (characters against the limit, code page 949 bytes, characters
// 949 lacks, the exercise marker included) and the polygon outline, redrawn as the author types. The server renders
// the same after every post, so the form works without this file.

let cp949;

// Every non-ASCII character code page 949 holds, read once from the browser's own euc-kr decoder (whose WHATWG index
// is 949's), so the check needs no table of our own.
function encodable() {
  if (cp949) return cp949;
  cp949 = new Set();
  const decoder = new TextDecoder("euc-kr");
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      const c = decoder.decode(pair);
      if (c.length === 1 && c !== "\ufffd") cp949.add(c);
    }
  }
  return cp949;
}

const format = (template, ...values) => (template ?? "").replace(/\{(\d)\}/g, (_, i) => String(values[Number(i)]));

function sms(form) {
  const counter = form.querySelector("[data-sms-counter]");
  const area = form.querySelector("#f-sms");
  if (!counter || !area) return;
  const markers = JSON.parse(counter.dataset.markers || "{}");
  const marker = markers[form.querySelector("#f-status")?.value] ?? "";
  const text = area.value.trim();
  // As AlertTexts.Sms: the marker goes in front unless the author already typed it.
  const sent = marker && !text.startsWith(marker.trimEnd()) ? marker + text : text;
  const table = encodable();
  let characters = 0;
  let bytes = 0;
  const bad = [];
  for (const c of sent) {
    characters++;
    if (c.codePointAt(0) < 0x80) bytes += 1;
    else if (table.has(c)) bytes += 2;
    else {
      // 949 sends what it cannot hold as one '?', as the server counts it.
      bytes += 1;
      if (!bad.includes(c)) bad.push(c);
    }
  }
  const max = Number(counter.dataset.max);
  counter.querySelector("[data-sms-count]").textContent = format(counter.dataset.format, characters, max, bytes);
  const over = counter.querySelector("[data-sms-over]");
  over.hidden = characters <= max;
  over.textContent = " · " + format(over.dataset.format, Math.max(0, characters - max));
  const markerNote = form.querySelector("[data-sms-marker]");
  markerNote.hidden = marker.length === 0;
  markerNote.textContent = format(markerNote.dataset.format, marker.trim());
  const unencodable = form.querySelector("[data-sms-unencodable]");
  unencodable.hidden = bad.length === 0;
  unencodable.textContent = format(unencodable.dataset.format, bad.join(" "));
  form.querySelector("[data-sms-preview]").textContent = sent;
}

function polygon(form) {
  const input = form.querySelector("#f-polygon");
  const box = form.querySelector("[data-testid=polygon-preview]");
  if (!input || !box) return;
  const size = 200;
  const pad = 12;
  const points = [];
  let readable = true;
  for (const pair of input.value.trim().split(/\s+/).filter((p) => p.length > 0)) {
    const parts = pair.split(",");
    const lat = Number(parts[0]);
    const lon = Number(parts[1]);
    if (parts.length !== 2 || parts[0] === "" || parts[1] === "" || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      readable = false;
      break;
    }
    points.push([lat, lon]);
  }
  const caption = box.querySelector("#polygon-caption");
  const figure = box.querySelector("#polygon-figure");
  if (input.value.trim() === "") {
    figure.hidden = true;
    caption.textContent = box.dataset.empty;
    return;
  }
  if (!readable || points.length < 3) {
    figure.hidden = true;
    caption.textContent = box.dataset.bad;
    return;
  }
  // The same sum as AlertPolygonShape.SvgPoints: north up, longitude narrowed by the cosine of the latitude.
  const lats = points.map((p) => p[0]);
  const lons = points.map((p) => p[1]);
  const minLat = Math.min(...lats), maxLat = Math.max(...lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
  const k = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const width = (maxLon - minLon) * k;
  const height = maxLat - minLat;
  const inner = size - 2 * pad;
  const scale = inner / Math.max(width, height, 1e-9);
  const dx = pad + (inner - width * scale) / 2;
  const dy = pad + (inner - height * scale) / 2;
  const svg = points.map(([lat, lon]) => `${(dx + (lon - minLon) * k * scale).toFixed(1)},${(dy + (maxLat - lat) * scale).toFixed(1)}`).join(" ");
  box.querySelector("#polygon-shape").setAttribute("points", svg);
  figure.hidden = false;
  const closed = points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1];
  caption.textContent = closed ? format(box.dataset.ok, points.length) : box.dataset.open;
}

function update(event) {
  const form = event.target.closest?.("[data-alert-editor]");
  if (!form) return;
  sms(form);
  polygon(form);
}

// Listening on the document survives the enhanced form posts that patch the editor's markup.
document.addEventListener("input", update);
document.addEventListener("change", update);
