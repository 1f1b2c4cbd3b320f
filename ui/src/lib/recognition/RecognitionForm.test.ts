import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { api, useBackend } from "../api";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { blankProfile } from "../ambassadors/profile";
import type { PaymentConstraint } from "../bindings/PaymentConstraint";
import { setLocale } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import RecognitionForm from "./RecognitionForm.svelte";
import PolicyPanel from "./PolicyPanel.svelte";

// What the form offers comes from the core's policy: the mock answers with
// the options crates/core/src/views/recognition.rs writes to fixture.json.
let backend: MockBackend;

beforeEach(async () => {
  backend = await unlockedMock();
});

async function person(payment: PaymentConstraint): Promise<string> {
  return api().addAmbassador({ ...blankProfile("2026-01-02"), display_name: "Hawa", region: "Leeds", payment });
}

function offered(): string[] {
  const select = screen.getByLabelText("Kind") as HTMLSelectElement;
  return [...select.options].map((o) => o.textContent ?? "");
}

describe("recognition form", () => {
  it("offers someone who may not be paid only what the policy allows, with the guidance, before Save", async () => {
    const id = await person("not-allowed");
    render(RecognitionForm, { ambassadorId: id, projects: [], contributions: [], onlogged: () => {} });
    const guidance = await screen.findByTestId("recognition-policy-guidance");
    await waitFor(() => expect(offered().length).toBeGreaterThan(0));
    expect(offered()).toEqual(["Thanks", "Certificate", "Reference letter", "Travel expenses", "Meal", "Nomination"]);
    for (const never of ["Payment", "Voucher", "Gift card", "Allowance", "Gift", "Time credits"]) {
      expect(offered()).not.toContain(never);
      expect(guidance).toHaveTextContent(never);
    }
    expect(guidance).toHaveTextContent("Offer instead: Certificate, Reference letter, Thanks, Meal, or Travel expenses.");
    expect(within(guidance).getAllByText(/Home Office/).length).toBeGreaterThan(0);
  });

  it("words the default policy's guidance and its source in the reader's language", async () => {
    setLocale("fa");
    const id = await person("not-allowed");
    render(RecognitionForm, { ambassadorId: id, projects: [], contributions: [], onlogged: () => {} });
    const guidance = await screen.findByTestId("recognition-policy-guidance");
    await waitFor(() => expect(guidance).toHaveTextContent("کوپن خرید ارزش نقدی دارد و ممکن است پرداخت به حساب آید"));
    expect(within(guidance).getAllByText(/راهنمای وزارت کشور بریتانیا/).length).toBeGreaterThan(0);
    expect(guidance.textContent).not.toMatch(/Home Office|cash value/);
    // The choices offered instead, as Farsi lists them: its own comma, "or" (یا) before the last.
    expect(guidance).toHaveTextContent("به جای آن پیشنهاد دهید: گواهی،\u200f توصیه‌نامه،\u200f سپاس،\u200f غذا، یا هزینهٔ رفت‌وآمد.");
  });

  it("asks for a receipt on travel and logs it as a claim", async () => {
    const user = userEvent.setup();
    const id = await person("not-allowed");
    let logged = 0;
    render(RecognitionForm, { ambassadorId: id, projects: [], contributions: [], onlogged: () => logged++ });
    await waitFor(() => expect(offered()).toContain("Travel expenses"));
    await user.selectOptions(screen.getByLabelText("Kind"), "travel-expenses");
    expect(screen.getByText("Needed for a claim above £50.00.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Amount (£)"), "6.40");
    await user.click(screen.getByRole("button", { name: "Log recognition" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("receipt reference");
    await user.type(screen.getByLabelText("Receipt reference"), "R-101");
    await user.click(screen.getByRole("button", { name: "Log recognition" }));
    await waitFor(() => expect(logged).toBe(1));
    const row = (await api().getAmbassador(id)).recognition[0];
    expect(row.expense).toMatchObject({ receipt: "R-101", status: "claimed" });
  });

  it("offers cash-like kinds to a check-first person only after the box is ticked", async () => {
    const user = userEvent.setup();
    const id = await person("check-first");
    render(RecognitionForm, { ambassadorId: id, projects: [], contributions: [], onlogged: () => {} });
    await waitFor(() => expect(offered()).toContain("Payment (check first)"));
    expect(screen.queryByTestId("recognition-policy-guidance")).toBeNull();
    await user.selectOptions(screen.getByLabelText("Kind"), "gift-card");
    const check = screen.getByTestId("recognition-check-policy");
    expect(check).toHaveTextContent("cash value");
    const save = screen.getByRole("button", { name: "Log recognition" });
    expect(save).toBeDisabled();
    await user.click(within(check).getByRole("checkbox"));
    expect(save).toBeEnabled();
  });

  it("offers everything to someone who may be paid", async () => {
    const id = await person("allowed");
    render(RecognitionForm, { ambassadorId: id, projects: [], contributions: [], onlogged: () => {} });
    await waitFor(() => expect(offered()).toHaveLength(12));
    expect(offered()).toContain("Gift card");
    expect(screen.queryByTestId("recognition-policy-guidance")).toBeNull();
  });
});

describe("recognition policy panel", () => {
  it("shows every kind against every constraint and changes a row with a note", async () => {
    const user = userEvent.setup();
    render(PolicyPanel);
    const table = await screen.findByRole("region", { name: "Recognition policy" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(13);
    const giftCard = within(table).getByRole("rowheader", { name: "Gift card" }).closest("tr")!;
    expect(giftCard.textContent).toBe("Gift cardAllowedRefusedCheck first");
    await user.selectOptions(screen.getByLabelText("Kind"), "meal");
    await user.selectOptions(screen.getByLabelText("Decision"), "check");
    await user.type(screen.getByLabelText("Why (what your adviser said)"), "adviser: check meals");
    await user.click(screen.getByRole("button", { name: "Change a row" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Policy changed.");
    const meal = within(table).getByRole("rowheader", { name: "Meal" }).closest("tr")!;
    expect(meal.textContent).toBe("MealAllowedCheck firstAllowed");
  });
});
