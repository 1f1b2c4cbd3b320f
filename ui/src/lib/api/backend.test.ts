import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/i18n.svelte";
import { ApiFailure, asFailure, failureText } from "./backend";
import { FIXTURE } from "./mock";

afterEach(() => setLocale("en"));

/** The core's own refusal of a voucher for Halima, who may not be paid. */
function voucherRefusal() {
  const halima = FIXTURE.rows.rows.find((r) => r.display_name === "Halima")!;
  return FIXTURE.refusals[halima.id].voucher!;
}

describe("failures", () => {
  it("words a coded refusal in the reader's language, kinds by their vocabulary", () => {
    const error = voucherRefusal();
    expect(error.code).toBe("payment-not-allowed");
    expect(error.details[0].code).toBe("refused-payment");
    expect(failureText(error)).toBe(
      "Halima cannot receive Voucher: their profile says payment is not allowed, and Voucher has a cash value that may count as payment. Offer instead: Certificate, Reference letter, Thanks, Meal, and Travel expenses.",
    );
    setLocale("ar");
    const arabic = failureText(error);
    expect(arabic).toContain("لا يمكن أن يتلقى Halima قسيمة");
    expect(arabic).toContain("شهادة");
    expect(arabic).not.toMatch(/cannot|Voucher|Certificate/);
    setLocale("fa");
    expect(failureText(error)).toContain("Halima نمی‌تواند کوپن خرید دریافت کند");
  });

  it("words a refused value and the field it is about, with no English left in Arabic", () => {
    const error = FIXTURE.errors.receipt;
    expect(error.code).toBe("invalid");
    expect(error.details[0].code).toBe("invalid-receipt-needed");
    expect(error.details[0].params.field).toEqual({ type: "field", value: "receipt" });
    expect(failureText(error)).toBe(
      "Receipt: a reimbursement needs a receipt reference, or the reason there is no receipt",
    );
    setLocale("ar");
    const arabic = failureText(error);
    expect(arabic).toBe("الإيصال: يحتاج التعويض إلى رقم الإيصال، أو سبب عدم وجود إيصال");
    expect(arabic).not.toMatch(/[A-Za-z]/);
    // A date that is not one: the typed text stays as typed, the rest is Arabic.
    const date = failureText(FIXTURE.errors.bad_date);
    expect(date).toContain("31/12/2025");
    expect(date.replace(/YYYY-MM-DD/, "")).not.toMatch(/[A-Za-z]/);
  });

  it("counts a limit with the language's plural forms", () => {
    const error = {
      code: "invalid",
      message: "note: must be at most 2000 characters",
      details: [
        {
          code: "invalid-too-long" as const,
          params: { field: { type: "field" as const, value: "note" as const }, max: { type: "number" as const, value: 2000 } },
          text: "note: must be at most 2000 characters",
        },
      ],
    };
    expect(failureText(error)).toBe("Note: must be at most 2,000 characters");
    setLocale("uk");
    expect(failureText(error)).toMatch(/^Примітка: щонайбільше 2\s?000 символів$/);
  });

  it("words an error with no codes by its summary, keeping only what the summary does not say", () => {
    const altered = { code: "bundle-altered", message: "the bundle was changed after it was signed", details: [], specifics: null };
    const io = { code: "io", message: "could not read /media/usb/a.bundle: Permission denied", details: [], specifics: "/media/usb/a.bundle: Permission denied" };
    expect(failureText(altered)).toBe(altered.message);
    expect(failureText(io)).toBe(io.message);
    setLocale("fr");
    expect(failureText(altered)).not.toMatch(/changed|signed/);
    expect(failureText(io)).toMatch(/\(\/media\/usb\/a\.bundle: Permission denied\)$/);
    expect(failureText(io)).not.toContain("could not read");
  });

  it("names what a lookup missed in the reader's language, keeping the key as typed", () => {
    const error = {
      code: "not-found",
      message: "no training record matches 'r-12'",
      details: [
        {
          code: "not-found" as const,
          params: { what: { type: "thing" as const, value: "training-record" as const }, key: { type: "text" as const, value: "r-12" } },
          text: "no training record matches 'r-12'",
        },
      ],
      specifics: null,
    };
    expect(failureText(error)).toBe("No training record matches “r-12”.");
    setLocale("fa");
    const farsi = failureText(error);
    expect(farsi).toContain("سابقهٔ آموزش");
    expect(farsi).toContain("r-12");
    expect(farsi.replace("r-12", "")).not.toMatch(/[A-Za-z]/);
  });

  it("keeps the coded details of anything thrown", () => {
    const failure = asFailure({ ...voucherRefusal() });
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure.code).toBe("payment-not-allowed");
    expect(failure.message).toContain("Offer instead");
    expect(asFailure(new Error("boom")).code).toBe("internal");
  });
});
