// The newsroom's small script: formatting toolbar, word count, live preview and autosave.
// Everything works without it; it only makes writing faster.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("editor");
  if (!form) return;
  const body = document.getElementById("body");
  const csrf = form.querySelector("input[name=csrf]").value;
  const version = form.querySelector("input[name=version]");
  const status = document.getElementById("autosave-status");

  // Word count, as the server counts it: whitespace-separated runs with a letter or digit.
  const counter = document.getElementById("word-count");
  const countWords = () => {
    const words = body.value.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    counter.textContent = words + (words === 1 ? " word" : " words");
  };

  // Toolbar: wrap the selection, prefix the selected lines, or insert a link or round-up block.
  const toolbar = form.querySelector(".toolbar");
  toolbar.hidden = false;
  const replaceSelection = (text, selectFrom, selectTo) => {
    const start = body.selectionStart;
    body.setRangeText(text, start, body.selectionEnd, "end");
    if (selectFrom !== undefined) body.setSelectionRange(start + selectFrom, start + selectTo);
    body.focus();
    body.dispatchEvent(new Event("input"));
  };
  toolbar.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const selected = body.value.slice(body.selectionStart, body.selectionEnd);
    if (button.dataset.wrap) {
      const mark = button.dataset.wrap;
      const text = selected || "text";
      replaceSelection(mark + text + mark, mark.length, mark.length + text.length);
    } else if (button.dataset.prefix) {
      const lines = (selected || "text").split("\n").map((line) => button.dataset.prefix + line);
      replaceSelection(lines.join("\n"));
    } else if ("link" in button.dataset) {
      const text = selected || "link text";
      replaceSelection("[" + text + "](https://)", text.length + 3, text.length + 11);
    } else if ("roundup" in button.dataset) {
      const items = selected || "- **Place**: what happened, in one sentence.\n- **Place**: what happened, in one sentence.";
      replaceSelection("\n:::roundup The week in brief\n" + items + "\n:::\n");
    }
  });

  // Live preview, rendered by the server with the same code as the public site.
  const previewPanel = form.querySelector(".live-preview");
  const preview = document.getElementById("live-preview");
  previewPanel.hidden = false;
  let previewTimer;
  const refreshPreview = async () => {
    const response = await fetch(form.dataset.preview, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, body: body.value }),
      credentials: "same-origin",
    });
    if (response.ok) preview.innerHTML = await response.text();
  };

  // Autosave of drafts, a few seconds after typing stops.
  let autosaveTimer;
  let pending = null;
  const autosave = () => {
    if (!form.dataset.autosave || !form.checkValidity()) return;
    pending = sendAutosave().finally(() => { pending = null; });
  };
  const sendAutosave = async () => {
    status.textContent = "Saving…";
    const response = await fetch(form.dataset.autosave, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
    });
    const answer = await response.json().catch(() => ({ message: "Not saved." }));
    if (response.ok) version.value = answer.version;
    status.textContent = answer.message;
  };

  form.addEventListener("input", (event) => {
    if (event.target === body) {
      countWords();
      clearTimeout(previewTimer);
      previewTimer = setTimeout(refreshPreview, 400);
    }
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(autosave, 4000);
  });
  // A save waits for an autosave in flight, so it carries the version that autosave produced.
  form.addEventListener("submit", (event) => {
    clearTimeout(autosaveTimer);
    if (!pending) return;
    event.preventDefault();
    pending.then(() => form.requestSubmit(event.submitter));
  });
  refreshPreview();
});

// The focal point: a click on the image fills the two percentages, and a mark shows where they point.
document.querySelectorAll("[data-focus-picker]").forEach((picker) => {
  const image = picker.querySelector("img");
  const mark = picker.querySelector(".focus-mark");
  const across = document.getElementById("focus_x");
  const down = document.getElementById("focus_y");
  if (!image || !mark || !across || !down) return;
  const show = () => {
    mark.style.left = `${Number(across.value) || 0}%`;
    mark.style.top = `${Number(down.value) || 0}%`;
    mark.hidden = false;
  };
  image.addEventListener("click", (event) => {
    const box = image.getBoundingClientRect();
    across.value = (((event.clientX - box.left) / box.width) * 100).toFixed(1);
    down.value = (((event.clientY - box.top) / box.height) * 100).toFixed(1);
    show();
  });
  across.addEventListener("input", show);
  down.addEventListener("input", show);
  show();
});
