// The Import screen's wording and the mapping it sends: pure functions over
// the core's types, so they are tested without a window.
import type { DuplicateRow } from "../bindings/DuplicateRow";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { RowProblem } from "../bindings/RowProblem";
import { isMessageKey, t } from "../i18n/i18n.svelte";

/** What a column is read as in the mapping step: a field, or "ignore". */
export const IGNORE = "ignore";

/** A field's name as the coordinator reads it (the field's word if there is no message). */
export function fieldLabel(field: string): string {
  const key = `importField.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** The choices of the mapping step, one per column, from the core's guess. */
export function initialChoices(preview: ImportPreview): string[] {
  return preview.mapping.map((field) => field ?? IGNORE);
}

/**
 * The mapping the core is sent: every column by its header, so a column the
 * coordinator set to "ignore" stays ignored even where its name is a usual
 * one. Blank headers cannot be named and are left out.
 */
export function mappingOf(header: string[], choices: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  header.forEach((title, i) => {
    if (title.trim()) mapping[title] = choices[i] ?? IGNORE;
  });
  return mapping;
}

/** Fields chosen for more than one column (the core would read only the first). */
export function repeatedFields(choices: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of choices) {
    if (c === IGNORE) continue;
    if (seen.has(c)) twice.add(c);
    seen.add(c);
  }
  return [...twice];
}

/** One problem of a rejected row, worded from its code. */
export function problemText(p: RowProblem): string {
  const key = `importProblem.${p.code}`;
  if (!isMessageKey(key)) return p.message;
  return t(key, { value: p.value ?? "", field: fieldLabel(p.field ?? ""), message: p.message });
}

/** A duplicate: the earlier row or the stored person it is, and why. */
export function duplicateText(d: DuplicateRow): string {
  const reason = t(`importDuplicate.${d.code}`);
  return d.of_row !== null
    ? t("import.duplicateOfRow", { row: d.row, other: d.of_row, reason })
    : t("import.duplicateOfStored", { row: d.row, name: d.of, reason });
}

/** The field offered first for "fill in for every row": the first one no column is read as. */
export function firstUnreadField(fields: string[], choices: string[]): string {
  return fields.find((f) => !choices.includes(f)) ?? fields[0] ?? "";
}

/**
 * The values to fill in with `field` set to `value` (trimmed, as the core
 * reads it); an empty value takes the field out. The core decides what a
 * value fills: a row's blank or missing cell, never a value the row has.
 */
export function withDefault(defaults: Record<string, string>, field: string, value: string): Record<string, string> {
  const next = { ...defaults };
  if (value.trim() && field) next[field] = value.trim();
  else delete next[field];
  return next;
}
