// Automatic sync as the window knows it: the status the backend last sent
// (on start, after every change, over the `auto-sync` event), and how each
// part of it reads in the reader's language.
import { api } from "../api";
import { failureText } from "../api/backend";
import type { AutoSyncStatus } from "../bindings/AutoSyncStatus";
import type { SyncProblem } from "../bindings/SyncProblem";
import { formatTime, isMessageKey, t } from "../i18n/i18n.svelte";

const OFF: AutoSyncStatus = { folder: null, state: "off", last_synced: null, problems: [], failure: null };

class AutoSyncView {
  status = $state<AutoSyncStatus>(OFF);
  private unlisten: (() => void) | null = null;

  /** Listens for new statuses and reads the current one (after unlock). */
  async start(): Promise<void> {
    if (!this.unlisten) {
      const off = await api().onAutoSync((status) => (this.status = status));
      if (this.unlisten) off();
      else this.unlisten = off;
    }
    this.status = await api().autoSyncStatus();
  }

  stop(): void {
    this.unlisten?.();
    this.unlisten = null;
    this.status = OFF;
  }

  set(status: AutoSyncStatus): void {
    this.status = status;
  }
}

export const autoSync = new AutoSyncView();

/** One short phrase for the app's top bar and the Sync screen. */
export function stateText(status: AutoSyncStatus): string {
  switch (status.state) {
    case "off":
      return t("autoSync.off");
    case "syncing":
      return t("autoSync.syncing");
    case "waiting":
      return t("autoSync.waiting");
    case "idle":
      return status.last_synced === null
        ? t("autoSync.notYet")
        : t("autoSync.lastSynced", { time: formatTime(status.last_synced) });
  }
}

/** Whether something needs the coordinator's attention. */
export function hasProblems(status: AutoSyncStatus): boolean {
  return status.failure !== null || status.problems.length > 0;
}

/** A file's problem as one sentence in the reader's language. */
export function problemText(problem: SyncProblem): string {
  const params = { file: problem.file, device: problem.device };
  switch (problem.kind) {
    case "gap":
      // A gap with a known cause (a person's key not received yet) says
      // that cause; otherwise the general sentence.
      const cause = `errorCode.${problem.code}`;
      if (problem.code && isMessageKey(cause)) {
        return t("autoSync.problem.gapBecause", { ...params, reason: t(cause) });
      }
      return t("autoSync.problem.gap", params);
    case "fork":
      return t("autoSync.problem.fork", params);
    case "refused":
      return t("autoSync.problem.refused", {
        ...params,
        reason: failureText({ code: problem.code ?? "internal", message: problem.detail ?? "", specifics: problem.specifics }),
      });
  }
}

/** Why the last pass could not run at all, in the reader's language. */
export function failureSentence(status: AutoSyncStatus): string | null {
  return status.failure ? t("autoSync.failed", { reason: failureText(status.failure) }) : null;
}
