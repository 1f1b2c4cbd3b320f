import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { session } from "../session/session.svelte";
import PrivacySection from "./PrivacySection.svelte";

let backend: MockBackend;
let id: string;
let name: string;

beforeEach(async () => {
  backend = await unlockedMock();
  const first = (await backend.ambassadorRows()).rows[0];
  id = first.id;
  name = first.display_name;
});

describe("data protection on a profile", () => {
  it("erases only once the name is typed exactly", async () => {
    const user = userEvent.setup();
    const onerased = vi.fn();
    render(PrivacySection, { id, name, onerased });
    await user.click(screen.getByRole("button", { name: "Erase this person…" }));
    const confirm = screen.getByRole("button", { name: "Erase for good" });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText(`Type ${name} to confirm`), "not the name");
    expect(confirm).toBeDisabled();
    expect(backend.people.has(id)).toBe(true);
    await user.clear(screen.getByLabelText(`Type ${name} to confirm`));
    await user.type(screen.getByLabelText(`Type ${name} to confirm`), name);
    await user.click(confirm);
    expect(onerased).toHaveBeenCalledWith(name);
    expect(backend.people.has(id)).toBe(false);
  });

  it("shows the history with laptop and coordinator, and exports into the chosen folder", async () => {
    backend.nextPath = "/media/usb/request";
    const user = userEvent.setup();
    render(PrivacySection, { id, name, onerased: () => {} });
    await user.click(screen.getByText("History of changes"));
    const table = await screen.findByTestId("history-table");
    expect(table).toHaveTextContent("Leeds laptop");
    expect(table).toHaveTextContent("Maryam");
    expect(table).toHaveTextContent("not named");
    await user.click(screen.getByRole("button", { name: "Export everything held…" }));
    expect(backend.written).toEqual(["/media/usb/request/record.json", "/media/usb/request/record.html"]);
  });
});
