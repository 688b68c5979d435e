// Sending as the chosen person: a pending bubble until the server's chat has the message.

import { api } from "./api.js";
import { toast } from "./alerts.js";
import { scrollToBottom } from "./messages.js";
import { state, ui } from "./state.js";

export async function sendText(text) {
  const person = state.user;
  const gen = state.gen;
  if (!person || !text.trim()) return;
  const pending = { el: pendingElement(text), sent: false };
  state.pending.push(pending);
  ui.empty.remove();
  ui.messages.append(pending.el);
  scrollToBottom();
  const versionAtSend = state.version;
  try {
    await api("/api/send", { user_id: person.user_id, text });
    if (gen !== state.gen) return;
    pending.sent = true;
    if (state.version > versionAtSend) {
      pending.el.remove();
      state.pending = state.pending.filter((p) => p !== pending);
    }
  } catch (error) {
    if (gen !== state.gen) return;
    pending.el.classList.add("failed");
    const meta = pending.el.querySelector(".meta");
    meta.replaceChildren();
    const fail = document.createElement("span");
    fail.className = "fail";
    fail.textContent = "发送失败 not sent";
    meta.append(fail);
    toast(`发送失败 Send failed: ${error.message}`, true);
  }
}

function pendingElement(text) {
  const wrap = document.createElement("div");
  wrap.className = "msg user pending";
  const bubble = document.createElement("div");
  bubble.className = "bubble";
  const body = document.createElement("span");
  body.className = "text";
  body.textContent = text;
  const meta = document.createElement("span");
  meta.className = "meta";
  meta.textContent = "…";
  bubble.append(body, meta);
  wrap.append(bubble);
  return wrap;
}
