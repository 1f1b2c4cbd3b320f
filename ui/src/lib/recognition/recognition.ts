import type { RecognitionKind } from "../bindings/RecognitionKind";
import type { RecognitionOptions } from "../bindings/RecognitionOptions";
import { MONEY_KINDS, RECOGNITION_KINDS, REIMBURSEMENT_KINDS } from "../bindings/vocabularies";
import { formatList, t } from "../i18n/i18n.svelte";

/** Whether a kind records an amount (travel, meal, voucher, gift, payment ...). */
export function needsAmount(kind: RecognitionKind): boolean {
  return MONEY_KINDS.includes(kind);
}

/** Whether a kind pays back a cost actually incurred (it carries a receipt). */
export function isReimbursement(kind: RecognitionKind): boolean {
  return REIMBURSEMENT_KINDS.includes(kind);
}

/** The kinds the form offers: what the core's policy allows for the person
 * and what it says to check first, in the vocabulary's order. Refused kinds
 * are never offered. */
export function offeredKinds(options: RecognitionOptions | null): RecognitionKind[] {
  if (!options) return [];
  return RECOGNITION_KINDS.filter((k) => options.allowed.includes(k) || options.check.includes(k));
}

/** What the form does after the backend answered with `code`. */
export type Outcome = "logged" | "confirm" | "refused" | "error";

export function outcomeOf(code: string | null): Outcome {
  if (code === null) return "logged";
  if (code === "check-first") return "confirm";
  if (code === "payment-not-allowed") return "refused";
  return "error";
}

/**
 * Recognition kinds in the reader's language, said in a sentence as choices
 * ("do not offer Payment or Voucher", "Offer instead: Certificate, Thanks or
 * Meal"), as the core's own messages say them.
 */
export function kindList(kinds: readonly RecognitionKind[]): string {
  return formatList(kinds.map((k) => t(`kind.${k}`)), true);
}
