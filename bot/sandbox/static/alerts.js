// Callback answers: toasts, and alert boxes shown one at a time.

import { state, ui } from "./state.js";

const alertQueue = [];

export function showAlerts(alerts, first) {
  for (const alert of alerts) {
    if (state.seenAlerts.has(alert.id)) continue;
    state.seenAlerts.add(alert.id);
    if (first || !alert.text) continue; // answers from before this page opened the chat
    if (alert.show_alert) {
      alertQueue.push(alert.text);
      if (ui.alert.hidden) nextAlert();
    } else {
      toast(alert.text);
    }
  }
}

export function nextAlert() {
  const text = alertQueue.shift();
  if (text === undefined) {
    ui.alert.hidden = true;
    return;
  }
  ui.alertText.textContent = text;
  ui.alert.hidden = false;
  ui.alertOk.focus();
}

export function toast(text, error = false) {
  const div = document.createElement("div");
  div.className = error ? "toast error" : "toast";
  div.setAttribute("role", "status");
  div.textContent = text;
  ui.toasts.append(div);
  setTimeout(() => div.remove(), error ? 6000 : 3500);
}
