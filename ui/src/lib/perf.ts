// Timings the e2e run reads to report how fast the app feels: unlock to
// list painted, search keystroke to list updated, opening a profile.
type Perf = Record<string, number>;

declare global {
  interface Window {
    __sanctuaryPerf?: Perf;
  }
}

function store(): Perf {
  if (typeof window === "undefined") return {};
  window.__sanctuaryPerf ??= {};
  return window.__sanctuaryPerf;
}

/** Marks `name` now, or at `at` (an event's timeStamp: when the key was pressed). */
export function mark(name: string, at = performance.now()): void {
  store()[name] = at;
}

/** Records `name` as the time from mark `from` to the next painted frame. */
export function measureToPaint(name: string, from: string | number): void {
  // A named mark is read when the frame comes: an event handler may set it
  // after the reactive update that called this (Svelte runs bound inputs'
  // updates before delegated handlers such as oninput).
  const startOf = () => (typeof from === "number" ? from : store()[from]);
  // The change is in the DOM by the next animation frame, which renders
  // right after its callbacks; a task queued from there runs once that
  // frame is painted. (A second requestAnimationFrame would wait a whole
  // extra frame, ~17 ms, after the paint.)
  requestAnimationFrame(() => {
    const start = startOf();
    if (start === undefined) return;
    setTimeout(() => {
      store()[name] = performance.now() - start;
    }, 0);
  });
}
