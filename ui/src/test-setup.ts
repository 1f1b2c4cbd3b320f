import "@testing-library/jest-dom/vitest";

// jsdom has no layout: a ResizeObserver that never reports is enough for
// bind:clientHeight, which then keeps its initial value.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;
