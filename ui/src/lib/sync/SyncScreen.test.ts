import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { setLocale } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import { autoSync } from "./autoSync.svelte";
import SyncScreen from "./SyncScreen.svelte";

let backend: MockBackend;

beforeEach(async () => {
  autoSync.stop();
  backend = await unlockedMock();
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

  it("lets a laptop restored from a backup join again with an invite, and then hides the offer", async () => {
    backend.member = false;
    backend.nextPath = "/media/usb/again.invite";
    const user = userEvent.setup();
    render(SyncScreen);
    const card = await screen.findByTestId("join-again");
    expect(card).toHaveTextContent("restored from a backup");
    await user.click(screen.getByRole("button", { name: "Choose the invite file…" }));
    expect(screen.getByTestId("join-again-file")).toHaveTextContent("/media/usb/again.invite");
    await user.type(screen.getByTestId("join-again-code"), "WXYZ-0000");
    await user.type(screen.getByTestId("join-again-name"), "Amina's laptop");
    await user.click(screen.getByTestId("join-again-submit"));
    expect(await screen.findByTestId("join-again-error")).toHaveTextContent("the invite code is wrong");
    expect(backend.member).toBe(false);

    await user.clear(screen.getByTestId("join-again-code"));
    await user.type(screen.getByTestId("join-again-code"), "ABCD-EFGH");
    await user.click(screen.getByTestId("join-again-submit"));
    expect(await screen.findByTestId("sync-message")).toHaveTextContent("part of the network again");
    expect(screen.queryByTestId("join-again")).toBeNull();
    expect(backend.written).toEqual(["/media/usb/again.invite"]);
  });

  it("does not offer to join again on a laptop of the network", async () => {
    render(SyncScreen);
    await screen.findByRole("button", { name: "Export a bundle…" });
    expect(screen.queryByTestId("join-again")).toBeNull();
  });

  it("does nothing when the dialog is cancelled", async () => {
    backend.nextPath = null;
    const user = userEvent.setup();
    render(SyncScreen);
    await user.click(await screen.findByRole("button", { name: "Export a bundle…" }));
    expect(screen.queryByTestId("sync-message")).toBeNull();
    expect(backend.written).toEqual([]);
  });

  it("chooses the shared folder with the dialog, syncs it on demand and can turn it off", async () => {
    backend.nextPath = "/home/me/Sync/sanctuary";
    const user = userEvent.setup();
    render(SyncScreen);
    await autoSync.start();
    const syncNow = await screen.findByRole("button", { name: "Sync now" });
    expect(syncNow).toBeDisabled();
    expect(screen.getByTestId("auto-sync-state")).toHaveTextContent("Automatic sync is off");
    await user.click(screen.getByRole("button", { name: "Choose folder…" }));
    expect(await screen.findByTestId("sync-folder")).toHaveTextContent("/home/me/Sync/sanctuary");
    expect(backend.autoSync.folder).toBe("/home/me/Sync/sanctuary");
    expect(screen.getByTestId("auto-sync-state")).toHaveTextContent("Waiting to sync");
    await user.click(syncNow);
    expect(backend.syncNowCalls).toBe(1);
    await user.click(screen.getByRole("button", { name: "Turn off automatic sync" }));
    expect(backend.autoSync.folder).toBeNull();
    expect(await screen.findByText("No folder chosen yet.")).toBeInTheDocument();
  });

  it("words each file's problem in the reader's language, and a failed pass with its code", async () => {
    render(SyncScreen);
    await autoSync.start();
    backend.emitAutoSync({
      folder: "/home/me/Sync/sanctuary",
      state: "idle",
      last_synced: 1_767_000_000,
      problems: [
        { kind: "gap", file: "a1b2c3d4/17.bundle", device: "Leeds laptop", code: null, detail: null, specifics: null },
        { kind: "gap", file: "a1b2c3d4/18.bundle", device: "Leeds laptop", code: "missing-person-key", detail: null, specifics: null },
        { kind: "refused", file: "ffee0011/5.bundle", device: "ffee0011", code: "bundle-too-large", detail: "this bundle is too large to be a Sanctuary sync bundle", specifics: null },
      ],
      failure: { code: "io", message: "could not read or write the sync file or folder: gone", details: [], specifics: "gone" },
    });
    const problems = await screen.findByTestId("auto-sync-problems");
    expect(problems).toHaveTextContent("a1b2c3d4/17.bundle: Leeds laptop sent changes that build on some this laptop has not received.");
    expect(problems).toHaveTextContent("ffee0011/5.bundle from ffee0011 was not applied: this bundle is too large");
    expect(problems).toHaveTextContent(
      "a1b2c3d4/18.bundle from Leeds laptop: Some people's records in this bundle are sealed under a key this laptop does not have yet",
    );
    expect(screen.getByTestId("auto-sync-failure")).toHaveTextContent("The last sync could not run: could not read or write");
    setLocale("fr");
    expect(await screen.findByText(/n'a pas été appliqué : Ce paquet est trop volumineux/)).toBeInTheDocument();
    // In French no English is left: a fixed refusal is its summary alone,
    // and a failure keeps only what its summary does not say, as written.
    expect(screen.getByTestId("auto-sync-problems")).not.toHaveTextContent("too large");
    const failure = screen.getByTestId("auto-sync-failure");
    expect(failure).toHaveTextContent("(gone)");
    expect(failure).not.toHaveTextContent("could not read");
  });

  it("lists other laptops and conflicts, and keeps the value chosen", async () => {
    const user = userEvent.setup();
    render(SyncScreen);
    expect(await screen.findByText("Leeds laptop")).toBeInTheDocument();
    // The fixture's conflict is real: both laptops changed Aisha's notes,
    // and the Leeds laptop's later change won.
    expect(screen.getByText("1 change in 1 record")).toBeInTheDocument();
    await user.click(
      screen.getByRole("button", { name: "Keep “Prefers mornings” for profile.notes of Aisha" }),
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
