// Local sandbox: chat with the real bot as any demo person, in the browser.
// Native ES modules, no build step, no network but this page's own server.
// This module wires the page: routing by #u=<user id>, switching person, the composer.

import { nextAlert } from "./alerts.js";
import { pollChat } from "./api.js";
import { renderChat } from "./messages.js";
import { applyFilter, isStarted, loadPeople, markActive, markStarted } from "./picker.js";
import { sendText } from "./send.js";
import { state, ui } from "./state.js";

// ---------------------------------------------------------------- choosing a person

function userFromHash() {
  const match = /(?:^#|&)u=(-?\d+)/.exec(location.hash);
  return match ? Number(match[1]) : null;
}

function route() {
  const id = userFromHash();
  const person = id === null ? null : state.byId.get(id) || null;
  if (person === state.user) return;
  select(person);
}

function select(person) {
  state.gen += 1;
  if (state.poll) state.poll.abort();
  state.poll = null;
  state.user = person;
  state.version = -1;
  state.rendered.clear();
  state.seenAlerts = new Set();
  state.pending = [];
  ui.messages.replaceChildren();
  setStatus(null);
  markActive();
  const entry = person && ui.people.querySelector(`.person[data-user-id="${person.user_id}"]`);
  if (entry) entry.scrollIntoView({ block: "nearest" });

  const chatting = person !== null;
  ui.app.classList.toggle("chatting", chatting);
  ui.input.disabled = !chatting;
  ui.send.disabled = !chatting;
  if (chatting) renderQuick(person.quick || []);
  for (const button of ui.quick.querySelectorAll("button")) button.disabled = !chatting;

  if (!chatting) {
    ui.whoName.replaceChildren("未选择 ", small("No one picked"));
    ui.whoDetail.textContent = "";
    ui.empty.replaceChildren("← 选择身份开始对话", document.createElement("br"),
      small("Pick a person to chat as them"));
    ui.messages.append(ui.empty);
    document.title = "本地沙盒 Sandbox";
    return;
  }
  ui.whoName.textContent = person.name;
  const detail = [person.role_label];
  if (person.team_code) detail.push(`${person.team_code} ${person.team_name || ""}`.trim());
  if (person.track_name) detail.push(person.track_name);
  if (!person.invite_code) detail.push("无邀请码 no invite");
  ui.whoDetail.textContent = detail.join(" · ");
  ui.empty.replaceChildren("还没有消息", document.createElement("br"), small("No messages yet"));
  ui.messages.append(ui.empty);
  document.title = `${person.name} · 沙盒 Sandbox`;
  if (window.matchMedia("(min-width: 721px)").matches) ui.input.focus();

  const gen = state.gen;
  pollChat(person, gen, {
    status: setStatus,
    render: renderChat,
    first: (data) => autoStart(person, gen, data),
  });
}

function renderQuick(commands) {
  // The quick buttons this person's role can use (the server lists them).
  ui.quick.replaceChildren(...commands.map((command) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.command = command;
    button.textContent = command;
    return button;
  }));
}

function small(text) {
  const s = document.createElement("small");
  s.textContent = text;
  return s;
}

function autoStart(person, gen, data) {
  // First pick of this person in this browser: follow their badge's deep link.
  if (!person.invite_code || isStarted(person)) return;
  markStarted(person);
  const link = ui.people.querySelector(`.person[data-user-id="${person.user_id}"] .person-name`);
  if (link) link.classList.add("started-dot");
  const alreadyStarted = (data.messages || []).some(
    (m) => m.from === "user" && typeof m.text === "string" && m.text.startsWith("/start"));
  if (!alreadyStarted && gen === state.gen) sendText(`/start ${person.invite_code}`);
}

function setStatus(text) {
  ui.status.hidden = !text;
  ui.status.textContent = text || "";
}

// ---------------------------------------------------------------- composer

function submitInput() {
  const text = ui.input.value;
  if (!text.trim() || !state.user) return;
  ui.input.value = "";
  growInput();
  sendText(text);
}

function growInput() {
  ui.input.style.height = "auto";
  ui.input.style.height = `${Math.min(ui.input.scrollHeight + 2, 140)}px`;
}

// ---------------------------------------------------------------- wiring

ui.form.addEventListener("submit", (event) => {
  event.preventDefault();
  submitInput();
  ui.input.focus();
});
ui.input.addEventListener("keydown", (event) => {
  // Enter sends; Shift+Enter is a new line; Enter that ends an IME composition does not send.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    submitInput();
  }
});
ui.input.addEventListener("input", growInput);
ui.quick.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-command]");
  if (button) sendText(button.dataset.command);
});
ui.messages.addEventListener("click", (event) => {
  const link = event.target.closest("a.command");
  if (link) {
    event.preventDefault();
    sendText(link.dataset.command);
  }
});
ui.filter.addEventListener("input", applyFilter);
ui.filter.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  const first = ui.people.querySelector(".person:not([hidden])");
  if (first) location.hash = first.getAttribute("href");
});
ui.back.addEventListener("click", () => {
  history.pushState(null, "", location.pathname + location.search);
  route();
});
ui.alertOk.addEventListener("click", nextAlert);
ui.alert.addEventListener("keydown", (event) => {
  if (event.key === "Escape") nextAlert();
});
window.addEventListener("hashchange", route);
window.addEventListener("popstate", route);

loadPeople().then(route);
