// The Spreadsheets screen in the real window: a messy CSV (BOM, semicolons,
// a UK date, an Arabic name, an empty-name row, an impossible date and the
// same email in other case) is chosen, one column's mapping is corrected, a
// value is filled in for every row, the check reports the rejected rows and
// the duplicate, and "valid rows only" imports each person once.
//
// A native file dialog cannot be driven through WebDriver, so only its
// answer is replaced: the dialog plugin's `plugin:dialog|open` command
// answers with the test's file, and every other command reaches the app
// unchanged. Tauri defines `__TAURI_INTERNALS__.invoke` read-only, so the
// replacement sits one step lower, at the page's `fetch` of the IPC
// request (`ipc://localhost/<command>` on Linux), with the reply headers
// Tauri's own IPC script reads.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, launch, screenshots, until, waitFor } from "./harness.mjs";

const PASS = "river lantern orchard";
// Generous: two cores shared with other builds.
const SLOW = 60_000;

let app;
let dir;
before(async () => {
  app = await launch();
  dir = mkdtempSync(path.join(os.tmpdir(), "sanctuary-e2e-sheet-"));
  mkdirSync(screenshots, { recursive: true });
});
after(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Row numbers as a spreadsheet shows them: the header is row 1.
const CSV =
  "\uFEFFFirst name;Surname;Email;Mobile;Home town;Date joined;Payment OK?\r\n" +
  "Amina;Haddad;amina@example.org;07700 900123;Leeds;14/03/2023;No\r\n" +
  "زهراء;الموسوی;zahra@example.org;+44 7700 900456;Bradford;01/02/2024;Yes\r\n" +
  ";;nobody@example.org;;Leeds;01/01/2024;No\r\n" +
  "Karim;Nour;karim@example.org;;Leeds;31/02/2023;No\r\n" +
  "AMINA;HADDAD;AMINA@EXAMPLE.ORG;;Leeds;2023-03-14;no\r\n";

/** A picture of the window with `selector` scrolled to the top, for the user guide. */
async function shoot(b, selector, name) {
  if (process.env.SANCTUARY_SCREENSHOTS === "0") return;
  await b.execute((s) => document.querySelector(s).scrollIntoView({ block: "start", behavior: "instant" }), selector);
  const top = () => b.execute((s) => document.querySelector(s).getBoundingClientRect().top, selector);
  await b.waitUntil(async () => Math.abs(await top()) < 150, { timeout: SLOW, timeoutMsg: `${selector} at the top` });
  await b.executeAsync((done) => document.fonts.ready.then(() => done()));
  await b.saveScreenshot(path.join(screenshots, `en-${name}.png`));
}

/** The text of every element matching `selector`, in order (textContent: bidi-isolated spans included). */
const texts = (b, selector) => b.execute((s) => [...document.querySelectorAll(s)].map((e) => e.textContent.trim()), selector);

test("import a messy spreadsheet: map, fill in, check, import the valid rows once each", async () => {
  const b = app.browser;
  const file = path.join(dir, "ambassadors.csv");
  writeFileSync(file, CSV, "utf8");

  await (await waitFor(b, "#network", SLOW)).setValue("Leeds ambassadors");
  await (await b.$("#new-passphrase")).setValue(PASS);
  await (await b.$("#confirm-passphrase")).setValue(PASS);
  await (await b.$("button[type=submit]")).click();
  await waitFor(b, "[data-testid=reminders]", SLOW);

  // Only the open dialog's answer is replaced.
  await b.execute((answer) => {
    const realFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === "string" ? input : input.url;
      if (decodeURIComponent(url).endsWith("/plugin:dialog|open")) {
        window.__dialogAnswered = (window.__dialogAnswered ?? 0) + 1;
        const headers = { "Content-Type": "application/json", "Tauri-Response": "ok" };
        return Promise.resolve(new Response(JSON.stringify(answer), { headers }));
      }
      return realFetch(input, init);
    };
  }, file);

  await (await b.$("[data-testid=nav-sheets]")).click();
  await (await waitFor(b, "[data-testid=import-choose]", SLOW)).click();
  await until(b, () => window.__dialogAnswered === 1, SLOW, "the dialog was asked once");
  await until(
    b,
    () => document.querySelector("[data-testid=import-mapping], [data-testid=import-error]"),
    SLOW,
    "the mapping step or an error",
  );
  assert.equal(await b.execute(() => document.querySelector("[data-testid=import-error]")?.textContent ?? null), null);
  const mapping = await waitFor(b, "[data-testid=import-mapping]", SLOW);
  assert.match(await mapping.getText(), /The file has 5 rows\./);

  // The first rows are shown under each column, the Arabic name as written.
  const columns = await texts(b, "[data-testid=import-column] th");
  assert.deepEqual(columns, ["First name", "Surname", "Email", "Mobile", "Home town", "Date joined", "Payment OK?"]);
  const examples = await texts(b, "[data-testid=import-column] .examples");
  assert.match(examples[0], /Amina · زهراء · Karim/);
  const selects = await b.$$("[data-testid=import-column] select");
  assert.equal(await selects[0].getValue(), "first-name");
  assert.equal(await selects[2].getValue(), "email");
  // "Home town" is not a name the core knows: the coordinator reads it as the region.
  assert.equal(await selects[4].getValue(), "ignore");
  await selects[4].selectByAttribute("value", "region");
  await b.waitUntil(async () => (await selects[4].getValue()) === "region", { timeout: SLOW, timeoutMsg: "region chosen" });

  // The file has no group: one for every row.
  await (await b.$("[data-testid=import-default-field]")).selectByAttribute("value", "group");
  await (await b.$("[data-testid=import-default-value]")).setValue("Leeds drop-in");
  await (await b.$("[data-testid=import-default-add]")).click();
  const filled = await waitFor(b, "[data-testid=import-defaults]", SLOW);
  assert.match(await filled.getText(), /Group: Leeds drop-in/);
  assert.deepEqual(await axeViolations(b), [], "mapping step");
  await shoot(b, "[data-testid=import-mapping]", "import");

  // The check writes nothing and says which rows, why, and the duplicate.
  await (await b.$("[data-testid=import-check]")).click();
  const report = await waitFor(b, "[data-testid=import-report]", SLOW);
  const rejected = await texts(b, "[data-testid=import-rejected] li");
  assert.equal(rejected.length, 2, JSON.stringify(rejected));
  assert.equal(rejected[0], "Row 4: The name is empty.");
  assert.match(rejected[1], /^Row 5: Date joined: “31\/02\/2023” is not a day that exists/);
  assert.deepEqual(await texts(b, "[data-testid=import-duplicates] li"), ["Row 6 is the same as row 2 (the same email)."]);
  assert.match(await report.getText(), /2 new people/);
  const confirm = await b.$("[data-testid=import-confirm]");
  assert.equal(await confirm.isEnabled(), false, "all or nothing until valid rows only is ticked");
  assert.deepEqual(await axeViolations(b), [], "dry-run report");
  await shoot(b, "[data-testid=import-report]", "import-check");

  await (await b.$("[data-testid=import-skip-invalid]")).click();
  await b.waitUntil(() => confirm.isEnabled(), { timeout: SLOW, timeoutMsg: "import enabled" });
  await confirm.click();
  const done = await waitFor(b, "[data-testid=import-done]", SLOW);
  assert.match(await done.getText(), /2 new people/);
  assert.match(await done.getText(), /2 rows were left out\./);

  // Each person once, the duplicate merged into Amina.
  await (await b.$("[data-testid=nav-ambassadors]")).click();
  await until(b, () => document.querySelector("[data-testid=ambassador-count]")?.textContent.trim() === "2 of 2", SLOW, "two people");
  const names = await texts(b, "[data-testid=ambassador-row] .row-name");
  assert.deepEqual([...names].sort(), ["Amina", "زهراء"].sort());
});
