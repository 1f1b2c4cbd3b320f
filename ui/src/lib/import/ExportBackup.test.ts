import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MockBackend } from "../api/mock";
import { unlockedMock } from "../api/unlockedMock";
import { session } from "../session/session.svelte";
import BackupReminder from "./BackupReminder.svelte";
import ExportBackup from "./ExportBackup.svelte";

let backend: MockBackend;
beforeEach(async () => {
  backend = await unlockedMock();
});

describe("export and backup", () => {
  it("exports a workbook and a folder of CSV files where the dialogs say", async () => {
    const user = userEvent.setup();
    backend.nextPath = "/media/usb/network.xlsx";
    render(ExportBackup);
    await user.click(screen.getByTestId("export-xlsx"));
    expect(await screen.findByTestId("backup-message")).toHaveTextContent("to /media/usb/network.xlsx.");
    backend.nextPath = "/media/usb/csv";
    await user.click(screen.getByTestId("export-csv"));
    await screen.findByText(/to \/media\/usb\/csv\./);
    expect(backend.exports).toEqual([
      { path: "/media/usb/network.xlsx", to: "xlsx" },
      { path: "/media/usb/csv", to: "csv-folder" },
    ]);
  }, 30_000);

  it("backs up only with the store's passphrase, then shows today as the last backup", async () => {
    const user = userEvent.setup();
    backend.nextPath = "/media/usb/sanctuary.backup";
    render(ExportBackup);
    expect(await screen.findByTestId("backup-last")).toHaveTextContent("This store has not been backed up yet.");
    const now = screen.getByTestId("backup-now");
    expect(now).toBeDisabled();
    await user.type(screen.getByLabelText("This store's passphrase"), "not it");
    await user.click(now);
    expect(await screen.findByTestId("backup-error")).toHaveTextContent("not right");
    expect(backend.written).toEqual([]);
    await user.clear(screen.getByLabelText("This store's passphrase"));
    await user.type(screen.getByLabelText("This store's passphrase"), "demo passphrase");
    await user.click(now);
    expect(await screen.findByTestId("backup-message")).toHaveTextContent("Wrote an encrypted backup to /media/usb/sanctuary.backup.");
    expect(screen.getByTestId("backup-last")).toHaveTextContent("Last backup: 31 March 2026 (today).");
    expect(screen.getByLabelText("This store's passphrase")).toHaveValue("");
  }, 30_000);

  it("reminds on the home screen while a backup is due, and offers one", async () => {
    const user = userEvent.setup();
    render(BackupReminder);
    expect(await screen.findByTestId("backup-reminder")).toHaveTextContent("This store has never been backed up.");
    await user.click(screen.getByTestId("backup-reminder-go"));
    expect(session.screen).toBe("sheets");
  });

  it("says nothing while the last backup is recent", async () => {
    backend.backup = { last: "2026-03-30", days_since: 1, due: false };
    render(BackupReminder);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId("backup-reminder")).toBeNull();
  });
});
