import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, it } from "vitest";
import { useBackend } from "../api";
import { MockBackend } from "../api/mock";
import { setLocale } from "../i18n/i18n.svelte";
import RecordExport from "./RecordExport.svelte";

afterEach(() => setLocale("en"));

it("exports the record in the language the app is shown in", async () => {
  const backend = new MockBackend();
  backend.unlocked = true;
  useBackend(backend);
  setLocale("fa");
  const user = userEvent.setup();
  render(RecordExport, { id: backend.personNamed("Aisha").profile.id, name: "Amina" });
  await user.click(screen.getByTestId("export-record"));
  expect(await screen.findByRole("status")).toHaveTextContent("Amina - record.pdf");
  expect(backend.recordLanguages).toEqual(["fa"]);
  expect(backend.recordExpenses).toEqual([false]);
});

it("adds the expenses paid back only when asked", async () => {
  const backend = new MockBackend();
  backend.unlocked = true;
  useBackend(backend);
  const user = userEvent.setup();
  render(RecordExport, { id: backend.personNamed("Aisha").profile.id, name: "Amina" });
  await user.click(screen.getByLabelText("Add the expenses paid back, with receipts (not for a CV)"));
  await user.click(screen.getByTestId("export-record"));
  expect(await screen.findByRole("status")).toHaveTextContent("Amina - record.pdf");
  expect(backend.recordExpenses).toEqual([true]);
});
