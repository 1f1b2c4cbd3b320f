// What the reports screen shows of a table: translated titles, headers and
// vocabulary cells, and which column its chart draws.
import type { Cell } from "../bindings/Cell";
import type { Table } from "../bindings/Table";
import { isMessageKey, t } from "../i18n/i18n.svelte";

/** Columns whose cells are vocabulary words the UI translates. */
const VOCABULARY: Record<string, string> = { stream: "stream", kind: "kind", role: "pathway", group: "reports.group" };

export function cellText(table: Table, column: number, cell: Cell, format: (n: number) => string): string {
  if (typeof cell === "number") return format(cell);
  const key = table.columns[column];
  if (key === "last-offered" && cell === "") return t("reports.never");
  const vocabulary = VOCABULARY[key];
  return vocabulary ? tr(`${vocabulary}.${cell}`, cell) : cell;
}

/** The column a table's chart draws: its first numeric column. */
export function chartColumn(table: Table): number | null {
  const first = table.rows[0];
  if (!first) return null;
  const index = first.findIndex((cell) => typeof cell === "number");
  return index > 0 ? index : null;
}

/** A column's title: its report word, else (a column per pathway role) the role's name. */
export function columnTitle(key: string): string {
  const column = `reports.column.${key}`;
  return isMessageKey(column) ? tr(column) : tr(`pathway.${key}`, key);
}

/** The message at a key built from data (a table or column name), else `fallback`. */
export function tr(key: string, fallback: string = key): string {
  return isMessageKey(key) ? t(key) : fallback;
}
