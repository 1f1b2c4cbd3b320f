// Training and the ambassador's own view, in the real window: record one
// session for three people, open self-view for one of them, see their
// courses, add to their record, fail to leave with a wrong passphrase, leave
// with the right one, and approve what they added.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, launch, screenshots, waitFor } from "./harness.mjs";

let app;
before(async () => {
  app = await launch({ SANCTUARY_DEMO: "1", SANCTUARY_DEMO_AMBASSADORS: "30" });
  mkdirSync(screenshots, { recursive: true });
});
after(async () => {
  await app?.stop();
});

const PASS = "demo passphrase";

async function check(b, what) {
  const violations = await axeViolations(b);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`);
}

async function shoot(b, name) {
  if (process.env.SANCTUARY_SCREENSHOTS === "0") return;
  await b.execute(() => document.querySelector(".self-view-page")?.scrollTo(0, 0));
  await b.pause(250);
  // Fonts for scripts such as Ge'ez load on first use: wait for them.
  await b.executeAsync((done) => document.fonts.ready.then(() => done()));
  await b.saveScreenshot(path.join(screenshots, `${name}.png`));
}

/** Picks the `nth` person whose name contains `text` in the attendee picker. */
// Picks the first suggestion for `text` whose name is not among `chosen`
// (demo names repeat: three people called Abdi would leave no name that
// finds only one of them), and returns its name.
async function pickAttendee(b, text, chosen) {
  const input = await b.$("#se-attendee");
  await input.setValue(text);
  await waitFor(b, "#se-attendee-options li");
  const options = await b.execute(() => [...document.querySelectorAll("#se-attendee-options li")].map((li) => li.textContent.trim()));
  const nth = Math.max(0, options.findIndex((o) => !chosen.some((name) => o.startsWith(name))));
  for (let i = 0; i < nth; i++) await b.keys("ArrowDown");
  await b.keys("Enter");
  const names = await b.execute(() => [...document.querySelectorAll("[data-testid=session-attendees] li span")].map((s) => s.textContent));
  chosen.push(names[names.length - 1]);
}

test("a session for three, then self-view for one of them", { timeout: 300_000 }, async () => {
  const b = app.browser;
  await b.setWindowSize(1280, 720).catch(() => {});
  const passphrase = await waitFor(b, "#passphrase", 240_000);
  await passphrase.setValue(PASS);
  await b.keys("Enter");

  await waitFor(b, "[data-testid=reminders]", 60_000); // Home is where unlocking lands.

  // One session, three attendees.
  await (await b.$("[data-testid=nav-training]")).click();
  await (await waitFor(b, "[data-testid=record-session]")).click();
  await (await waitFor(b, "#se-course")).selectByVisibleText("Induction");
  await (await b.$("#se-date")).setValue("2026-11-20");
  await (await b.$("#se-trainer")).setValue("Hanna");
  const chosen = [];
  for (let i = 0; i < 3; i++) await pickAttendee(b, "a", chosen);
  const chips = await b.$$("[data-testid=session-attendees] li span");
  assert.equal(chips.length, 3, "three attendees");
  const names = await b.execute(() => [...document.querySelectorAll("[data-testid=session-attendees] li span")].map((s) => s.textContent));
  await check(b, "session form");
  await (await b.$("[data-testid=session-save]")).click();
  await b.waitUntil(async () => /3/.test(await (await b.$("[data-testid=session-recorded]")).getText()), {
    timeoutMsg: "session recorded for 3",
  });

  // The profile of an attendee whose name finds only them (demo names can repeat), then self-view.
  await (await b.$("[data-testid=nav-ambassadors]")).click();
  const search = await waitFor(b, "#amb-search");
  let name = null;
  for (const candidate of names) {
    await search.setValue(candidate);
    await b.pause(300);
    if ((await (await b.$("[data-testid=ambassador-count]")).getText()).startsWith("1 of")) {
      name = candidate;
      break;
    }
  }
  assert.ok(name, `one of ${names.join(", ")} has a name no one else matches`);
  await b.waitUntil(async () => (await b.execute(() => document.querySelector("[data-testid=ambassador-row] .row-name")?.textContent)) === name);
  await (await b.$("[data-testid=ambassador-row]")).click();
  await (await waitFor(b, "[data-testid=open-self-view]")).click();
  await (await waitFor(b, "#sv-launch-language")).selectByAttribute("value", "en");
  await (await b.$("[data-testid=self-view-go]")).click();

  const training = await waitFor(b, "[data-testid=self-view-training]");
  assert.match(await training.getText(), /Induction/);
  assert.match(await training.getText(), /2026-11-20/);
  // Nothing of the coordinator's screens is on the page, and no coordinator
  // command answers: the backend holds this one record only.
  assert.equal(await b.$("[data-testid=nav-ambassadors]").isExisting(), false);
  const refused = await b.executeAsync((done) => {
    window.__TAURI_INTERNALS__
      .invoke("search_ambassadors", { query: { text: "", skill: null, interest: null, language: null, region: null, status: null, include_archived: false } })
      .then(() => done("answered"), (e) => done(e.code));
  });
  assert.equal(refused, "self-view");

  // They add time that was not logged: it goes to the coordinator.
  await (await b.$("#sv-date")).setValue("2026-11-21");
  await (await b.$("#sv-hours")).setValue("2");
  await (await b.$("#sv-role")).setValue("Spoke at a school assembly");
  await (await b.$("[data-testid=suggest-hours] button[type=submit]")).click();
  await waitFor(b, "[data-testid=self-view-suggestions]");
  await check(b, "self-view");
  await shoot(b, "en-self-view");
  await (await b.$("#sv-language")).selectByAttribute("value", "ar");
  await b.waitUntil(async () => (await b.execute(() => document.documentElement.dir)) === "rtl");
  await check(b, "self-view in Arabic");
  await shoot(b, "ar-self-view");
  await (await b.$("#sv-language")).selectByAttribute("value", "fa");
  await b.waitUntil(async () => (await b.execute(() => document.documentElement.lang)) === "fa");
  await check(b, "self-view in Farsi");
  await shoot(b, "fa-self-view");
  await (await b.$("#sv-language")).selectByAttribute("value", "en");

  // A wrong passphrase keeps self-view; the right one leaves it.
  await (await b.$("[data-testid=leave-self-view]")).click();
  const pass = await waitFor(b, "#sv-passphrase");
  await pass.setValue("not the passphrase");
  await (await b.$("[data-testid=leave-confirm]")).click();
  const error = await waitFor(b, "#sv-leave-error");
  assert.match(await error.getText(), /not right/);
  assert.equal(await b.$("[data-testid=self-view-training]").isExisting(), true);
  await pass.setValue(PASS);
  await (await b.$("[data-testid=leave-confirm]")).click();
  await waitFor(b, "[data-testid=nav-home]", 30_000);
  assert.equal(await b.$("[data-testid=self-view]").isExisting(), false);

  // The coordinator approves what they added.
  await (await b.$("[data-testid=nav-home]")).click();
  const pending = await waitFor(b, "[data-testid=pending-suggestions] li");
  assert.match(await pending.getText(), /Spoke at a school assembly/);
  await (await pending.$("button.primary")).click();
  await b.waitUntil(async () => !(await b.$("[data-testid=pending-suggestions] li").isExisting()), {
    timeoutMsg: "suggestion approved",
  });
});
