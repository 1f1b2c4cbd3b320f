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

export function mark(name: string): void {
  store()[name] = performance.now();
}

/** Records `name` as the time from mark `from` to the next painted frame. */
export function measureToPaint(name: string, from: string | number): void {
  const start = typeof from === "number" ? from : store()[from];
  if (start === undefined) return;
  // The change is in the DOM by the next animation frame, which renders
  // right after its callbacks; a task queued from there runs once that
  // frame is painted. (A second requestAnimationFrame would wait a whole
  // extra frame, ~17 ms, after the paint.)
  requestAnimationFrame(() => {
    setTimeout(() => {
      store()[name] = performance.now() - start;
    }, 0);
  });
}
