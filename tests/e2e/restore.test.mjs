// A laptop restored from a backup, in the real window: the network does not
// know it, so syncing is refused with what to do; on the sync screen it
// joins again with an invite another laptop made (the real CLI), keeping
// its store, and then syncs both ways, getting back what its old self
// synced after the backup.
//
// Only the native open dialog's answer is replaced (see import.test.mjs for
// why at the page's fetch of the IPC request); bundles are written and read
// by calling the same commands the Sync screen's buttons call.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, cliPath, invoke, launch, until, waitFor } from "./harness.mjs";

const PASS = "harbour willow lantern";
// Generous: two cores shared with other builds.
const SLOW = 60_000;

let app;
before(async () => {
  app = await launch();
});
after(async () => {
  await app?.stop();
});

/** The real CLI on `store`; fails the test unless it succeeds. */
function cli(store, ...args) {
  const r = spawnSync(cliPath, ["--store", store, ...args], {
    env: { ...process.env, SANCTUARY_PASSPHRASE: PASS },
    encoding: "utf8",
  });
  assert.equal(r.status, 0, `sanctuary ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** An invite made with the CLI on `store`: its file and its one-time code. */
function invite(store, file) {
  const out = cli(store, "invite", "create", "--out", file, "--kdf", "minimum");
  return out.trim().split("\n").at(-1).trim();
}

test("a restored laptop is told what to do, joins again on the sync screen and syncs both ways", async () => {
  assert.ok(existsSync(cliPath), `no CLI at ${cliPath}: cargo test builds it`);
  const b = app.browser;
  const dir = path.dirname(app.storeDir);
  const lost = path.join(dir, "lost");
  const office = path.join(dir, "office");
  const bundle = path.join(dir, "step.bundle");

  // The lost laptop and the office laptop, in step; then a backup.
  cli(lost, "init", "--network-name", "Leeds ambassadors", "--kdf", "minimum");
  cli(lost, "ambassador", "add", "--name", "Amina", "--region", "Leeds");
  const first = path.join(dir, "office.invite");
  const code = invite(lost, first);
  cli(office, "init", "--join", first, "--code", code, "--device-name", "Office laptop", "--kdf", "minimum");
  cli(lost, "sync", "export", "--out", bundle);
  cli(office, "sync", "import", bundle);
  const backup = path.join(dir, "lost.backup");
  cli(lost, "backup", "--out", backup);
  // It goes on after the backup and syncs that to the office, then is lost.
  cli(lost, "ambassador", "add", "--name", "Dawit", "--region", "Wakefield");
  cli(lost, "sync", "export", "--out", bundle);
  cli(office, "sync", "import", bundle);

  // The backup restored where the app keeps its store, and unlocked.
  cli(app.storeDir, "restore", backup);
  await b.refresh();
  await (await waitFor(b, "#passphrase", SLOW)).setValue(PASS);
  await b.keys("Enter");
  await waitFor(b, "[data-testid=reminders]", SLOW);

  // Syncing is refused with the sentence that says what to do.
  const refused = await invoke(b, "sync_export", { path: path.join(dir, "refused.bundle") });
  assert.equal(refused.failed?.code, "not-a-device", JSON.stringify(refused));
  assert.equal(existsSync(path.join(dir, "refused.bundle")), false);

  await (await b.$("[data-testid=nav-sync]")).click();
  const card = await waitFor(b, "[data-testid=join-again]", SLOW);
  assert.match(await card.getText(), /restored from a backup/);
  assert.deepEqual(await axeViolations(b), [], "sync screen of a restored laptop");

  const again = path.join(dir, "again.invite");
  const againCode = invite(office, again);
  await b.execute((answer) => {
    const realFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === "string" ? input : input.url;
      if (decodeURIComponent(url).endsWith("/plugin:dialog|open")) {
        const headers = { "Content-Type": "application/json", "Tauri-Response": "ok" };
        return Promise.resolve(new Response(JSON.stringify(answer), { headers }));
      }
      return realFetch(input, init);
    };
  }, again);
  await (await card.$("button.secondary")).click();
  await until(b, () => document.querySelector("[data-testid=join-again-file]")?.textContent.endsWith("again.invite"), SLOW, "invite chosen");
  await (await b.$("[data-testid=join-again-code]")).setValue(againCode);
  await (await b.$("[data-testid=join-again-name]")).setValue("Amina's new laptop");
  await (await b.$("[data-testid=join-again-submit]")).click();
  const joined = await waitFor(b, "[data-testid=sync-message]", SLOW);
  assert.match(await joined.getText(), /part of the network again/);
  await until(b, () => !document.querySelector("[data-testid=join-again]"), SLOW, "the offer is gone");

  // Both ways, nothing refused: the office gets the restored laptop's
  // bundle, and the restored laptop the office's.
  const out = path.join(dir, "restored.bundle");
  const sent = await invoke(b, "sync_export", { path: out });
  assert.equal(sent.failed, undefined, JSON.stringify(sent.failed));
  cli(office, "sync", "import", out);
  cli(office, "sync", "export", "--out", bundle);
  const back = await invoke(b, "sync_import", { path: bundle });
  assert.equal(back.failed, undefined, JSON.stringify(back.failed));
  assert.equal(back.gap, false);

  // Amina was in the backup; Dawit, written after it, came back from the network.
  await (await b.$("[data-testid=nav-ambassadors]")).click();
  await until(b, () => document.querySelector("[data-testid=ambassador-count]")?.textContent.trim() === "2 of 2", SLOW, "two people");
  const names = await b.execute(() => [...document.querySelectorAll("[data-testid=ambassador-row] .row-name")].map((e) => e.textContent.trim()));
  assert.deepEqual([...names].sort(), ["Amina", "Dawit"]);
  const listed = cli(office, "device", "list");
  assert.match(listed, /Amina's new laptop/);
});
