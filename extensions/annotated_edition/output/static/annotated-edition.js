// Annotated edition: progressive enhancement only; every feature works without this file.
"use strict";

const BODY_ANCHOR = /^ref-(.+)-body$/;  // a link into a note's body (it opens the note without JavaScript too)

function noteId(hash) {
  const id = decodeURIComponent(hash.replace(/^#/, ""));
  const match = BODY_ANCHOR.exec(id);
  return match ? match[1] : id;
}

function openNote(id) {
  const note = document.getElementById(id);
  if (note && note.tagName === "DETAILS") {
    note.open = true;
    note.querySelector("summary").focus();
  }
  return note;
}

document.addEventListener("click", (event) => {
  // The claim's words, its marker and the findings at the top all link to a note: open it there.
  const toNote = event.target.closest("a[href^='#ref-']");
  if (toNote && BODY_ANCHOR.test(toNote.getAttribute("href").slice(1))) {
    event.preventDefault();
    const id = noteId(toNote.getAttribute("href"));
    if (openNote(id)) history.replaceState(null, "", "#" + id);
    return;
  }
  // On a touch screen the first tap on a mention shows its preview; the second (or "Full entry") follows it.
  const mention = event.target.closest(".edition-mention > a.reference");
  if (mention && window.matchMedia("(hover: none)").matches) {
    const holder = mention.parentElement;
    document.querySelectorAll(".edition-preview-open").forEach((m) => { if (m !== holder) m.classList.remove("edition-preview-open"); });
    if (!holder.classList.contains("edition-preview-open")) {
      event.preventDefault();
      holder.classList.add("edition-preview-open");
      return;
    }
  } else if (!event.target.closest(".edition-mention")) {
    document.querySelectorAll(".edition-preview-open").forEach((m) => m.classList.remove("edition-preview-open"));
  }
  // A paragraph number is a permalink: also copy the passage's address for citation.
  const link = event.target.closest("a.edition-pnum");
  if (link && navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(link.href).catch(() => {});
  }
});

// Escape closes the open note and returns focus to its place in the text.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const note = document.activeElement && document.activeElement.closest("details.edition-note[open]");
  if (!note) return;
  note.open = false;
  const ref = document.getElementById("ref-" + note.id);
  (ref || note.querySelector("summary")).focus();
});

// Following a link to a note opens it.
window.addEventListener("hashchange", () => openNote(noteId(location.hash)));
if (location.hash) openNote(noteId(location.hash));

// Reading options (checkboxes the stylesheet obeys by itself): remembered from page to page.
document.querySelectorAll("input.edition-option").forEach((box) => {
  const key = "annotated-edition:" + box.id;
  try { box.checked = localStorage.getItem(key) === "1"; } catch (e) { /* storage may be off */ }
  box.addEventListener("change", () => {
    try { localStorage.setItem(key, box.checked ? "1" : "0"); } catch (e) { /* storage may be off */ }
    layoutSidenotes();
  });
});

// Sidenotes on wide screens: each note beside its claim, pushed down when the note above reaches it.
const WIDE = window.matchMedia("(min-width: 1100px)");
const essayStart = document.querySelector("p#p1");
const essaySection = essayStart && essayStart.closest("section");
const sidenotes = essaySection ? [...essaySection.querySelectorAll(".edition-passage > details.edition-note")] : [];
if (essaySection) essaySection.classList.add("edition-essay-section");

function layoutSidenotes() {
  if (!sidenotes.length) return;
  const root = document.documentElement;
  const plain = document.querySelector("#edition-option-plain:checked");
  if (!WIDE.matches || plain || window.matchMedia("print").matches) {
    root.classList.remove("edition-sidenotes");
    essaySection.style.minHeight = "";
    sidenotes.forEach((note) => { note.style.top = ""; });
    return;
  }
  root.classList.add("edition-sidenotes");
  const rem = parseFloat(getComputedStyle(root).fontSize);
  const gap = 2 * rem;
  const box = essaySection.getBoundingClientRect();
  const room = root.clientWidth - box.left - rem;  // from the text's left edge to the window's right
  const noteWidth = Math.min(30 * rem, Math.max(14 * rem, room * 0.36));
  const textWidth = Math.min(essayStart.getBoundingClientRect().width, room - noteWidth - gap,
    parseFloat(getComputedStyle(essayStart).fontSize) * 38);  // about 70 characters at most
  essaySection.style.setProperty("--edition-text-width", textWidth + "px");
  essaySection.style.setProperty("--edition-note-left", textWidth + gap + "px");
  essaySection.style.setProperty("--edition-note-width", noteWidth + "px");
  // Read every place first, then write: one layout, whatever the number of notes.
  const top = essaySection.getBoundingClientRect().top;
  const wanted = sidenotes.map((note) => {
    const claim = document.getElementById("claim-" + note.id) || document.getElementById("ref-" + note.id);
    return (claim || note.parentElement).getBoundingClientRect().top - top;
  });
  const heights = sidenotes.map((note) => note.offsetHeight);
  let bottom = -Infinity;
  sidenotes.forEach((note, i) => {
    const y = Math.max(wanted[i], bottom + 0.4 * rem);
    note.style.top = y + "px";
    bottom = y + heights[i];
  });
  essaySection.style.minHeight = bottom + "px";
}

layoutSidenotes();
WIDE.addEventListener("change", layoutSidenotes);
window.addEventListener("resize", () => window.requestAnimationFrame(layoutSidenotes));
document.addEventListener("toggle", (event) => {
  if (event.target.matches && event.target.matches("details.edition-note, details.edition-about, details.edition-paratext")) {
    layoutSidenotes();
  }
}, true);
if (document.fonts) document.fonts.ready.then(layoutSidenotes);

// Print every note and every paratext box.
window.addEventListener("beforeprint", () => {
  document.documentElement.classList.remove("edition-sidenotes");
  document.querySelectorAll("details.edition-note, details.edition-paratext, details.edition-about").forEach((d) => {
    if (!d.open) { d.open = true; d.dataset.printOpened = "true"; }
  });
});
window.addEventListener("afterprint", () => {
  document.querySelectorAll("details[data-print-opened]").forEach((d) => {
    d.open = false; delete d.dataset.printOpened;
  });
  layoutSidenotes();
});

// The register's verdict filter: a row of checkboxes; without JavaScript the list is shown whole.
document.querySelectorAll("ul.edition-register").forEach((list, index) => {
  if (index > 0) return;
  const verdicts = new Map();
  document.querySelectorAll("li.edition-register-item").forEach((item) => {
    const cls = [...item.classList].find((c) => c.startsWith("edition-verdict-"));
    const label = item.querySelector("strong");
    if (cls && label) verdicts.set(cls, label.textContent);
  });
  const form = document.createElement("fieldset");
  form.className = "edition-register-filter";
  // The legend in the page's language, written by the register (hidden: it is only read from here).
  const words = document.querySelector(".edition-filter-legend");
  form.innerHTML = "<legend></legend>";
  form.querySelector("legend").textContent = words ? words.textContent : "Show verdicts";
  for (const [cls, label] of verdicts) {
    const box = document.createElement("label");
    box.innerHTML = `<input type="checkbox" checked value="${cls}"> ${label}`;
    form.appendChild(box);
  }
  form.addEventListener("change", () => {
    const shown = new Set([...form.querySelectorAll("input:checked")].map((i) => i.value));
    document.querySelectorAll("li.edition-register-item").forEach((item) => {
      item.hidden = ![...item.classList].some((c) => shown.has(c));
    });
  });
  list.parentNode.insertBefore(form, list.previousElementSibling || list);
  // A link such as register.html?verdict=inaccurate#register-essays-essay-2 (an essay's verdict summary)
  // shows that verdict alone.
  const only = new URLSearchParams(location.search).get("verdict");
  if (only && verdicts.has("edition-verdict-" + only)) {
    form.querySelectorAll("input").forEach((input) => { input.checked = input.value === "edition-verdict-" + only; });
    form.dispatchEvent(new Event("change"));
  }
});

// Arriving on a registry entry from an essay: a link back to the place in the essay.
(() => {
  if (!document.referrer || !location.hash.startsWith("#event-") && !location.hash.startsWith("#person-")) return;
  let from;
  try { from = new URL(document.referrer); } catch (e) { return; }
  if (from.origin !== location.origin || from.pathname === location.pathname) return;
  const entry = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!entry) return;
  const back = document.createElement("a");
  back.className = "edition-back-to-essay";
  back.href = from.href;
  back.textContent = "\u2190 Back to the essay";
  back.addEventListener("click", (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } });
  entry.parentNode.insertBefore(back, entry);
})();

// The timeline: filter the rows by essay and by the verdicts of the notes that cite each event, and zoom
// into a decade.  Without this script the whole chart is shown, every date in place.
document.querySelectorAll("figure.edition-timeline").forEach((figure) => {
  const first = Number(figure.dataset.first), last = Number(figure.dataset.last);
  const rows = [...figure.querySelectorAll("li.edition-timeline-row")];
  const axis = figure.querySelector(".edition-timeline-axis-years");
  const labels = new Map(figure.dataset.verdictLabels.split("|").map((pair) => pair.split("=")));
  const essays = [...new Set(rows.flatMap((row) => row.dataset.essays.split(" ").filter(Boolean)))].sort();
  const verdicts = [...labels.keys()].filter((v) => rows.some((row) => row.dataset.verdicts.split(" ").includes(v)));
  const form = document.createElement("fieldset");
  form.className = "edition-timeline-filter";
  const box = (group, value, text) => `<label><input type="checkbox" checked data-group="${group}" value="${value}"> ${text}</label>`;
  const decades = [];
  for (let y = first - (first % 10); y < last; y += 10) {
    if (rows.some((row) => Number(row.dataset.from) < y + 10 && Number(row.dataset.to) >= y)) decades.push(y);
  }
  form.innerHTML = "<legend>Show events</legend>"
    + '<span class="edition-timeline-filter-group">Mentioned in: '
    + essays.map((e) => box("essay", e, e)).join("") + box("essay", "", "no essay") + "</span>"
    + '<span class="edition-timeline-filter-group">Cited by notes with the verdict: '
    + verdicts.map((v) => box("verdict", v, labels.get(v))).join("") + box("verdict", "", "no note") + "</span>"
    + '<span class="edition-timeline-filter-group"><label>Years: <select data-group="zoom"><option value="">'
    + `${first}–${last} (all)</option>` + decades.map((y) => `<option value="${y}">${y}–${y + 10}</option>`).join("")
    + '</select></label> <span class="edition-timeline-count" aria-live="polite"></span></span>';
  figure.parentNode.insertBefore(form, figure);
  const place = (from, to) => {
    const width = to - from;
    axis.innerHTML = "";
    const step = width <= 12 ? 1 : width <= 60 ? 5 : 10;
    for (let y = from; y <= to; y += step) {
      const tick = document.createElement("span");
      tick.className = "edition-timeline-tick";
      tick.dataset.year = y;
      tick.style.left = (100 * (y - from) / width).toFixed(3) + "%";
      tick.innerHTML = `<span>${y}</span>`;
      axis.appendChild(tick);
    }
    rows.forEach((row) => {
      const shape = row.querySelector(".edition-timeline-bar, .edition-timeline-dot");
      const a = Math.max(Number(row.dataset.from), from), b = Math.min(Number(row.dataset.to), to);
      shape.style.left = (100 * (a - from) / width).toFixed(3) + "%";
      shape.style.width = (100 * Math.max(b - a, 0) / width).toFixed(3) + "%";
    });
  };
  const update = () => {
    const chosen = (group) => new Set([...form.querySelectorAll(`input[data-group="${group}"]:checked`)].map((i) => i.value));
    const shownEssays = chosen("essay"), shownVerdicts = chosen("verdict");
    const zoom = form.querySelector("select").value;
    const from = zoom ? Number(zoom) : first, to = zoom ? Number(zoom) + 10 : last;
    figure.classList.toggle("edition-timeline-zoomed", Boolean(zoom));
    let count = 0;
    rows.forEach((row) => {
      const rowEssays = row.dataset.essays.split(" ").filter(Boolean);
      const rowVerdicts = row.dataset.verdicts.split(" ").filter(Boolean);
      const byEssay = rowEssays.length ? rowEssays.some((e) => shownEssays.has(e)) : shownEssays.has("");
      const byVerdict = rowVerdicts.length ? rowVerdicts.some((v) => shownVerdicts.has(v)) : shownVerdicts.has("");
      const inYears = Number(row.dataset.from) < to && Number(row.dataset.to) >= from;
      row.hidden = !(byEssay && byVerdict && inYears);
      if (!row.hidden) count += 1;
    });
    place(from, to);
    form.querySelector(".edition-timeline-count").textContent = `${count} of ${rows.length} events shown`;
  };
  form.addEventListener("change", update);
  update();
});
