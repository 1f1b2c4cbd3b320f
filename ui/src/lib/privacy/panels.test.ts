import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { session } from "../session/session.svelte";
import DevicesPanel from "./DevicesPanel.svelte";
import RetentionPanel from "./RetentionPanel.svelte";

let backend: MockBackend;

beforeEach(async () => {
  backend = await unlockedMock();
});

describe("retention review", () => {
  it("lists people due for review, archives one, and saves the period for the network", async () => {
    // The core lists the one demo person inactive for longer than the period.
    const person = backend.personNamed("Aisha").profile;
    const user = userEvent.setup();
    render(RetentionPanel);
    await user.click(await screen.findByRole("button", { name: `Archive ${person.display_name}` }));
    expect(await screen.findByText(`${person.display_name} was archived.`)).toBeInTheDocument();
    expect(person.archived).toBe(true);
    const years = screen.getByLabelText(/Review after this many years/);
    await user.clear(years);
    await user.type(years, "10");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Saved: review after 10 years, for every coordinator.")).toBeInTheDocument();
    expect(backend.retention).toBe(10);
  });
});

describe("devices", () => {
  it("explains what removal does before removing a laptop", async () => {
    const user = userEvent.setup();
    render(DevicesPanel);
    expect(screen.queryByRole("button", { name: "Remove this laptop" })).toBeNull();
    await user.click(await screen.findByRole("button", { name: "Remove Leeds laptop" }));
    expect(screen.getByText(/It keeps whatever it had already synced/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove Leeds laptop from the network" }));
    expect(await screen.findByText(/Leeds laptop was removed/)).toBeInTheDocument();
    expect(backend.devices[1].revoked).not.toBeNull();
    expect(await screen.findByText("removed on 2026-06-15")).toBeInTheDocument();
  });
});
