// For component tests: most screens start from the demo network's mock,
// unlocked, in English, with the session read from it.
import { useBackend } from ".";
import { setLocale } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import { MockBackend } from "./mock";

/** A fresh mock backend in use, unlocked and in English; `prepare` runs on it before the session reads it. */
export async function unlockedMock(prepare?: (backend: MockBackend) => void): Promise<MockBackend> {
  const backend = new MockBackend();
  backend.unlocked = true;
  prepare?.(backend);
  useBackend(backend);
  setLocale("en");
  await session.refresh();
  return backend;
}
