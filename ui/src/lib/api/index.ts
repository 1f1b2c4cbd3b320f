import type { Backend } from "./backend";

export { ApiFailure, asFailure, type Backend } from "./backend";

let current: Backend | null = null;

/** Chooses the backend: the Tauri one in the app, a mock in tests. */
export function useBackend(backend: Backend): void {
  current = backend;
}

/** The backend in use. */
export function api(): Backend {
  if (!current) throw new Error("useBackend() was not called");
  return current;
}
