import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { useBackend } from "./lib/api";
import { tauriBackend } from "./lib/api/tauri";

// Inside the app window Tauri injects its IPC; in a plain browser (vite dev)
// the mock backend stands in, so the UI can be worked on without a store.
// It is loaded only then: its fixture (the core's views of a demo network)
// stays out of the app's bundle.
const inTauri = "__TAURI_INTERNALS__" in window;
useBackend(inTauri ? tauriBackend : new (await import("./lib/api/mock")).MockBackend());

const target = document.getElementById("app");
if (!target) throw new Error("no #app element");
export default mount(App, { target });
