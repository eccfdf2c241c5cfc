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

// Several files at once: each gets its own alt text and is sent on its own, with its progress shown.
document.querySelectorAll("form[data-multi-upload]").forEach((form) => {
  const input = form.querySelector("input[type=file]");
  const shared = form.querySelector(".shared-alt");
  const sharedAlt = shared.querySelector("input");
  const queue = form.querySelector(".upload-queue");
  const summary = form.querySelector(".upload-summary");
  const csrf = form.querySelector("input[name=csrf]").value;
  let rows = [];

  const element = (tag, properties = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  };

  input.addEventListener("change", () => {
    const several = input.files.length > 1;
    shared.hidden = several;
    sharedAlt.required = !several;
    queue.hidden = !several;
    queue.replaceChildren();
    rows = [];
    if (!several) return;
    Array.from(input.files).forEach((file, index) => {
      const id = `alt-${index}`;
      const alt = element("input", { id, required: true, maxLength: 1000 });
      const progress = element("progress", { max: 100, value: 0 });
      progress.setAttribute("aria-label", `Upload of ${file.name}`);
      const status = element("span", { className: "hint" });
      const preview = element("img", { src: URL.createObjectURL(file), alt: "" });
      const label = element("label", { htmlFor: id, textContent: `Alt text for ${file.name}` });
      queue.append(element("li", {}, [preview, element("div", { className: "stack" }, [label, alt, progress, status])]));
      rows.push({ file, alt, progress, status });
    });
  });

  // Sends one file with the shared caption and credit; resolves with the server's answer.
  const send = (row) => new Promise((resolve) => {
    const data = new FormData();
    data.append("csrf", csrf);
    data.append("alt", row.alt.value);
    data.append("caption", form.querySelector("#caption").value);
    data.append("credit", form.querySelector("#credit").value);
    data.append("file", row.file, row.file.name);
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) row.progress.value = Math.round((event.loaded / event.total) * 100);
    });
    request.addEventListener("load", () => {
      let answer = {};
      try { answer = JSON.parse(request.responseText); } catch { answer = { message: "The server's answer could not be read." }; }
      resolve({ ok: request.status === 201, answer });
    });
    request.addEventListener("error", () => resolve({ ok: false, answer: { message: "The connection failed; nothing was saved for this file." } }));
    request.send(data);
  });

  form.addEventListener("submit", async (event) => {
    if (rows.length < 2) return;
    event.preventDefault();
    let uploaded = 0;
    for (const row of rows) {
      if (row.done) continue;
      row.status.textContent = "Uploading…";
      const { ok, answer } = await send(row);
      if (ok) {
        row.done = true;
        uploaded += 1;
        row.progress.value = 100;
        row.status.replaceChildren(element("a", { href: answer.href, textContent: "Uploaded: open" }));
      } else {
        row.progress.value = 0;
        row.status.textContent = answer.message || "Not uploaded.";
      }
    }
    const left = rows.filter((row) => !row.done).length;
    summary.textContent = left === 0
      ? `${uploaded} image(s) uploaded. Reload the page to see them in the library.`
      : `${uploaded} image(s) uploaded; ${left} refused: correct them and upload again.`;
  });
});

// The image chooser: the library's grid with its search, for the top image and for figures in the text.
(() => {
  const selects = document.querySelectorAll("select[name=top_media]");
  const body = document.getElementById("body");
  const toolbar = document.querySelector("#editor .toolbar");
  if (selects.length === 0 && !toolbar) return;

  const dialog = document.createElement("dialog");
  dialog.className = "chooser";
  dialog.setAttribute("aria-labelledby", "chooser-title");
  dialog.innerHTML = `
    <form method="dialog" class="stack">
      <h2 id="chooser-title">Choose an image</h2>
      <label for="chooser-search">Search alt text, caption and credit</label>
      <input id="chooser-search" type="search">
      <ul class="media-grid chooser-grid"></ul>
      <p class="hint chooser-status" role="status" aria-live="polite"></p>
      <div class="actions">
        <button type="button" class="chooser-more" hidden>More images</button>
        <button type="submit">Cancel</button>
      </div>
    </form>`;
  document.body.append(dialog);
  const search = dialog.querySelector("#chooser-search");
  const grid = dialog.querySelector(".chooser-grid");
  const status = dialog.querySelector(".chooser-status");
  const more = dialog.querySelector(".chooser-more");
  let chosen = null;
  let nextPage = null;

  // Only the latest request's answer is shown, so a slow earlier one never replaces a search's results.
  let latest = 0;
  const load = async (page) => {
    const ticket = ++latest;
    status.textContent = "Loading…";
    const response = await fetch(`/admin/media/choose?page=${page}&q=${encodeURIComponent(search.value)}`, { credentials: "same-origin" });
    const answer = response.ok ? await response.json() : null;
    if (ticket !== latest) return;
    if (!answer) {
      status.textContent = "The library could not be loaded.";
      return;
    }
    if (page === 1) grid.replaceChildren();
    for (const item of answer.items) {
      const button = document.createElement("button");
      button.type = "button";
      const image = document.createElement("img");
      image.src = item.thumbnail;
      image.alt = "";
      image.loading = "lazy";
      const text = document.createElement("span");
      text.textContent = item.alt;
      button.append(image, text);
      button.addEventListener("click", () => {
        dialog.close();
        chosen(item);
      });
      const entry = document.createElement("li");
      entry.append(button);
      grid.append(entry);
    }
    nextPage = answer.next ?? null;
    more.hidden = nextPage === null;
    status.textContent = grid.children.length === 0 ? "No image matches." : `${grid.children.length} image(s) shown.`;
  };
  let searchTimer;
  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => load(1), 250);
  });
  more.addEventListener("click", () => load(nextPage));
  const choose = (then) => {
    chosen = then;
    dialog.showModal();
    load(1);
    search.focus();
  };

  // The top image: the select stays the form's field (and is what works without the script).
  selects.forEach((select) => {
    const preview = document.createElement("div");
    preview.className = "chosen-image";
    const show = () => {
      const option = select.selectedOptions[0];
      preview.replaceChildren();
      if (option && option.value) {
        const image = document.createElement("img");
        image.src = option.dataset.thumbnail;
        image.alt = "";
        const text = document.createElement("span");
        text.textContent = option.textContent;
        preview.append(image, text);
      } else {
        preview.textContent = "No top image.";
      }
    };
    const pick = document.createElement("button");
    pick.type = "button";
    pick.textContent = "Choose from the library";
    pick.addEventListener("click", () => choose((item) => {
      let option = Array.from(select.options).find((candidate) => candidate.value === String(item.id));
      if (!option) {
        option = new Option(item.alt, String(item.id));
        option.dataset.thumbnail = item.thumbnail;
        select.append(option);
      }
      select.value = String(item.id);
      select.dispatchEvent(new Event("input", { bubbles: true }));
      show();
    }));
    const clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = "No top image";
    clear.addEventListener("click", () => {
      select.value = "";
      select.dispatchEvent(new Event("input", { bubbles: true }));
      show();
    });
    select.hidden = true;
    select.after(preview, pick, clear);
    show();
  });

  // A figure in the text: the chosen image's Markdown block, with its caption and credit.
  if (toolbar && body) {
    const insert = document.createElement("button");
    insert.type = "button";
    insert.title = "Insert an image from the library";
    insert.textContent = "Image";
    insert.addEventListener("click", () => {
      const at = [body.selectionStart, body.selectionEnd];
      choose((item) => {
        const lines = [":::figure", `![${item.alt.replace(/[\[\]]/g, "")}](${item.address})`];
        if (item.caption) lines.push(item.caption);
        if (item.credit) lines.push(`Credit: ${item.credit}`);
        lines.push(":::");
        // A blank line on each side, so the block stands apart from the paragraphs around it.
        const before = body.value.slice(0, at[0]);
        const after = body.value.slice(at[1]);
        const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
        const trail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
        body.setRangeText(lead + lines.join("\n") + trail, at[0], at[1], "end");
        body.focus();
        body.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
    toolbar.append(insert);
  }
})();
