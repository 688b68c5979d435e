// The page's fixed elements and the state every module shares.

const $ = (id) => document.getElementById(id);

export const ui = {
  app: $("app"), contest: $("contest-name"), clockNote: $("clock-note"), filter: $("filter"),
  people: $("people"),
  back: $("back"), whoName: $("who-name"), whoDetail: $("who-detail"), status: $("status"),
  messages: $("messages"), empty: $("empty"), quick: $("quick"), form: $("form"),
  input: $("input"), send: $("send"), toasts: $("toasts"), alert: $("alert"),
  alertText: $("alert-text"), alertOk: $("alert-ok"),
};

export const state = {
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
