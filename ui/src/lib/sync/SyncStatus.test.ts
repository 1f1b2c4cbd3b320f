import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { formatTime, setLocale } from "../i18n/i18n.svelte";
import { session } from "../session/session.svelte";
import { autoSync } from "./autoSync.svelte";
import SyncStatus from "./SyncStatus.svelte";

let backend: MockBackend;
const FOLDER = "/home/me/Sync/sanctuary";
const AT = 1_767_000_000;

beforeEach(async () => {
  autoSync.stop();
  backend = await unlockedMock();
});

describe("automatic sync in the top bar", () => {
  it("shows nothing while automatic sync is off", async () => {
    render(SyncStatus);
    await Promise.resolve();
    expect(screen.queryByTestId("sync-status")).toBeNull();
  });

  it("follows the backend: waiting, syncing, then last synced as an Intl date and time", async () => {
    backend.autoSync = { folder: FOLDER, state: "waiting", last_synced: null, problems: [], failure: null };
    render(SyncStatus);
    expect(await screen.findByTestId("sync-status")).toHaveTextContent("Waiting to sync");
    backend.emitAutoSync({ ...backend.autoSync, state: "syncing" });
    expect(await screen.findByText("Syncing…")).toBeInTheDocument();
    backend.emitAutoSync({ ...backend.autoSync, state: "idle", last_synced: AT });
    const expected = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(AT * 1000));
    expect(await screen.findByText(`Last synced ${expected}`)).toBeInTheDocument();
    expect(formatTime(AT)).toBe(expected);
  });

  it("reads in the reader's language, with Western digits in Arabic", async () => {
    backend.autoSync = { folder: FOLDER, state: "idle", last_synced: AT, problems: [], failure: null };
    setLocale("ar");
    render(SyncStatus);
    const status = await screen.findByTestId("sync-status");
    expect(status).toHaveTextContent("آخر مزامنة");
    expect(status.textContent).toMatch(/2025/);
    expect(status.textContent).not.toMatch(/[٠-٩]/);
  });

  it("says when something needs attention and opens the Sync screen", async () => {
    backend.autoSync = {
      folder: FOLDER,
      state: "idle",
      last_synced: AT,
      problems: [{ kind: "fork", file: "a1b2/9.bundle", device: "Leeds laptop", code: null, detail: null, specifics: null }],
      failure: null,
    };
    const user = userEvent.setup();
    render(SyncStatus);
    const button = await screen.findByRole("button", { name: /Some files need attention: open Sync\./ });
    expect(button).toHaveClass("problem");
    await user.click(button);
    expect(session.screen).toBe("sync");
  });
});
