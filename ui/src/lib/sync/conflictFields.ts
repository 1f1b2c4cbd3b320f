// How a field of a record version in a conflict is named on screen. A record
// (a training record, say) is kept whole in its document, so two laptops
// changing it at once give two versions; the screen shows the fields in
// which they differ, in the UI's words where it has them.
import { t, type MessageKey } from "../i18n/i18n.svelte";
import type { ConflictField } from "../bindings/ConflictField";

const LABELS: Record<string, MessageKey> = {
  trainer: "training.trainer",
  evidence: "training.evidence",
  place: "training.place",
  reflection: "training.reflection",
  confidence_before: "training.confidenceBefore",
  confidence_after: "training.confidenceAfter",
};

/** The field's label, or its document name where the UI has no words for it. */
export function fieldLabel(name: string): string {
  const key = LABELS[name];
  return key ? t(key) : name;
}

/** One version's differing fields as one line: "Trainer: Amina; Place: —". */
export function fieldsText(fields: ConflictField[]): string {
  return fields.map((f) => `${fieldLabel(f.name)}: ${f.value || "—"}`).join("; ");
}
