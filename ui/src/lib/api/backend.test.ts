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

  it("keeps the core's sentence behind a translated summary when it has no codes", () => {
    const error = FIXTURE.errors.bad_date;
    expect(error.details).toEqual([]);
    expect(failureText(error)).toBe(error.message);
    setLocale("fr");
    expect(failureText(error)).toContain(`(${error.message})`);
  });

  it("keeps the coded details of anything thrown", () => {
    const failure = asFailure({ ...voucherRefusal() });
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure.code).toBe("payment-not-allowed");
    expect(failure.message).toContain("Offer instead");
    expect(asFailure(new Error("boom")).code).toBe("internal");
  });
});
