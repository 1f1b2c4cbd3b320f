// "You said, we did", pathways and reports, in the real window: record an
// outcome on a project, give someone who worked on it a role on their
// pathway, open their self-view and see both there, leave; then open the
// reports and see a chart with the table of its figures beneath it, for
// hours and for pathways. Accessibility is checked on the way.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, launch, screenshots, unlockToHome, waitFor } from "./harness.mjs";

let app;
before(async () => {
  app = await launch({ SANCTUARY_DEMO: "1", SANCTUARY_DEMO_AMBASSADORS: "30" });
  mkdirSync(screenshots, { recursive: true });
});
after(async () => {
  await app?.stop();
});

const PASS = "demo passphrase";
const SAID = "The panel now explains every score, as you asked.";

async function check(b, what) {
  const violations = await axeViolations(b);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`);
}

/** Whether the report section named `name` has a drawn chart and `rows` table rows. */
async function chartAndTable(b, name) {
  return b.execute((name) => {
    const section = document.querySelector(`[aria-labelledby="report-${name}"]`);
    const canvas = section?.querySelector("canvas");
    return {
      chart: Boolean(canvas && canvas.width > 0 && section.querySelector("[role=img]")?.getAttribute("aria-label")),
      rows: section ? section.querySelectorAll("tbody tr").length : -1,
    };
  }, name);
}

test("an outcome and a pathway reach self-view, and the reports draw their charts", { timeout: 300_000 }, async () => {
  const b = app.browser;
  await b.setWindowSize(1280, 720).catch(() => {});
  await unlockToHome(b, PASS);

  // The first project whose work log names someone who worked on it.
  await (await b.$("[data-testid=nav-projects]")).click();
  await waitFor(b, "table .link");
  const count = (await b.$$("table .link")).length;
  let found = false;
  for (let i = 0; i < count && !found; i++) {
    await (await b.$$("table .link"))[i].click();
    await waitFor(b, "[data-testid=outcomes]");
    found = await b.$("section[aria-labelledby=work-heading] td button.link").isExisting();
    if (!found) await (await b.$("button.back")).click();
  }
  assert.ok(found, "a demo project has work logged by someone");

  // Record what changed.
  await (await b.$("[data-testid=outcome-add]")).click();
  await (await waitFor(b, "#o-text")).setValue(SAID);
  await (await b.$("#o-by")).setValue("Sam");
  await (await b.$("[data-testid=outcome-save]")).click();
  await b.waitUntil(async () => (await (await b.$("[data-testid=outcomes]")).getText()).includes(SAID), {
    timeoutMsg: "the outcome is listed on the project",
  });
  await check(b, "project page with an outcome");

  // Someone who took part: their profile, a role on their pathway.
  await (await b.$("section[aria-labelledby=work-heading] td button.link")).click();
  await waitFor(b, "[data-testid=profile-view]");
  await (await waitFor(b, "[data-testid=pathway-add]")).click();
  await (await waitFor(b, "#w-role")).selectByAttribute("value", "trustee");
  await (await b.$("#w-from")).setValue("2026-01-15");
  await (await b.$("[data-testid=pathway-save]")).click();
  await b.waitUntil(async () => /Trustee/.test(await (await b.$("[data-testid=pathways]")).getText()), {
    timeoutMsg: "the role is on the profile",
  });
  await check(b, "profile with a pathway");

  // Their own view shows what changed because of what they said.
  await (await b.$("[data-testid=open-self-view]")).click();
  await (await waitFor(b, "#sv-launch-language")).selectByAttribute("value", "en");
  await (await b.$("[data-testid=self-view-go]")).click();
  const outcomes = await waitFor(b, "[data-testid=self-view-outcomes]");
  assert.match(await outcomes.getText(), /You said, we did/);
  assert.ok((await outcomes.getText()).includes(SAID), "the outcome, as typed");
  assert.match(await (await b.$("[data-testid=self-view-pathways]")).getText(), /Trustee/);
  await check(b, "self-view with an outcome");
  await (await b.$("[data-testid=leave-self-view]")).click();
  await (await waitFor(b, "#sv-passphrase")).setValue(PASS);
  await (await b.$("[data-testid=leave-confirm]")).click();
  await waitFor(b, "[data-testid=nav-reports]");

  // Reports: hours has a drawn chart with its table beneath it.
  await (await b.$("[data-testid=nav-reports]")).click();
  await b.waitUntil(async () => /hours given/.test(await (await waitFor(b, "[data-testid=report-headline]")).getText()));
  await b.waitUntil(async () => (await chartAndTable(b, "hours-by-stream")).chart, { timeoutMsg: "hours chart drawn" });
  assert.ok((await chartAndTable(b, "hours-by-stream")).rows > 0, "the hours table has rows");
  await check(b, "hours report");

  // Pathways counts the role just recorded.
  await (await b.$("[data-testid=report-pathways]")).click();
  await b.waitUntil(async () => /Roles taken on: 1 \(people: 1\)/.test(await (await b.$("[data-testid=report-headline]")).getText()), {
    timeoutMsg: "the pathways headline counts the new role",
  });
  await b.waitUntil(async () => (await chartAndTable(b, "pathways-by-role")).chart, { timeoutMsg: "pathways chart drawn" });
  assert.equal((await chartAndTable(b, "pathways-by-role")).rows, 6, "one row per role");
  await check(b, "pathways report");
  if (process.env.SANCTUARY_SCREENSHOTS !== "0") {
    await b.saveScreenshot(path.join(screenshots, "en-reports-pathways.png"));
  }
});
