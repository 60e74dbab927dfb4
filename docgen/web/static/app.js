// docgen serve: the little script of the pages. Live preview (debounced, newest answer wins),
// list fields that grow, page turning, and the drop zone of the lint page.
"use strict";

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function setupListFields(form, changed) {
  form.addEventListener("click", (event) => {
    const button = event.target;
    if (button.classList.contains("add")) {
      const items = document.getElementById("f-" + button.dataset.for);
      const last = items.querySelector(".item:last-child");
      const copy = last.cloneNode(true);
      copy.querySelector("input").value = "";
      items.appendChild(copy);
      copy.querySelector("input").focus();
    } else if (button.classList.contains("remove")) {
      const item = button.closest(".item");
      const items = item.parentElement;
      if (items.children.length > 1) { item.remove(); } else { item.querySelector("input").value = ""; }
      changed();
    }
  });
}

function showMessages(form, messages) {
  form.querySelectorAll(".field").forEach((field) => {
    const text = messages[field.dataset.field] || "";
    field.classList.toggle("bad", text !== "");
    field.querySelector(".message").textContent = text;
  });
}

function setupPreview(form) {
  const image = document.getElementById("preview-image");
  const status = document.getElementById("preview-status");
  const error = document.getElementById("preview-error");
  const label = document.getElementById("page-label");
  const prev = document.getElementById("page-prev");
  const next = document.getElementById("page-next");
  let page = 1, pages = 1, sent = 0, controller = null;

  async function refresh() {
    const number = ++sent;
    if (controller) controller.abort();
    controller = new AbortController();
    const body = new FormData(form);
    body.set("trang", String(page));
    status.textContent = "Đang cập nhật…";
    let answer;
    try {
      const response = await fetch(form.dataset.preview, { method: "POST", body, signal: controller.signal });
      answer = await response.json();
    } catch (e) {
      if (e.name !== "AbortError") status.textContent = "Không gửi được yêu cầu xem trước.";
      return;
    }
    if (number !== sent) return;  // a newer request is on its way
    showMessages(form, answer.messages || {});
    error.hidden = !answer.error;
    error.textContent = answer.error || "";
    if (!answer.ok) {
      status.textContent = answer.error ? "Không tạo được bản xem trước." : "Sửa các trường được đánh dấu để xem trước.";
      return;
    }
    page = answer.page; pages = answer.pages;
    image.src = answer.image;
    image.dataset.version = String(number);
    label.textContent = `Xem trước trang ${page}/${pages}`;
    prev.disabled = page <= 1; next.disabled = page >= pages;
    status.textContent = "Đã cập nhật.";
  }

  const later = debounce(refresh, 500);
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  setupListFields(form, later);
  prev.addEventListener("click", () => { page = Math.max(1, page - 1); refresh(); });
  next.addEventListener("click", () => { page = Math.min(pages, page + 1); refresh(); });
  refresh();
}

function setupDropZone(zone) {
  const input = zone.querySelector("input[type=file]");
  ["dragenter", "dragover"].forEach((kind) => zone.addEventListener(kind, (event) => {
    event.preventDefault(); zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((kind) => zone.addEventListener(kind, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      zone.closest("form").submit();
    }
  });
  input.addEventListener("change", () => { if (input.files.length) zone.closest("form").submit(); });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("doc-form");
  if (form) setupPreview(form);
  const zone = document.getElementById("drop-zone");
  if (zone) setupDropZone(zone);
});
