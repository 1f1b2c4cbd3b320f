import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { useBackend } from "./lib/api";
import { tauriBackend } from "./lib/api/tauri";
import { MockBackend } from "./lib/api/mock";

// Inside the app window Tauri injects its IPC; in a plain browser (vite dev)
// the mock backend stands in, so the UI can be worked on without a store.
const inTauri = "__TAURI_INTERNALS__" in window;
useBackend(inTauri ? tauriBackend : new MockBackend({ seed: 300 }));

const target = document.getElementById("app");
if (!target) throw new Error("no #app element");
export default mount(App, { target });
