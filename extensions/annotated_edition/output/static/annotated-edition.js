// Annotated edition: progressive enhancement only; every feature works without this file.
"use strict";

function openNote(id) {
  const note = document.getElementById(id);
  if (note && note.tagName === "DETAILS") {
    note.open = true;
    note.querySelector("summary").focus();
  }
  return note;
}

document.addEventListener("click", (event) => {
  const noteref = event.target.closest("a.edition-noteref");
  if (noteref) {
    event.preventDefault();
    const id = noteref.getAttribute("href").slice(1);
    openNote(id);
    history.replaceState(null, "", "#" + id);
    return;
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
window.addEventListener("hashchange", () => openNote(location.hash.slice(1)));
if (location.hash) openNote(decodeURIComponent(location.hash.slice(1)));

// Print every note and every paratext box.
window.addEventListener("beforeprint", () => {
  document.querySelectorAll("details.edition-note, details.edition-paratext").forEach((d) => {
    if (!d.open) { d.open = true; d.dataset.printOpened = "true"; }
  });
});
window.addEventListener("afterprint", () => {
  document.querySelectorAll("details[data-print-opened]").forEach((d) => {
    d.open = false; delete d.dataset.printOpened;
  });
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
