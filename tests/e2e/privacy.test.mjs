// Data protection in the real window: open a person's history of changes,
// then erase them with a typed confirmation and see them gone from the list,
// from search, and after locking and unlocking again.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { axeViolations, launch, waitFor } from "./harness.mjs";

let app;
before(async () => {
  app = await launch({ SANCTUARY_DEMO: "1", SANCTUARY_DEMO_AMBASSADORS: "30" });
});
after(async () => {
  await app?.stop();
});

const PASS = "demo passphrase";
const count = async (b) => (await (await b.$("[data-testid=ambassador-count]")).getText());
/** The total of "N of TOTAL". */
const total = async (b) => Number((await count(b)).split(" of ")[1]);
/** Every row's name (textContent: WebKit's visible-text rules skip bidi-isolated spans). */
const names = (b) =>
  b.execute(() => [...document.querySelectorAll("[data-testid=ambassador-row] .row-name")].map((n) => n.textContent));

test("open a profile's history, then erase the person and see them gone", { timeout: 300_000 }, async () => {
  const b = app.browser;
  const passphrase = await waitFor(b, "#passphrase", 120_000);
  await passphrase.setValue(PASS);
  await b.keys("Enter");
  await waitFor(b, "[data-testid=consent-due]", 60_000);
  await (await b.$("[data-testid=nav-ambassadors]")).click();
  await waitFor(b, "[data-testid=ambassador-row]");
  const before = await total(b);

  // The first person: their name, then their history.
  await (await b.$("[data-testid=ambassador-row]")).click();
  const heading = await waitFor(b, "[data-testid=profile-view] h2");
  const name = await b.execute(() => document.querySelector("[data-testid=profile-view] h2")?.textContent ?? "");
  assert.ok(name.length > 0);
  // Demo names can repeat: count the rows with this one.
  const named = async () => (await names(b)).filter((n) => n === name).length;
  const namedBefore = await named();
  await heading.waitForDisplayed();
  await (await b.$("[data-testid=history] summary")).click();
  const history = await waitFor(b, "[data-testid=history-table]");
  assert.match(await history.getText(), /demo laptop/);
  const violations = await axeViolations(b);
  assert.deepEqual(violations, [], `history open: ${JSON.stringify(violations, null, 1)}`);

  // Erase: the button stays disabled until the name is typed exactly.
  await (await b.$("[data-testid=erase-person]")).click();
  const confirm = await waitFor(b, "[data-testid=erase-confirmed]");
  assert.equal(await confirm.isEnabled(), false);
  await (await b.$("[data-testid=erase-confirm]")).setValue(name);
  await b.waitUntil(async () => confirm.isEnabled(), { timeoutMsg: "enabled once the name is typed" });
  await confirm.click();
  await b.waitUntil(async () => (await total(b)) === before - 1, { timeoutMsg: "one fewer person" });
  assert.match(await (await b.$("[data-testid=erased-notice]")).getText(), /was erased/);
  assert.equal(await b.$("[data-testid=profile-view]").isExisting(), false);

  // Not in the list, and still gone after locking and unlocking.
  assert.equal(await named(), namedBefore - 1);
  await (await b.$("[data-testid=lock]")).click();
  const again = await waitFor(b, "#passphrase");
  await again.setValue(PASS);
  await b.keys("Enter");
  await (await waitFor(b, "[data-testid=nav-ambassadors]", 60_000)).click();
  await waitFor(b, "[data-testid=ambassador-row]");
  assert.equal(await total(b), before - 1);
  assert.equal(await named(), namedBefore - 1);
});
