// Recognition in the real window, for someone who must not be paid: add
// them, open the recognition form from their profile and see only what the
// policy allows (no payment, voucher, gift card, allowance, gift or time
// credits) with the guidance why; log the hours they gave, a travel claim
// with its receipt (then approve it, saying who), and a certificate.
// "You said, we did" in self-view is covered by reports.test.mjs.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { axeViolations, launch, unlockToHome, waitFor } from "./harness.mjs";

let app;
before(async () => {
  app = await launch({ SANCTUARY_DEMO: "1", SANCTUARY_DEMO_AMBASSADORS: "30" });
});
after(async () => {
  await app?.stop();
});

const PASS = "demo passphrase";
const RECEIPT = "TFL-E2E-0412";
const REFUSED = ["payment", "voucher", "gift-card", "allowance", "gift", "time-credits"];

async function check(b, what) {
  const violations = await axeViolations(b);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`);
}

/** The text of the person's contribution and recognition tables (empty until they have rows). */
const recognitionLog = (b) =>
  b.execute(() => [...document.querySelectorAll(".scroll-table table")].map((t) => t.textContent).join("\n"));

test("only allowed recognition is offered to someone who must not be paid; hours, a receipted claim and a certificate are logged", { timeout: 300_000 }, async () => {
  const b = app.browser;
  await b.setWindowSize(1280, 720).catch(() => {});
  await unlockToHome(b, PASS);

  // Someone new whose payment constraint is "must not be paid".
  await (await b.$("[data-testid=nav-ambassadors]")).click();
  await (await waitFor(b, "[data-testid=add-ambassador]")).click();
  await (await waitFor(b, "#p-display")).setValue("Hawa Recognition");
  await (await b.$("#p-region")).setValue("Leeds");
  // The radio's label is what a person clicks (the input itself is styled small).
  await (await b.$("//input[@name='payment'][@value='not-allowed']/parent::label")).click();
  assert.equal(await (await b.$("input[name=payment][value=not-allowed]")).isSelected(), true, "must not be paid is chosen");
  await (await b.$("[data-testid=save-profile]")).click();
  await b.waitUntil(async () => (await (await waitFor(b, "[data-testid=profile-view] h2")).getText()) === "Hawa Recognition", {
    timeout: 30_000,
    timeoutMsg: "the new profile is shown",
  });

  // Their recognition form, opened from the profile.
  await (await (await b.$("[data-testid=profile-view]")).$("button=Log recognition")).click();
  const guidance = await waitFor(b, "[data-testid=recognition-policy-guidance]", 30_000);
  await b.waitUntil(async () => (await b.$$("#rg-kind option")).length > 0 && (await (await b.$("#rg-kind")).isEnabled()), {
    timeout: 30_000,
    timeoutMsg: "the policy's options are in the form",
  });
  const offered = await b.execute(() => [...document.querySelectorAll("#rg-kind option")].map((o) => o.value));
  for (const kind of REFUSED) assert.ok(!offered.includes(kind), `${kind} is not offered: ${offered}`);
  for (const kind of ["thanks", "certificate", "travel-expenses", "meal"]) assert.ok(offered.includes(kind), `${kind} is offered: ${offered}`);
  const why = await guidance.getText();
  assert.match(why, /Not offered to this person/);
  assert.match(why, /Payment/);
  assert.match(why, /Gift card/i);
  assert.match(why, /Offer instead: .*Certificate/);
  await check(b, "recognition form for someone who must not be paid");

  // The hours they gave.
  await (await b.$("#ct-role")).setValue("E2E panel member");
  await (await b.$("#ct-hours")).setValue("2.5");
  await (await b.$("button=Log a contribution")).click();
  await b.waitUntil(async () => /2\.5 hours contributed/.test(await (await b.$("section[aria-labelledby=person-heading] .badges")).getText()), {
    timeout: 30_000,
    timeoutMsg: "the hours are counted",
  });
  assert.match(await recognitionLog(b), /E2E panel member/);

  // A travel claim with its receipt: claimed, then approved by Sam.
  await (await b.$("#rg-kind")).selectByAttribute("value", "travel-expenses");
  await (await waitFor(b, "#rg-amount")).setValue("12.40");
  await (await b.$("#rg-receipt")).setValue(RECEIPT);
  await (await b.$("[data-testid=recognition-form] button[type=submit]")).click();
  await b.waitUntil(async () => (await recognitionLog(b)).includes(`Receipt: ${RECEIPT}`), {
    timeout: 30_000,
    timeoutMsg: "the claim is listed with its receipt",
  });
  assert.equal(await (await b.$("[data-testid=expense-status]")).getText(), "Claimed");
  await (await b.$("input[id^=approve-]")).setValue("Sam");
  // The claim's own Approve button, scrolled into its table's view first.
  const approve = await b.$("//input[starts-with(@id, 'approve-')]/following-sibling::button[1]");
  await approve.scrollIntoView({ block: "center" });
  await approve.click();
  await b.waitUntil(async () => (await (await b.$("[data-testid=expense-status]")).getText()) === "Approved", {
    timeout: 30_000,
    timeoutMsg: "the claim is approved",
  });
  assert.match(await recognitionLog(b), /Approved by Sam/);

  // A certificate.
  await (await b.$("#rg-kind")).selectByAttribute("value", "certificate");
  await (await b.$("#rg-description")).setValue("E2E certificate for the panel");
  await (await b.$("[data-testid=recognition-form] button[type=submit]")).click();
  await b.waitUntil(async () => (await recognitionLog(b)).includes("E2E certificate for the panel"), {
    timeout: 30_000,
    timeoutMsg: "the certificate is listed",
  });
  const log = await recognitionLog(b);
  assert.match(log, /Certificate/);
  assert.match(log, /Travel expenses/);
  assert.equal(await b.$("[data-testid=recognition-refused]").isExisting(), false, "nothing was refused");
  await check(b, "recognition with a claim and a certificate");
});
