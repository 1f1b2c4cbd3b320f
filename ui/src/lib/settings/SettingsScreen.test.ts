import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { session } from "../session/session.svelte";
import SettingsScreen from "./SettingsScreen.svelte";

let backend: MockBackend;

beforeEach(async () => {
  backend = await unlockedMock();
});

describe("changing the passphrase", () => {
  it("asks for the current one first, and changes nothing when it is wrong", async () => {
    const user = userEvent.setup();
    render(SettingsScreen);
    await user.type(screen.getByLabelText("Current passphrase"), "a guess at it");
    await user.type(screen.getByLabelText("New passphrase"), "willow harbour lantern");
    await user.type(screen.getByLabelText("New passphrase again"), "willow harbour lantern");
    await user.click(screen.getByRole("button", { name: "Change passphrase" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The current passphrase is not right. Nothing was changed.");
    expect(backend.passphrase).toBe("demo passphrase");

    await user.clear(screen.getByLabelText("Current passphrase"));
    await user.type(screen.getByLabelText("Current passphrase"), "demo passphrase");
    // The new passphrase is kept: only the current one needed fixing.
    await user.click(screen.getByRole("button", { name: "Change passphrase" }));
    expect(await screen.findByRole("status")).toBeInTheDocument();
    expect(backend.passphrase).toBe("willow harbour lantern");
  });
});

describe("match settings", () => {
  it("saves the network's weights, refuses one out of range, and puts the defaults back", async () => {
    const user = userEvent.setup();
    render(SettingsScreen);
    const fairness = await screen.findByLabelText("Fair share of opportunities");
    const section = within(screen.getByRole("region", { name: "How matching weighs people" }));
    expect(fairness).toHaveValue(25);
    await user.clear(fairness);
    await user.type(fairness, "40");
    await user.click(section.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Saved for this network. Other laptops get it with the next sync.")).toBeInTheDocument();
    expect(backend.matchSettingsView.settings.weights.fairness).toBe(40);

    await user.clear(fairness);
    await user.type(fairness, "5000");
    // The browser's own range check is bypassed to reach the core's refusal.
    fairness.closest("form")!.noValidate = true;
    await user.click(section.getByRole("button", { name: "Save" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Weight: Fair share of opportunities must be from 0 to 1,000 points");
    expect(backend.matchSettingsView.settings.weights.fairness).toBe(40);

    await user.click(section.getByRole("button", { name: "Put back the defaults" }));
    expect(fairness).toHaveValue(25);
    expect(backend.matchSettingsView.settings.weights.fairness).toBe(40);
  });
});
