// Starts the real app through tauri-driver (which drives WebKitWebDriver)
// and gives back a WebdriverIO browser. One app, one store directory per call.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { remote } from "webdriverio";

export const root = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

function targetDir() {
  return process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, "target");
}

export const appPath = process.env.SANCTUARY_APP ?? path.join(targetDir(), "debug", "sanctuary-app");

/** The `sanctuary` CLI, built by `cargo test`: e2e tests use it as a second laptop. */
export const cliPath = process.env.SANCTUARY_CLI ?? path.join(targetDir(), "debug", "sanctuary");

function findDriver() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const tools = path.join(os.homedir(), ".cache", "sanctuary-tools", "bin", "tauri-driver");
  if (existsSync(tools)) return tools;
  const which = spawnSync("sh", ["-c", "command -v tauri-driver"], { encoding: "utf8" });
  if (which.status === 0) return which.stdout.trim();
  throw new Error("tauri-driver not found: run scripts/setup.sh");
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForPort(port, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/**
 * Launches the app with `env` (e.g. SANCTUARY_DEMO=1) on a fresh store
 * directory. Returns { browser, storeDir, stop }.
 */
export async function launch(env = {}) {
  if (!existsSync(appPath)) throw new Error(`no app at ${appPath}: build it with tauri build --debug --no-bundle`);
  const home = mkdtempSync(path.join(os.tmpdir(), "sanctuary-e2e-"));
  const storeDir = path.join(home, "store");
  const port = await freePort();
  const nativePort = await freePort();
  // Its own process group, so stopping it also ends WebKitWebDriver and the
  // app; output goes to a file, never to a pipe the test runner waits on.
  const log = path.join(home, "driver.log");
  const out = openSync(log, "a");
  const driver = spawn(findDriver(), ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, SANCTUARY_STORE: storeDir, ...env },
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  await waitForPort(port);
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "error",
    capabilities: {
      "tauri:options": { application: appPath },
      "wdio:enforceWebDriverClassic": true,
    },
  });
  const signal = (name) => {
    try {
      process.kill(-driver.pid, name);
    } catch {
      // Already gone.
    }
  };
  const stop = async () => {
    try {
      await browser.deleteSession();
    } catch {
      // The app may already be gone.
    }
    signal("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    signal("SIGKILL");
    if (process.env.E2E_KEEP_LOGS) console.log(readFileSync(log, "utf8"));
    rmSync(home, { recursive: true, force: true });
  };
  return { browser, storeDir, stop };
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core on the page; returns serious and critical violations. */
export async function axeViolations(browser) {
  await browser.execute(axeSource);
  const violations = await browser.executeAsync((done) => {
    // eslint-disable-next-line no-undef
    axe
      .run(document, { resultTypes: ["violations"] })
      .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }))))
      .catch((e) => done([{ id: "axe-error", impact: "critical", help: String(e), nodes: [] }]));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export async function waitFor(browser, selector, timeout = 20_000) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout });
  return el;
}

/** Waits until `fn` (run in the page) returns something truthy. */
export async function until(browser, fn, timeout = 20_000, message = "condition") {
  await browser.waitUntil(async () => Boolean(await browser.execute(fn)), { timeout, timeoutMsg: `timed out: ${message}` });
}

/**
 * Calls a command the way the page does (for steps behind native file
 * dialogs). A refusal comes back as `{ failed }`: not `error`, which
 * WebDriver would read as its own failure.
 */
export function invoke(browser, command, args) {
  return browser.executeAsync(
    (command, args, done) => {
      window.__TAURI_INTERNALS__.invoke(command, args).then(
        (r) => done(r),
        (e) => done({ failed: e }),
      );
    },
    command,
    args,
  );
}

/**
 * Unlocks a demo store and waits for the home screen. The first unlock of a
 * run waits long: the demo store is made before the unlock screen shows.
 */
export async function unlockToHome(browser, passphrase, timeout = 240_000) {
  await (await waitFor(browser, "#passphrase", timeout)).setValue(passphrase);
  await browser.keys("Enter");
  await waitFor(browser, "[data-testid=reminders]", 60_000);
}

export const screenshots = path.join(root, "docs", "screenshots");
