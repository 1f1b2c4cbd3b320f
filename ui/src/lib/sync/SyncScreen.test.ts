import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { useBackend } from "../api";
import { MockBackend } from "../api/mock";
import { setLocale } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import SyncScreen from "./SyncScreen.svelte";

let backend: MockBackend;

beforeEach(async () => {
  backend = new MockBackend({ seed: 3 });
  backend.unlocked = true;
  useBackend(backend);
  setLocale("en");
  await session.refresh();
});

describe("sync screen", () => {
  it("exports a bundle to the path the save dialog gives", async () => {
    const user = userEvent.setup();
    render(SyncScreen);
    await user.click(await screen.findByRole("button", { name: "Export a bundle…" }));
    expect(await screen.findByTestId("sync-message")).toHaveTextContent(
      "Wrote 2,048 bytes to /media/usb/sanctuary.bundle.",
    );
    expect(backend.written).toEqual(["/media/usb/sanctuary.bundle"]);
  });

  it("does nothing when the dialog is cancelled", async () => {
    backend.nextPath = null;
    const user = userEvent.setup();
    render(SyncScreen);
    await user.click(await screen.findByRole("button", { name: "Export a bundle…" }));
    expect(screen.queryByTestId("sync-message")).toBeNull();
    expect(backend.written).toEqual([]);
  });

  it("remembers the shared folder, then syncs through it", async () => {
    backend.nextPath = "/home/me/Sync/sanctuary";
    const user = userEvent.setup();
    render(SyncScreen);
    const syncNow = await screen.findByRole("button", { name: "Sync now" });
    expect(syncNow).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Choose folder…" }));
    expect(await screen.findByText("/home/me/Sync/sanctuary")).toBeInTheDocument();
    expect(backend.settings.sync_folder).toBe("/home/me/Sync/sanctuary");
    await user.click(syncNow);
    expect(await screen.findByTestId("sync-message")).toHaveTextContent("Imported 1 bundles");
  });

  it("lists other laptops and conflicts, and keeps the value chosen", async () => {
    const user = userEvent.setup();
    render(SyncScreen);
    expect(await screen.findByText("Leeds laptop")).toBeInTheDocument();
    expect(screen.getByText("4 changes in 2 records")).toBeInTheDocument();
    await user.click(
      screen.getByRole("button", { name: "Keep “Prefers evenings” for profile.notes of Amina 0" }),
    );
    expect(await screen.findByText("No conflicts: every change merged cleanly.")).toBeInTheDocument();
  });

  it("shows two versions of a record by the fields they differ in", async () => {
    backend.conflicts = [
      {
        document: "a-1",
        kind: "ambassador",
        name: "Zahra",
        field: "training.t1",
        winner: { value: "", fields: [{ name: "confidence_after", value: "4" }, { name: "reflection", value: "" }], device: "d0e1", device_name: "this laptop" },
        others: [{ value: "", fields: [{ name: "confidence_after", value: "" }, { name: "reflection", value: "I spoke first" }], device: "a1b2", device_name: "Leeds laptop" }],
      },
    ];
    const user = userEvent.setup();
    render(SyncScreen);
    expect(await screen.findByText("Confidence after (1–5): 4; Their reflection: —")).toBeInTheDocument();
    await user.click(
      screen.getByRole("button", {
        name: "Keep “Confidence after (1–5): —; Their reflection: I spoke first” for training.t1 of Zahra",
      }),
    );
    expect(await screen.findByText("No conflicts: every change merged cleanly.")).toBeInTheDocument();
  });

  it("makes an invite and shows its one-time code once", async () => {
    backend.nextPath = "/media/usb/new-laptop.invite";
    const user = userEvent.setup();
    render(SyncScreen);
    await user.click(await screen.findByRole("button", { name: "Make an invite…" }));
    const shown = await screen.findByTestId("invite-code");
    expect(shown).toHaveTextContent("Invite written to /media/usb/new-laptop.invite");
    expect(shown).toHaveTextContent("ABCD-EFGH");
  });
});
