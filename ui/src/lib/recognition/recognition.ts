import type { RecognitionKind } from "../bindings/RecognitionKind";
import { MONEY_KINDS } from "../bindings/vocabularies";

/** Whether a kind records an amount (travel, meal, voucher, gift, payment). */
export function needsAmount(kind: RecognitionKind): boolean {
  return MONEY_KINDS.includes(kind);
}

/** What the form does after the backend answered with `code`. */
export type Outcome = "logged" | "confirm" | "refused" | "error";

export function outcomeOf(code: string | null): Outcome {
  if (code === null) return "logged";
  if (code === "check-first") return "confirm";
  if (code === "payment-not-allowed") return "refused";
  return "error";
}
