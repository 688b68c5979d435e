// The chat log: bubbles built from the server's messages, kept in step as they change.

import { showAlerts } from "./alerts.js";
import { keyboardElement } from "./keyboard.js";
import { richText } from "./sanitize.js";
import { state, ui } from "./state.js";

const TIME_ZONE = "Asia/Shanghai";
const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

function nearBottom(extra = 0) {
  const box = ui.messages;
  return box.scrollHeight - box.scrollTop - box.clientHeight - extra < 80;
}
export function scrollToBottom() {
  ui.messages.scrollTop = ui.messages.scrollHeight;
}

export function renderChat(data, first) {
  const stick = first || nearBottom();
  const messages = data.messages || [];
  // Message dates are wall-clock times, while the bot may live on a rehearsal day: times are
  // shown small on each bubble, and no day separators claim a date.
  const items = messages.map((message) => ({
    key: `m:${message.message_id}`,
    sig: JSON.stringify(message),
    build: () => messageElement(message),
  }));

  let appended = false;
  const keep = new Set();
  let previous = null;
  for (const item of items) {
    let entry = state.rendered.get(item.key);
    if (!entry) {
      entry = { el: item.build(), sig: item.sig };
      state.rendered.set(item.key, entry);
      appended = true;
    } else if (entry.sig !== item.sig) {
      const fresh = item.build();
      entry.el.replaceWith(fresh);
      entry.el = fresh;
      entry.sig = item.sig;
      if (!first) flash(fresh);
    }
    keep.add(item.key);
    const expected = previous ? previous.nextSibling : ui.messages.firstChild;
    if (entry.el !== expected) ui.messages.insertBefore(entry.el, expected);
    previous = entry.el;
  }
  for (const [key, entry] of state.rendered) {
    if (!keep.has(key)) {
      entry.el.remove();
      state.rendered.delete(key);
    }
  }

  // Sent messages are now in the server's chat: drop their placeholders.
  state.pending = state.pending.filter((p) => {
    if (p.sent) p.el.remove();
    return !p.sent;
  });
  for (const p of state.pending) ui.messages.append(p.el);

  if (messages.length === 0 && state.pending.length === 0) ui.messages.append(ui.empty);
  else ui.empty.remove();

  if (stick || appended && !first && lastIsUser(messages)) scrollToBottom();
  showAlerts(data.alerts || [], first);
}

function lastIsUser(messages) {
  return messages.length > 0 && messages[messages.length - 1].from === "user";
}

function flash(element) {
  element.classList.add("flash");
  setTimeout(() => element.classList.remove("flash"), 1300);
}

function messageElement(message) {
  const from = message.from === "user" ? "user" : "bot";
  const wrap = document.createElement("div");
  wrap.className = `msg ${from}`;
  wrap.dataset.messageId = String(message.message_id);
  if (message.edited) wrap.dataset.edited = "true";

  const bubble = document.createElement("div");
  bubble.className = "bubble";
  if (message.photo) {
    const img = document.createElement("img");
    img.className = "photo";
    img.src = message.photo;
    img.alt = "图片 photo";
    img.loading = "lazy";
    img.addEventListener("load", () => { if (nearBottom(img.offsetHeight)) scrollToBottom(); });
    img.addEventListener("click", () => window.open(message.photo, "_blank", "noopener"));
    bubble.append(img);
  }
  if (message.document && message.document.url) {
    const link = document.createElement("a");
    link.className = "document";
    link.href = message.document.url;
    link.download = message.document.name || "";
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = message.document.name || "文件 file";
    bubble.append(link);
  }
  const bot = from === "bot";
  const html = Boolean(message.html) && bot;
  if (typeof message.text === "string" && message.text !== "") {
    const text = richText(message.text, html, bot);
    text.className = "text";
    bubble.append(text);
  }
  if (typeof message.caption === "string" && message.caption !== "") {
    const caption = richText(message.caption, html, bot);
    caption.className = "caption";
    bubble.append(caption);
  }

  const meta = document.createElement("span");
  meta.className = "meta";
  if (message.edited) {
    const edited = document.createElement("span");
    edited.className = "edited";
    edited.textContent = "已编辑 edited";
    meta.append(edited);
  }
  if (message.date) meta.append(timeFormat.format(new Date(message.date * 1000)));
  bubble.append(meta);
  wrap.append(bubble);

  const keyboard = message.reply_markup && message.reply_markup.inline_keyboard;
  if (Array.isArray(keyboard) && keyboard.length > 0) {
    wrap.append(keyboardElement(message, keyboard));
  }
  return wrap;
}
