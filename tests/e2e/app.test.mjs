// The coordinator's first session in the real window: create a store, add
// an ambassador with skills and languages, find them, edit them, lock and
// unlock; then sync: export a bundle, invite a second laptop (the real CLI),
// and bring its work back in. Accessibility is checked on the way.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, cliPath, invoke, launch, screenshots, waitFor } from "./harness.mjs";

let app;
before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

const PASS = "river lantern orchard";

/** The name on the first row (textContent: WebKit's visible-text rules skip bidi-isolated spans). */
const rowName = (b) => b.execute(() => document.querySelector("[data-testid=ambassador-row] .row-name")?.textContent);

test("create a store, add, find, edit, lock and unlock", async () => {
  const b = app.browser;
  await (await waitFor(b, "#network")).setValue("Leeds ambassadors");
  await (await b.$("#new-passphrase")).setValue(PASS);
  await (await b.$("#confirm-passphrase")).setValue(PASS);
  assert.deepEqual(await axeViolations(b), [], "first-run screen");
  // For the user guide's "first run" (SANCTUARY_SCREENSHOTS=0 skips it).
  if (process.env.SANCTUARY_SCREENSHOTS !== "0") await b.saveScreenshot(path.join(screenshots, "en-welcome.png"));
  await (await b.$("button[type=submit]")).click();

  // The empty store opens on the home screen, with nothing waiting.
  await waitFor(b, "[data-testid=reminders]");
  await (await b.$("[data-testid=nav-ambassadors]")).click();
  await waitFor(b, "[data-testid=add-ambassador]");
  assert.match(await (await b.$("[data-testid=ambassador-count]")).getText(), /^0 of 0$/);

  // Add someone with languages and skills.
  await (await b.$("[data-testid=add-ambassador]")).click();
  await (await waitFor(b, "#p-display")).setValue("Selam");
  await (await b.$("#p-region")).setValue("Leeds");
  await (await b.$("[data-testid=add-language]")).click();
  await (await waitFor(b, "#p-lang-0")).setValue("Tigrinya");
  await (await b.$("#p-level-0")).selectByAttribute("value", "native");
  await (await b.$("[data-testid=add-language]")).click();
  await (await waitFor(b, "#p-lang-1")).setValue("English");
  await (await b.$("#p-level-1")).selectByAttribute("value", "fluent");
  const skills = await b.$("#p-skills");
  await skills.setValue("Public speaking");
  await b.keys("Enter");
  await skills.setValue("mentoring");
  await b.keys("Enter");
  await (await b.$("#p-interests")).setValue("education");
  await b.keys("Enter");
  assert.deepEqual(await axeViolations(b), [], "profile editor");
  await (await b.$("[data-testid=save-profile]")).click();

  const view = await waitFor(b, "[data-testid=profile-view]");
  assert.equal(await (await view.$("h2")).getText(), "Selam");
  assert.equal(await (await b.$("[data-testid=profile-skills]")).getText(), "mentoring, public speaking");
  assert.match(await (await b.$("[data-testid=profile-languages]")).getText(), /tigrinya \(Native\)/i, "language names are shown in the UI language");
  assert.deepEqual(await axeViolations(b), [], "ambassadors with a profile open");

  // Add a second person so search has something to leave out.
  await (await b.$("[data-testid=add-ambassador]")).click();
  await (await waitFor(b, "#p-display")).setValue("Dawit");
  await (await b.$("#p-region")).setValue("Wales");
  await (await b.$("[data-testid=save-profile]")).click();
  await b.waitUntil(async () => (await (await b.$("[data-testid=ambassador-count]")).getText()) === "2 of 2");

  // Find Selam by a skill, then by a language.
  const search = await b.$("#amb-search");
  for (const term of ["speaking", "tigrinya"]) {
    await search.setValue(term);
    await b.waitUntil(async () => (await (await b.$("[data-testid=ambassador-count]")).getText()) === "1 of 2", {
      timeoutMsg: `search ${term}`,
    });
    assert.equal(await rowName(b), "Selam");
  }

  // Edit: a new name and one more skill.
  await (await b.$("[data-testid=ambassador-row]")).click();
  await (await waitFor(b, "[data-testid=edit-profile]")).click();
  const name = await waitFor(b, "#p-display");
  await name.clearValue();
  await name.setValue("Selam H.");
  await (await b.$("#p-skills")).setValue("writing");
  await b.keys("Enter");
  await (await b.$("[data-testid=save-profile]")).click();
  await b.waitUntil(async () => (await (await b.$("[data-testid=profile-view] h2")).getText()) === "Selam H.");
  assert.equal(await (await b.$("[data-testid=profile-skills]")).getText(), "mentoring, public speaking, writing");

  // Lock: the data leaves the page; unlock brings it back.
  await (await b.$("[data-testid=lock]")).click();
  const passphrase = await waitFor(b, "#passphrase");
  assert.equal(await b.$("[data-testid=ambassador-row]").isExisting(), false);
  assert.deepEqual(await axeViolations(b), [], "unlock screen");
  await passphrase.setValue("not the passphrase");
  await b.keys("Enter");
  const error = await waitFor(b, "#unlock-error");
  assert.match(await error.getText(), /not right/);
  await passphrase.clearValue();
  await passphrase.setValue(PASS);
  await b.keys("Enter");
  await waitFor(b, "[data-testid=ambassador-row]");
  assert.equal(await (await b.$("[data-testid=ambassador-count]")).getText(), "2 of 2");
  await (await b.$("#amb-search")).setValue("selam h");
  await b.waitUntil(async () => (await (await b.$("[data-testid=ambassador-count]")).getText()) === "1 of 2");
});

test("export a sync bundle", async () => {
  const b = app.browser;
  await (await b.$("[data-testid=nav-sync]")).click();
  await waitFor(b, "[data-testid=sync-export]");
  assert.deepEqual(await axeViolations(b), [], "sync screen");
  // The Export button opens the native save dialog, which WebDriver cannot
  // drive; the page calls the same command with the path the dialog would give.
  const file = path.join(path.dirname(app.storeDir), "leeds.bundle");
  const result = await b.executeAsync((target, done) => {
    window.__TAURI_INTERNALS__
      .invoke("sync_export", { path: target })
      .then((r) => done(r), (e) => done({ error: e }));
  }, file);
  assert.equal(result.error, undefined, JSON.stringify(result.error));
  assert.ok(existsSync(file), "the bundle file exists");
  const bytes = readFileSync(file);
  assert.equal(bytes.length, result.bytes);
  assert.ok(bytes.length > 100, "the bundle holds the changes");
  // Encrypted: no name typed in the first test appears in it.
  assert.equal(bytes.includes(Buffer.from("Selam")), false);
});

test("a second laptop joins with the app's invite, and its bundle comes back in", async () => {
  const b = app.browser;
  const dir = path.dirname(app.storeDir);
  const invite = await invoke(b, "create_invite", { path: path.join(dir, "bradford.invite") });
  assert.equal(invite.failed, undefined, JSON.stringify(invite.failed));

  // The second laptop is the real CLI: it joins, adds someone, exports.
  assert.ok(existsSync(cliPath), `no CLI at ${cliPath}: cargo test builds it`);
  const other = path.join(dir, "bradford");
  const cli = (...args) => {
    const r = spawnSync(cliPath, ["--store", other, ...args], {
      env: { ...process.env, SANCTUARY_PASSPHRASE: "a second laptop's passphrase" },
      encoding: "utf8",
    });
    assert.equal(r.status, 0, `sanctuary ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  };
  cli("init", "--join", invite.path, "--code", invite.code, "--device-name", "Bradford laptop", "--kdf", "minimum");
  cli("ambassador", "add", "--name", "Tigist", "--region", "Bradford");
  const bundle = path.join(dir, "bradford.bundle");
  cli("sync", "export", "--out", bundle);

  // An altered copy is refused and changes nothing.
  const altered = Buffer.from(readFileSync(bundle));
  altered[altered.length - 40] ^= 0x01;
  const alteredPath = path.join(dir, "altered.bundle");
  writeFileSync(alteredPath, altered);
  const refused = await invoke(b, "sync_import", { path: alteredPath });
  assert.equal(refused.failed?.code, "bundle-altered", JSON.stringify(refused));
  const before = await invoke(b, "sync_status");
  assert.equal(before.failed, undefined, JSON.stringify(before.failed));
  assert.equal(before.peers.some((p) => p.name === "Bradford laptop"), false, "the refused bundle added nobody");

  const imported = await invoke(b, "sync_import", { path: bundle });
  assert.equal(imported.failed, undefined, JSON.stringify(imported.failed));
  assert.ok(imported.changed >= 2, `the new person and the network changed: ${JSON.stringify(imported)}`);

  // The app shows her among the others, and the new laptop on the Sync screen.
  await (await b.$("[data-testid=nav-ambassadors]")).click();
  const search = await waitFor(b, "#amb-search");
  await search.clearValue();
  await search.setValue("tigist");
  await b.waitUntil(async () => (await (await b.$("[data-testid=ambassador-count]")).getText()) === "1 of 3", {
    timeoutMsg: "Tigist is listed",
  });
  assert.equal(await rowName(b), "Tigist");
  await (await b.$("[data-testid=nav-sync]")).click();
  await b.waitUntil(async () => (await (await b.$("#peers-heading")).isExisting()) && (await b.execute(() => document.body.textContent.includes("Bradford laptop"))), {
    timeoutMsg: "the Sync screen lists the new laptop",
  });
  assert.deepEqual(await axeViolations(b), [], "sync screen with a peer");
});

test("a configured sync folder syncs an edit by itself, and the top bar says when", async () => {
  const b = app.browser;
  const dir = path.dirname(app.storeDir);
  const shared = path.join(dir, "shared");
  mkdirSync(shared, { recursive: true });
  // "Choose folder…" opens the native folder dialog, which WebDriver cannot
  // drive; the page calls the same command with the path the dialog gives.
  const set = await invoke(b, "set_sync_folder", { path: shared });
  assert.equal(set.failed, undefined, JSON.stringify(set.failed));
  assert.equal(set.folder, shared);
  const refused = await invoke(b, "set_sync_folder", { path: path.join(dir, "not-there") });
  assert.equal(refused.failed?.code, "invalid", JSON.stringify(refused));

  // The pass at configuration writes this laptop's bundle; the top bar says so.
  const status = await waitFor(b, "[data-testid=sync-status]");
  await b.waitUntil(async () => (await status.getText()).startsWith("Last synced"), { timeoutMsg: "the first pass" });
  const me = (await invoke(b, "sync_status")).device;
  const own = path.join(shared, me);
  const bundles = () => (existsSync(own) ? readdirSync(own).filter((f) => f.endsWith(".bundle")) : []);
  const first = bundles();
  assert.equal(first.length, 1, `one bundle after the first pass: ${first}`);

  // An edit in the window, and nothing else: a new bundle appears.
  const edited = Math.floor(Date.now() / 1000);
  await (await b.$("[data-testid=nav-ambassadors]")).click();
  const search = await waitFor(b, "#amb-search");
  await search.clearValue();
  await search.setValue("dawit");
  await b.waitUntil(async () => (await (await b.$("[data-testid=ambassador-count]")).getText()) === "1 of 3");
  await (await b.$("[data-testid=ambassador-row]")).click();
  await (await waitFor(b, "[data-testid=edit-profile]")).click();
  const name = await waitFor(b, "#p-display");
  await name.clearValue();
  await name.setValue("Dawit G.");
  await (await b.$("[data-testid=save-profile]")).click();
  await b.waitUntil(() => bundles().some((f) => !first.includes(f)), {
    timeout: 20_000,
    timeoutMsg: "a new bundle in the shared folder after the edit",
  });
  await b.waitUntil(
    async () => {
      const s = await invoke(b, "auto_sync_status");
      return s.state === "idle" && s.last_synced >= edited;
    },
    { timeout: 20_000, timeoutMsg: "a pass after the edit" },
  );
  assert.match(await status.getText(), /^Last synced /);

  // The other laptop (the CLI) reads the folder and has the edit.
  const other = path.join(dir, "bradford");
  const r = spawnSync(cliPath, ["--store", other, "sync", "folder", shared], {
    env: { ...process.env, SANCTUARY_PASSPHRASE: "a second laptop's passphrase" },
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  const list = spawnSync(cliPath, ["--store", other, "ambassador", "list"], {
    env: { ...process.env, SANCTUARY_PASSPHRASE: "a second laptop's passphrase" },
    encoding: "utf8",
  });
  assert.match(list.stdout, /Dawit G\./);

  await (await b.$("[data-testid=nav-sync]")).click();
  const shown = await waitFor(b, "[data-testid=sync-folder]");
  assert.equal(await shown.getText(), shared);
  assert.deepEqual(await axeViolations(b), [], "sync screen with automatic sync on");
});
