// Telegram's parse_mode=HTML tags are rendered; everything else is shown as literal text.

const SIMPLE_TAGS = {
  b: "b", strong: "strong", i: "i", em: "em", u: "u", ins: "ins",
  s: "s", strike: "s", del: "del", code: "code", pre: "pre", blockquote: "blockquote",
};
const VOID_TAGS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
  "track", "wbr",
]);
export const SAFE_HREF = /^(https?:|tg:|mailto:)/i;

export function telegramHtml(source) {
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

export function linkCommands(root) {
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

export function richText(text, html, fromBot) {
  const holder = document.createElement("span");
  if (html) holder.append(telegramHtml(text)); else holder.textContent = text;
  if (fromBot) linkCommands(holder);
  return holder;
}
