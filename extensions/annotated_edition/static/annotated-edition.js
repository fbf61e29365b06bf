// Annotated edition: progressive enhancement only; every feature works without this file.
"use strict";
document.addEventListener("click", (event) => {
  // A paragraph number is a permalink: also copy the passage's address for citation.
  const link = event.target.closest("a.edition-pnum");
  if (link && navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(link.href).then(() => { link.dataset.copied = "true"; }, () => {});
  }
});
