// The person picker: the demo people grouped by track and team or by role, with a search box.

import { api, sleep } from "./api.js";
import { state, ui } from "./state.js";

const ROLE_EN = {
  contestant: "contestant", leader: "leader", organizer: "organizer", judge: "judge",
  auditor: "auditor", follower: "follower",
};

function startedKey(person) {
  return `sandbox.started.${state.instance}.${person.user_id}`;
}
export function isStarted(person) {
  try { return localStorage.getItem(startedKey(person)) !== null; } catch (_) { return false; }
}
export function markStarted(person) {
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

export function markActive() {
  for (const link of ui.people.querySelectorAll(".person")) {
    const active = state.user !== null && link.dataset.userId === String(state.user.user_id);
    link.classList.toggle("active", active);
    if (active) {
      const team = link.closest("details");
      if (team) team.open = true;
    }
  }
}

export function applyFilter() {
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

export async function loadPeople() {
  for (;;) {
    try {
      const data = await api("/api/people");
      state.people = data.people || [];
      state.byId = new Map(state.people.map((p) => [p.user_id, p]));
      state.instance = data.instance ? String(data.instance) : "";
      const name = data.contest && data.contest.name;
      if (name) ui.contest.textContent = name;
      showClock(data.clock);
      renderPeople();
      return;
    } catch (error) {
      ui.people.replaceChildren(hint(`无法加载名单，重试中… Retrying (${error.message})`));
      await sleep(2000);
    }
  }
}

function showClock(clock) {
  // The rehearsal clock, when there is one: the server words it in both languages.
  ui.clockNote.hidden = !clock;
  if (!clock) return;
  const english = document.createElement("small");
  english.textContent = clock.en;
  ui.clockNote.replaceChildren(clock.zh, document.createElement("br"), english);
}

function hint(text) {
  const p = document.createElement("p");
  p.className = "hint";
  p.textContent = text;
  return p;
}
