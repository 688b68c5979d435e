// The page's own server: JSON calls to /api/* and the long poll of one chat.

import { state } from "./state.js";

export async function api(path, body) {
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

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Follows /api/chat for `person` until `gen` is no longer current. Callbacks, in this order:
// on.status(text or null), on.render(data, first) when the chat changed, on.first(data) once.
export async function pollChat(person, gen, on) {
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
      on.status(null);
      if (first || data.version !== state.version) on.render(data, first);
      state.version = data.version;
      if (first) {
        first = false;
        on.first(data);
      }
    } catch (error) {
      if (gen !== state.gen) return;
      failures += 1;
      state.version = -1; // the server may have restarted: fetch its state at once
      if (controller.signal.aborted && failures === 1) continue; // our own 40 s cut-off
      on.status("连接中断，重试中… Reconnecting");
      await sleep(Math.min(500 * 2 ** Math.min(failures, 4), 8000));
    } finally {
      clearTimeout(timer);
    }
  }
}
