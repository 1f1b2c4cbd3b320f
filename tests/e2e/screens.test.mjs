// Every main screen on a demo store, in English, Arabic and Farsi: an axe-core
// check (serious and critical violations fail) and a screenshot into
// docs/screenshots/ (SANCTUARY_SCREENSHOTS=0 skips them). With
// SANCTUARY_PERF=1 and a big demo store (SANCTUARY_DEMO_AMBASSADORS=5000,
// SANCTUARY_APP=target/release/sanctuary-app) it also reports how fast the
// list, search and profile are.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, launch, screenshots, waitFor } from "./harness.mjs";

const ambassadors = Number(process.env.SANCTUARY_DEMO_AMBASSADORS ?? 120);
let app;

before(async () => {
  app = await launch({ SANCTUARY_DEMO: "1", SANCTUARY_DEMO_AMBASSADORS: String(ambassadors) });
  mkdirSync(screenshots, { recursive: true });
});
after(async () => {
  await app?.stop();
});

async function shoot(b, locale, name) {
  if (process.env.SANCTUARY_SCREENSHOTS === "0") return;
  // Let fonts and layout settle before the picture.
  await b.pause(250);
  // Fonts for scripts such as Ge'ez load on first use: wait for them.
  await b.executeAsync((done) => document.fonts.ready.then(() => done()));
  await b.saveScreenshot(path.join(screenshots, `${locale}-${name}.png`));
}

async function check(b, what) {
  const violations = await axeViolations(b);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`);
}

async function nav(b, screen) {
  await (await b.$(`[data-testid=nav-${screen}]`)).click();
  await b.pause(300);
}

async function tour(b, locale) {
  await nav(b, "home");
  await waitFor(b, "[data-testid=reminders] h3, [data-testid=reminders] p:not(.hint)");
  await check(b, `${locale} home`);
  await shoot(b, locale, "home");

  await nav(b, "ambassadors");
  const first = await waitFor(b, "[data-testid=ambassador-row]");
  await first.click();
  await waitFor(b, "[data-testid=profile-view]");
  await check(b, `${locale} ambassadors`);
  await shoot(b, locale, "ambassadors");

  await (await b.$("[data-testid=edit-profile]")).click();
  await waitFor(b, "[data-testid=profile-editor]");
  await check(b, `${locale} profile editor`);
  await shoot(b, locale, "profile-editor");

  await nav(b, "projects");
  await check(b, `${locale} projects`);
  await shoot(b, locale, "projects");
  await (await waitFor(b, "table button.link")).click();
  await waitFor(b, "[data-testid=matching-region]");
  await check(b, `${locale} project page`);
  await shoot(b, locale, "project");

  await nav(b, "training");
  await waitFor(b, "table");
  await check(b, `${locale} training`);
  await shoot(b, locale, "training");

  await nav(b, "recognition");
  const picker = await waitFor(b, "#rec-person");
  await picker.setValue("a");
  await (await waitFor(b, ".picker-options li")).click();
  await waitFor(b, "[data-testid=recognition-form]");
  await check(b, `${locale} recognition`);
  await shoot(b, locale, "recognition");

  await nav(b, "reports");
  await waitFor(b, "[data-testid=report-headline]");
  await waitFor(b, "[aria-labelledby=report-hours-by-stream] canvas");
  await check(b, `${locale} reports`);
  await shoot(b, locale, "reports");

  await nav(b, "sheets");
  await waitFor(b, "[data-testid=import-choose]");
  await check(b, `${locale} spreadsheets`);
  await shoot(b, locale, "sheets");

  await nav(b, "sync");
  await waitFor(b, "[data-testid=sync-export]");
  await check(b, `${locale} sync`);
  await shoot(b, locale, "sync");

  await nav(b, "about");
  await waitFor(b, "[data-testid=about-version]");
  await check(b, `${locale} about`);
  await shoot(b, locale, "about");

  // Last: the test picks the next language on the settings screen.
  await nav(b, "settings");
  await check(b, `${locale} settings`);
  await shoot(b, locale, "settings");
}

/** Picks a right-to-left language on the settings screen (where each tour ends). */
async function rtl(b, locale) {
  await (await b.$("#language")).selectByAttribute("value", locale);
  // The choice is saved to the store first: give a busy machine time.
  await b.waitUntil(async () => (await b.execute(() => `${document.documentElement.lang},${document.documentElement.dir}`)) === `${locale},rtl`, {
    timeout: 30_000,
    timeoutMsg: `the page did not turn to ${locale}, right to left`,
  });
}

async function lockAndShoot(b, locale) {
  await (await b.$("[data-testid=lock]")).click();
  await waitFor(b, "#passphrase");
  await check(b, `${locale} unlock`);
  await shoot(b, locale, "unlock");
}

test("every main screen passes axe and is photographed, in English, Arabic and Farsi", { timeout: 900_000 }, async () => {
  const b = app.browser;
  await b.setWindowSize(1280, 720).catch(() => {});
  const passphrase = await waitFor(b, "#passphrase", 300_000); // A new demo store is made first.
  const demo = await b.$(".notice");
  assert.match(await demo.getText(), /demo passphrase/);
  await check(b, "en unlock");
  await shoot(b, "en", "unlock");
  await passphrase.setValue("demo passphrase");
  await b.keys("Enter");
  await waitFor(b, "[data-testid=lock]", 60_000);
  await tour(b, "en");

  // Arabic, right to left.
  await rtl(b, "ar");
  await tour(b, "ar");
  // Farsi, right to left, in another script's words and plural rules.
  await rtl(b, "fa");
  await tour(b, "fa");
  await lockAndShoot(b, "fa");
  await (await b.$("#language")).selectByAttribute("value", "ar");
  await b.waitUntil(async () => (await b.execute(() => document.documentElement.lang)) === "ar", { timeout: 30_000 });
  await check(b, "ar unlock");
  await shoot(b, "ar", "unlock");

  // Back to English for whoever opens this store next.
  await (await b.$("#language")).selectByAttribute("value", "en");
});

test("performance on the demo store", { skip: process.env.SANCTUARY_PERF !== "1" }, async () => {
  const b = app.browser;
  // Unlock straight onto the ambassador list: be there when locking.
  if (!(await b.$("[data-testid=lock]").isExisting())) {
    await (await waitFor(b, "#passphrase", 300_000)).setValue("demo passphrase");
    await b.keys("Enter");
    await waitFor(b, "[data-testid=lock]", 60_000);
  }
  await nav(b, "ambassadors");
  await (await b.$("[data-testid=lock]")).click();
  const passphrase = await waitFor(b, "#passphrase");
  await passphrase.setValue("demo passphrase");
  await b.keys("Enter");
  await waitFor(b, "[data-testid=ambassador-row]", 60_000);
  await b.pause(500);
  const perf = () => b.execute(() => ({ ...(window.__sanctuaryPerf ?? {}) }));
  const unlockToList = (await perf()).unlockToList;

  const search = await b.$("#amb-search");
  const searches = [];
  await search.click();
  for (const term of ["a", "ar", "ara", "arab", "arabi", "arabic", "m", "me", "men", "ment", "s", "sp", "spe"]) {
    if (term.length === 1) {
      await search.clearValue();
      await b.pause(300);
    }
    // Clear the last timing, type one key, and wait for the list painted after it.
    await b.execute(() => delete window.__sanctuaryPerf.search);
    await search.addValue(term.slice(-1));
    await b.waitUntil(async () => (await perf()).search !== undefined, { timeout: 5000 });
    await b.pause(150);
    searches.push((await perf()).search);
  }
  const opens = [];
  for (let i = 0; i < 5; i++) {
    const rows = await b.$$("[data-testid=ambassador-row]");
    await rows[i % rows.length].click();
    await b.pause(300);
    opens.push((await perf()).openProfile);
  }
  // The IPC round trip alone (core search, JSON both ways), for a broad and a narrow query.
  const ipc = await b.executeAsync((done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const query = (text) => ({ query: { text, skill: null, interest: null, language: null, region: null, status: null, include_archived: false } });
    (async () => {
      const out = {};
      // A picker's search, and the list's one fetch of every row (its
      // keystrokes then filter in the page without a call).
      for (const [command, count, texts] of [["search_ambassadors", (r) => r.rows.length, ["m", "arabic"]], ["ambassador_rows", (r) => r.rows.length, [""]]]) {
        for (const text of texts) {
          const times = [];
          let rows = 0;
          for (let i = 0; i < 5; i++) {
            const t0 = performance.now();
            const r = await invoke(command, query(text));
            times.push(performance.now() - t0);
            rows = count(r);
          }
          times.sort((x, y) => x - y);
          out[`${command}:${text}`] = `${rows}rows:${times[2].toFixed(0)}ms`;
        }
      }
      return out;
    })().then(done, (e) => done({ error: String(e) }));
  });
  const median = (xs) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)];
  console.log(
    `# perf ambassadors=${ambassadors} unlock_to_list_ms=${unlockToList.toFixed(0)} search_median_ms=${median(searches).toFixed(1)} search_max_ms=${Math.max(...searches).toFixed(1)} search_all=${searches.map((x) => x.toFixed(0)).join(",")} open_profile_median_ms=${median(opens).toFixed(1)} ipc_search=${JSON.stringify(ipc)}`,
  );
});
