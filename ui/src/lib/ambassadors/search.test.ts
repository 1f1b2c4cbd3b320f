import { describe, expect, it } from "vitest";
import type { AmbassadorRow } from "../bindings/AmbassadorRow";
import { filterRows, SEPARATOR } from "./search";

const row = (id: string, status: AmbassadorRow["status"] = "active", archived = false): AmbassadorRow => ({
  id, display_name: id, region: "", status, languages: [], skills: [], archived,
});

const list = {
  rows: [row("Amina"), row("Bilal", "paused"), row("Carmen", "active", true)],
  texts: [`amina${SEPARATOR}leeds${SEPARATOR}facilitation${SEPARATOR}`, `bilal${SEPARATOR}wales${SEPARATOR}`, `carmen${SEPARATOR}leeds${SEPARATOR}`],
};
const ids = (rows: AmbassadorRow[]) => rows.map((r) => r.id);

describe("the list's search", () => {
  it("matches the core's text in any case, field by field, never across two", () => {
    expect(ids(filterRows(list, { text: " LEEDS ", status: "", includeArchived: false }))).toEqual(["Amina"]);
    expect(ids(filterRows(list, { text: "aminaleeds", status: "", includeArchived: false }))).toEqual([]);
  });

  it("leaves out archived people unless asked, and filters by status", () => {
    expect(ids(filterRows(list, { text: "", status: "", includeArchived: false }))).toEqual(["Amina", "Bilal"]);
    expect(ids(filterRows(list, { text: "leeds", status: "", includeArchived: true }))).toEqual(["Amina", "Carmen"]);
    expect(ids(filterRows(list, { text: "", status: "paused", includeArchived: true }))).toEqual(["Bilal"]);
  });
});
