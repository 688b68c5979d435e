// Local sandbox: chat with the real bot as any demo person, in the browser.
// Plain JS, no build step, no network but this page's own server.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const ui = {
    app: $("app"), contest: $("contest-name"), filter: $("filter"), people: $("people"),
    back: $("back"), whoName: $("who-name"), whoDetail: $("who-detail"), status: $("status"),
    messages: $("messages"), empty: $("empty"), quick: $("quick"), form: $("form"),
    input: $("input"), send: $("send"), toasts: $("toasts"), alert: $("alert"),
    alertText: $("alert-text"), alertOk: $("alert-ok"),
  };

  const state = {
    people: [],
    byId: new Map(),
    instance: "",
    user: null,          // the Person being chatted as
    gen: 0,              // bumps on every switch; stale loops and replies check it
    poll: null,          // AbortController of the running long poll
    version: -1,
    rendered: new Map(), // key -> {el, sig}
    seenAlerts: new Set(),
    pending: [],         // [{el, sent}] user messages not yet in the server's chat
  };

  const TIME_ZONE = "Asia/Shanghai";
  const timeFormat = new Intl.DateTimeFormat("zh-CN", {
    timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  });

  // ---------------------------------------------------------------- server

  async function api(path, body) {
    const init = body === undefined
      ? { cache: "no-store" }
      : { method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body) };
    const response = await fetch(path, init);
    if (!response.ok) {
      let detail = "";
      try { detail = (await response.text()).slice(0, 200); } catch (_) { /* ignore */ }
      throw new Error(`HTTP ${response.status} ${detail}`.trim());
    }
    return response.json();
  }

  // ---------------------------------------------------------------- Telegram HTML

  // Telegram's parse_mode=HTML tags; everything else is shown as literal text.
  const SIMPLE_TAGS = {
    b: "b", strong: "strong", i: "i", em: "em", u: "u", ins: "ins",
    s: "s", strike: "s", del: "del", code: "code", pre: "pre", blockquote: "blockquote",
  };
  const VOID_TAGS = new Set([
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
  ]);
  const SAFE_HREF = /^(https?:|tg:|mailto:)/i;

  function telegramHtml(source) {
    // DOMParser builds an inert document: no script runs, nothing loads. Only whitelisted
    // elements are re-created in the page; attributes are never copied but href, checked.
    const doc = new DOMParser().parseFromString(`<!doctype html><body>${source}`, "text/html");
    const out = document.createDocumentFragment();
    for (const node of Array.from(doc.body.childNodes)) out.append(convertNode(node));
    return out;
  }

  function convertNode(node) {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.data);
    if (node.nodeType !== Node.ELEMENT_NODE) return document.createDocumentFragment();
    const tag = node.localName;
    let element = null;
    if (Object.prototype.hasOwnProperty.call(SIMPLE_TAGS, tag)) {
      element = document.createElement(SIMPLE_TAGS[tag]);
    } else if (tag === "a") {
      const href = (node.getAttribute("href") || "").trim();
      if (SAFE_HREF.test(href)) {
        element = document.createElement("a");
        element.href = href;
        element.target = "_blank";
        element.rel = "noopener noreferrer";
      } else {
        element = document.createElement("span");
      }
    } else if (tag === "tg-spoiler" || (tag === "span" && node.className.trim() === "tg-spoiler")) {
      element = document.createElement("span");
      element.className = "spoiler";
      element.title = "剧透 Spoiler";
      element.addEventListener("click", () => element.classList.add("revealed"), { once: true });
    } else if (tag === "tg-emoji") {
      element = document.createDocumentFragment(); // the fallback emoji inside is shown
    }
    if (element === null) return rawTag(node);
    for (const child of Array.from(node.childNodes)) element.append(convertNode(child));
    return element;
  }

  function rawTag(node) {
    // Not a Telegram tag: show it as the text it was, children converted as usual.
    const out = document.createDocumentFragment();
    const attrs = Array.from(node.attributes)
      .map((a) => (a.value === "" ? ` ${a.name}` : ` ${a.name}="${a.value}"`)).join("");
    out.append(rawSpan(`<${node.localName}${attrs}>`));
    const children = node.localName === "template" ? node.content.childNodes : node.childNodes;
    for (const child of Array.from(children)) out.append(convertNode(child));
    if (!VOID_TAGS.has(node.localName)) out.append(rawSpan(`</${node.localName}>`));
    return out;
  }

  function rawSpan(text) {
    const span = document.createElement("span");
    span.className = "raw-tag";
    span.textContent = text;
    return span;
  }

  // Telegram makes /commands in bot messages tappable; so does the sandbox.
  const COMMAND = /(^|[\s(（「『“"'：:，,、。；;！!？?])(\/[A-Za-z][A-Za-z0-9_]{0,31})(?![A-Za-z0-9_/>])/g;

  function linkCommands(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    for (const text of texts) {
      if (text.parentElement && text.parentElement.closest("a, code, pre, .raw-tag")) continue;
      const value = text.data;
      COMMAND.lastIndex = 0;
      if (!COMMAND.test(value)) continue;
      COMMAND.lastIndex = 0;
      const out = document.createDocumentFragment();
      let last = 0;
      for (const match of value.matchAll(COMMAND)) {
        const start = match.index + match[1].length;
        out.append(value.slice(last, start));
        const link = document.createElement("a");
        link.href = "#";
        link.className = "command";
        link.textContent = match[2];
        link.dataset.command = match[2];
        out.append(link);
        last = start + match[2].length;
      }
      out.append(value.slice(last));
      text.replaceWith(out);
    }
  }

  function richText(text, html, fromBot) {
    const holder = document.createElement("span");
    if (html) holder.append(telegramHtml(text)); else holder.textContent = text;
    if (fromBot) linkCommands(holder);
    return holder;
  }

  // ---------------------------------------------------------------- people

  const ROLE_EN = {
    contestant: "contestant", leader: "leader", organizer: "organizer", judge: "judge",
    auditor: "auditor", follower: "follower",
  };

  function startedKey(person) {
    return `sandbox.started.${state.instance}.${person.user_id}`;
  }
  function isStarted(person) {
    try { return localStorage.getItem(startedKey(person)) !== null; } catch (_) { return false; }
  }
  function markStarted(person) {
    try { localStorage.setItem(startedKey(person), String(Date.now())); } catch (_) { /* ok */ }
  }

  function avatarColor(id) {
    const hue = (Number(id) * 47) % 360;
    return `hsl(${hue} 55% 52%)`;
  }

  function personLink(person) {
    const link = document.createElement("a");
    link.className = "person";
    link.href = `#u=${person.user_id}`;
    link.dataset.userId = String(person.user_id);
    link.dataset.search = [
      person.name, person.role_label, ROLE_EN[person.role] || person.role, person.team_code,
      person.team_name, person.track_name, person.code, String(person.user_id),
    ].filter(Boolean).join(" ").toLowerCase();

    const avatar = document.createElement("span");
    avatar.className = "avatar";
    avatar.style.background = avatarColor(person.user_id);
    avatar.textContent = Array.from(person.name || "?")[0];

    const text = document.createElement("span");
    text.className = "person-text";
    const name = document.createElement("span");
    name.className = "person-name";
    name.textContent = person.name;
    if (isStarted(person)) name.classList.add("started-dot");
    const detail = document.createElement("small");
    const bits = [person.role_label];
    if (person.code) bits.push(person.code);
    if (!person.invite_code) bits.push("无邀请 no invite");
    detail.textContent = bits.join(" · ");
    text.append(name, detail);
    link.append(avatar, text);
    return link;
  }

  function renderPeople() {
    const tracks = new Map(); // track name -> Map(team code -> {title, people})
    const roles = new Map();  // role -> {label, people}
    for (const person of state.people) {
      if (person.team_code) {
        const track = person.track_name || "";
        if (!tracks.has(track)) tracks.set(track, new Map());
        const teams = tracks.get(track);
        if (!teams.has(person.team_code)) {
          teams.set(person.team_code, { name: person.team_name || "", people: [] });
        }
        teams.get(person.team_code).people.push(person);
      } else {
        if (!roles.has(person.role)) {
          roles.set(person.role, { label: person.role_label, people: [] });
        }
        roles.get(person.role).people.push(person);
      }
    }

    const out = document.createDocumentFragment();
    for (const [track, teams] of tracks) {
      const group = document.createElement("section");
      group.className = "group track";
      const title = document.createElement("h2");
      title.className = "group-title";
      title.textContent = track || "队伍 Teams";
      group.append(title);
      for (const [code, team] of teams) {
        const details = document.createElement("details");
        details.className = "team";
        details.dataset.team = code;
        const summary = document.createElement("summary");
        const codeSpan = document.createElement("span");
        codeSpan.className = "team-code";
        codeSpan.textContent = code;
        const nameSpan = document.createElement("span");
        nameSpan.className = "team-name";
        nameSpan.textContent = team.name;
        summary.append(codeSpan, nameSpan);
        details.append(summary);
        for (const person of team.people) details.append(personLink(person));
        group.append(details);
      }
      out.append(group);
    }
    for (const [role, group] of roles) {
      const section = document.createElement("section");
      section.className = "group";
      const title = document.createElement("h2");
      title.className = "group-title";
      title.textContent = group.label || role;
      const en = document.createElement("small");
      en.textContent = ` ${ROLE_EN[role] || role}${role === "follower" ? " (no invite)" : ""}`;
      title.append(en);
      section.append(title);
      for (const person of group.people) section.append(personLink(person));
      out.append(section);
    }
    ui.people.replaceChildren(out);
    markActive();
    applyFilter();
  }

  function markActive() {
    for (const link of ui.people.querySelectorAll(".person")) {
      const active = state.user !== null && link.dataset.userId === String(state.user.user_id);
      link.classList.toggle("active", active);
      if (active) {
        const team = link.closest("details");
        if (team) team.open = true;
      }
    }
  }

  function applyFilter() {
    const words = ui.filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    for (const link of ui.people.querySelectorAll(".person")) {
      link.hidden = !words.every((w) => link.dataset.search.includes(w));
    }
    for (const team of ui.people.querySelectorAll("details.team")) {
      const code = team.dataset.team.toLowerCase();
      const teamMatches = words.length > 0 && words.every((w) => code.includes(w)
        || team.querySelector(".team-name").textContent.toLowerCase().includes(w));
      if (teamMatches) for (const link of team.querySelectorAll(".person")) link.hidden = false;
      const shown = team.querySelectorAll(".person:not([hidden])").length;
      team.hidden = shown === 0;
      if (words.length > 0) team.open = shown > 0;
    }
    for (const group of ui.people.querySelectorAll(".group")) {
      group.hidden = group.querySelectorAll(".person:not([hidden])").length === 0;
    }
    if (words.length === 0) markActive();
  }

  async function loadPeople() {
    for (;;) {
      try {
        const data = await api("/api/people");
        state.people = data.people || [];
        state.byId = new Map(state.people.map((p) => [p.user_id, p]));
        state.instance = data.instance ? String(data.instance) : "";
        const name = data.contest && data.contest.name;
        if (name) ui.contest.textContent = name;
        renderPeople();
        return;
      } catch (error) {
        ui.people.replaceChildren(hint(`无法加载名单，重试中… Retrying (${error.message})`));
        await sleep(2000);
      }
    }
  }

  function hint(text) {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = text;
    return p;
  }

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

    pollLoop(person, state.gen);
  }

  function small(text) {
    const s = document.createElement("small");
    s.textContent = text;
    return s;
  }

  // ---------------------------------------------------------------- long poll

  async function pollLoop(person, gen) {
    let first = true;
    let failures = 0;
    while (gen === state.gen) {
      const controller = new AbortController();
      state.poll = controller;
      const timer = setTimeout(() => controller.abort(), 40000);
      try {
        const id = encodeURIComponent(person.user_id);
        const url = `/api/chat?user_id=${id}&after=${state.version}`;
        const response = await fetch(url, { cache: "no-store", signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const data = await response.json();
        if (gen !== state.gen) return;
        failures = 0;
        setStatus(null);
        if (first || data.version !== state.version) renderChat(data, first);
        state.version = data.version;
        if (first) {
          first = false;
          autoStart(person, gen, data);
        }
      } catch (error) {
        if (gen !== state.gen) return;
        failures += 1;
        state.version = -1; // the server may have restarted: fetch its state at once
        if (controller.signal.aborted && failures === 1) continue; // our own 40 s cut-off
        setStatus("连接中断，重试中… Reconnecting");
        await sleep(Math.min(500 * 2 ** Math.min(failures, 4), 8000));
      } finally {
        clearTimeout(timer);
      }
    }
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

  // ---------------------------------------------------------------- rendering the chat

  function nearBottom(extra = 0) {
    const box = ui.messages;
    return box.scrollHeight - box.scrollTop - box.clientHeight - extra < 80;
  }
  function scrollToBottom() {
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  function renderChat(data, first) {
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

  function keyboardElement(message, rows) {
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

  // ---------------------------------------------------------------- sending and pressing

  async function sendText(text) {
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

  // ---------------------------------------------------------------- callback answers

  const alertQueue = [];

  function showAlerts(alerts, first) {
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

  function nextAlert() {
    const text = alertQueue.shift();
    if (text === undefined) {
      ui.alert.hidden = true;
      return;
    }
    ui.alertText.textContent = text;
    ui.alert.hidden = false;
    ui.alertOk.focus();
  }

  function toast(text, error = false) {
    const div = document.createElement("div");
    div.className = error ? "toast error" : "toast";
    div.setAttribute("role", "status");
    div.textContent = text;
    ui.toasts.append(div);
    setTimeout(() => div.remove(), error ? 6000 : 3500);
  }

  // ---------------------------------------------------------------- wiring

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

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
})();
