// Inline keyboards under bot messages, and pressing their callback buttons.

import { api } from "./api.js";
import { toast } from "./alerts.js";
import { SAFE_HREF } from "./sanitize.js";
import { state } from "./state.js";

export function keyboardElement(message, rows) {
  const box = document.createElement("div");
  box.className = "keyboard";
  for (const row of rows) {
    const line = document.createElement("div");
    line.className = "kb-row";
    for (const button of row || []) {
      let element;
      if (button.url) {
        element = document.createElement("a");
        element.href = SAFE_HREF.test(button.url) ? button.url : "#";
        element.target = "_blank";
        element.rel = "noopener noreferrer";
      } else {
        element = document.createElement("button");
        element.type = "button";
        if (typeof button.callback_data === "string") {
          element.dataset.data = button.callback_data;
          element.addEventListener("click", () => press(message.message_id, element));
        } else {
          element.disabled = true;
          element.title = "沙盒不支持此按钮 Not supported in the sandbox";
        }
      }
      element.className = "kb-btn";
      element.textContent = button.text;
      line.append(element);
    }
    box.append(line);
  }
  return box;
}

async function press(messageId, button) {
  const person = state.user;
  if (!person || button.classList.contains("busy")) return;
  button.classList.add("busy");
  try {
    await api("/api/press", { user_id: person.user_id, message_id: messageId,
      data: button.dataset.data });
  } catch (error) {
    toast(`按钮失败 Press failed: ${error.message}`, true);
  } finally {
    button.classList.remove("busy");
  }
}
