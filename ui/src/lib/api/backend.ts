// The one interface the UI talks to. `tauri.ts` implements it over IPC,
// `mock.ts` in memory for component tests and browser development.
import type { About } from "../bindings/About";
import type { AmbassadorDetail } from "../bindings/AmbassadorDetail";
import type { AmbassadorQuery } from "../bindings/AmbassadorQuery";
import type { ApiError } from "../bindings/ApiError";
import { isMessageKey, locale, t } from "../i18n/i18n.svelte";
import { say } from "../i18n/messages";
import type { AppStatus } from "../bindings/AppStatus";
import type { CatalogView } from "../bindings/CatalogView";
import type { ConsentInput } from "../bindings/ConsentInput";
import type { OutcomeInput } from "../bindings/OutcomeInput";
import type { PathwayInput } from "../bindings/PathwayInput";
import type { ContributionInput } from "../bindings/ContributionInput";
import type { Course } from "../bindings/Course";
import type { ExpiringTraining } from "../bindings/ExpiringTraining";
import type { Profile } from "../bindings/Profile";
import type { Project } from "../bindings/Project";
import type { ProjectPage } from "../bindings/ProjectPage";
import type { ProjectRow } from "../bindings/ProjectRow";
import type { RecognitionInput } from "../bindings/RecognitionInput";
import type { ExpenseStatus } from "../bindings/ExpenseStatus";
import type { FlaggedEntry } from "../bindings/FlaggedEntry";
import type { PaymentConstraint } from "../bindings/PaymentConstraint";
import type { PolicyTable } from "../bindings/PolicyTable";
import type { RecognitionKind } from "../bindings/RecognitionKind";
import type { RecognitionOptions } from "../bindings/RecognitionOptions";
import type { Verdict } from "../bindings/Verdict";
import type { RowList } from "../bindings/RowList";
import type { SearchResult } from "../bindings/SearchResult";
import type { SelfViewPage } from "../bindings/SelfViewPage";
import type { SessionInput } from "../bindings/SessionInput";
import type { SuggestionChange } from "../bindings/SuggestionChange";
import type { SuggestionRow } from "../bindings/SuggestionRow";
import type { Settings } from "../bindings/Settings";
import type { MatchSettings } from "../bindings/MatchSettings";
import type { MatchSettingsView } from "../bindings/MatchSettingsView";
import type { TrainingInput } from "../bindings/TrainingInput";
import type { UnlockInfo } from "../bindings/UnlockInfo";
import type { Conflict } from "../bindings/Conflict";
import type { ExportResult } from "../bindings/ExportResult";
import type { AutoSyncStatus } from "../bindings/AutoSyncStatus";
import type { ImportResult } from "../bindings/ImportResult";
import type { InviteInfo } from "../bindings/InviteInfo";
import type { SyncView } from "../bindings/SyncView";
import type { Invitation } from "../bindings/Invitation";
import type { InvitationInput } from "../bindings/InvitationInput";
import type { MatchView } from "../bindings/MatchView";
import type { RotaPlan } from "../bindings/RotaPlan";
import type { RotaSummary } from "../bindings/RotaSummary";
import type { RotaTurn } from "../bindings/RotaTurn";
import type { RotaTurnInput } from "../bindings/RotaTurnInput";
import type { ReportKind } from "../bindings/ReportKind";
import type { ReportPage } from "../bindings/ReportPage";
import type { ImportKind } from "../bindings/ImportKind";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { SheetImportReport } from "../bindings/SheetImportReport";
import type { BackupStatus } from "../bindings/BackupStatus";

/** How an export is written: one workbook, or a CSV file per table in a folder. */
export type ExportTo = "xlsx" | "csv-folder";
import type { ConsentDue } from "../bindings/ConsentDue";
import type { ErasureReport } from "../bindings/ErasureReport";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import type { DeviceInfo } from "../bindings/DeviceInfo";
import type { RetentionDue } from "../bindings/RetentionDue";
import type { RevokeReport } from "../bindings/RevokeReport";

export interface Backend {
  appStatus(): Promise<AppStatus>;
  createStore(networkName: string, passphrase: string): Promise<UnlockInfo>;
  joinStore(invitePath: string, code: string, passphrase: string, deviceName: string): Promise<UnlockInfo>;
  /** A laptop restored from a backup joins its network again, keeping its store. */
  joinAgain(invitePath: string, code: string, deviceName: string): Promise<void>;
  unlock(passphrase: string): Promise<UnlockInfo>;
  lock(): Promise<void>;
  touch(): Promise<void>;
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void>;
  saveSettings(settings: Settings): Promise<Settings>;

  searchAmbassadors(query: AmbassadorQuery): Promise<SearchResult>;
  /** Every row of the list, with the text free-text search looks at. */
  ambassadorRows(): Promise<RowList>;
  getAmbassador(id: string): Promise<AmbassadorDetail>;
  addAmbassador(profile: Profile): Promise<string>;
  editAmbassador(id: string, profile: Profile): Promise<void>;
  addConsent(ambassadorId: string, consent: ConsentInput): Promise<string>;
  /** Adds a role (steering group, trustee ...) to a person's pathway; returns its id. */
  addPathway(ambassadorId: string, pathway: PathwayInput): Promise<string>;
  /** Records the last day (`to`, YYYY-MM-DD) of a role on a person's pathway; returns its id. */
  endPathway(ambassadorId: string, pathwayId: string, to: string): Promise<string>;
  recordTraining(ambassadorId: string, record: TrainingInput): Promise<string>;
  logContribution(ambassadorId: string, contribution: ContributionInput): Promise<string>;
  logRecognition(ambassadorId: string, recognition: RecognitionInput): Promise<string>;
  /** The network's recognition policy: every kind against every payment constraint. */
  recognitionPolicy(): Promise<PolicyTable>;
  /** Changes one row of the policy (the note says why); answers the whole table. */
  setPolicyRule(kind: RecognitionKind, constraint: PaymentConstraint, verdict: Verdict, note: string): Promise<PolicyTable>;
  /** What the recognition form may offer this person, decided by the core's policy. */
  recognitionOptions(ambassadorId: string): Promise<RecognitionOptions>;
  /** Moves an expense claim on: approved (by whom), then paid back. */
  moveExpense(ambassadorId: string, entryId: string, status: ExpenseStatus, by: string | null): Promise<string>;
  /** Money entries flagged for review across the network. */
  flaggedRecognition(): Promise<FlaggedEntry[]>;
  /** Clears a review flag with what the review found. */
  clearReview(ambassadorId: string, entryId: string, note: string): Promise<string>;

  listProjects(): Promise<ProjectRow[]>;
  getProject(id: string): Promise<ProjectPage>;
  addProject(project: Project): Promise<string>;
  editProject(id: string, project: Project): Promise<void>;
  /** Records a "you said, we did" outcome; returns the project page again. */
  addOutcome(projectId: string, outcome: OutcomeInput): Promise<ProjectPage>;

  /** Matching: ranked candidates (at most `limit`), who is not eligible, a team for `places`. */
  matchProject(id: string, places: number | null, limit: number | null): Promise<MatchView>;
  /** The network's match weights, with their defaults. */
  matchSettings(): Promise<MatchSettingsView>;
  saveMatchSettings(settings: MatchSettings): Promise<MatchSettingsView>;
  listInvitations(projectId: string): Promise<Invitation[]>;
  setInvitation(projectId: string, ambassadorId: string, change: InvitationInput): Promise<Invitation>;
  rotaSummary(projectId: string): Promise<RotaSummary>;
  /** Adds and removes rota members (ids) and sets the seats per meeting (unchanged when null). */
  editRota(projectId: string, add: string[], remove: string[], seats: number | null): Promise<RotaSummary>;
  /** The fair order for the meeting on `date` (today when null). */
  rotaPlan(projectId: string, date: string | null): Promise<RotaPlan>;
  assignRotaTurn(projectId: string, turn: RotaTurnInput): Promise<RotaTurn>;

  getCatalog(): Promise<CatalogView>;
  addCourse(course: Course): Promise<string>;
  /** Expired, or expiring within `days` (60 when null). */
  expiringTraining(days?: number | null): Promise<ExpiringTraining[]>;
  /** One report over `from`..`to` (null for an open end), with the tables behind its charts. */
  report(kind: ReportKind, from: string | null, to: string | null, quietMonths: number | null): Promise<ReportPage>;
  recordSession(session: SessionInput): Promise<number>;
  /** Writes a person's record for a CV (PDF, or HTML for a .html path); returns bytes written. */
  /** Writes the printable record in language `lang` (a UI locale code). */
  /** Writes a person's record (PDF, or HTML for a `.html` path); with `expenses`, the costs paid back too. */
  exportRecord(ambassadorId: string, path: string, lang: string, expenses?: boolean): Promise<number>;
  /** Native dialog: where to save a printable record; null if cancelled. */
  chooseRecordPath(suggested: string): Promise<string | null>;

  /** Self-view: only this person's record stays decrypted until the coordinator's passphrase. */
  enterSelfView(ambassadorId: string): Promise<SelfViewPage>;
  selfViewPage(): Promise<SelfViewPage>;
  suggest(change: SuggestionChange): Promise<SelfViewPage>;
  leaveSelfView(passphrase: string): Promise<void>;
  pendingSuggestions(): Promise<SuggestionRow[]>;
  decideSuggestion(ambassadorId: string, suggestionId: string, approve: boolean): Promise<SuggestionRow[]>;

  /** Data protection: who changed a person's record, when, and which fields. */
  personHistory(id: string): Promise<HistoryEntry[]>;
  /** Subject access: writes record.json and record.html into `folder`; returns their paths. */
  exportPerson(id: string, folder: string, language: string | null): Promise<string[]>;
  /** Erases a person here and, as laptops sync, everywhere. Cannot be undone. */
  erasePerson(id: string): Promise<ErasureReport>;
  /** Consent due for review within `days`, and consent already past it. */
  consentExpiring(days: number): Promise<ConsentDue[]>;
  /** People with no activity for the network's retention period. */
  retentionReview(): Promise<RetentionDue[]>;
  retentionYears(): Promise<number>;
  setRetentionYears(years: number): Promise<number>;
  archivePerson(id: string): Promise<void>;
  listDevices(): Promise<DeviceInfo[]>;
  /** Removes a laptop: its later bundles are refused, the network key moves on without it. */
  revokeDevice(id: string): Promise<RevokeReport>;

  syncStatus(): Promise<SyncView>;
  syncExport(path: string): Promise<ExportResult>;
  syncImport(path: string): Promise<ImportResult>;
  /** Automatic sync through a shared folder: its status; choose the folder (null turns it off); a pass now. */
  autoSyncStatus(): Promise<AutoSyncStatus>;
  setSyncFolder(path: string | null): Promise<AutoSyncStatus>;
  syncNow(): Promise<void>;
  resolveConflict(document: string, field: string, keep: number): Promise<Conflict[]>;
  createInvite(path: string): Promise<InviteInfo>;

  /** Native dialogs: a path to save a bundle to, a bundle to open, a folder; null if cancelled. */
  chooseSavePath(suggested: string): Promise<string | null>;
  chooseBundle(): Promise<string | null>;
  chooseInvite(): Promise<string | null>;
  chooseFolder(): Promise<string | null>;

  /** Native dialog: a spreadsheet (CSV, XLSX, ODS) to import; null if cancelled. */
  chooseSheet(): Promise<string | null>;
  /** A spreadsheet's first rows and the field each column is read as. */
  importPreview(path: string, kind: ImportKind): Promise<ImportPreview>;
  /**
   * Checks (`dryRun`) or imports a spreadsheet with the chosen mapping (header -> field or "ignore")
   * and values to fill in where a row has none (field -> value, the CLI's `--default`).
   */
  importSheet(
    path: string,
    kind: ImportKind,
    mapping: Record<string, string>,
    defaults: Record<string, string>,
    dryRun: boolean,
    skipInvalid: boolean,
  ): Promise<SheetImportReport>;

  /** Native save dialogs: where to write a workbook or a backup; null if cancelled. */
  chooseWorkbookPath(suggested: string): Promise<string | null>;
  chooseBackupPath(suggested: string): Promise<string | null>;
  /** Writes every table; returns the number of rows written. */
  exportSheets(path: string, to: ExportTo): Promise<number>;
  /** Writes an encrypted backup that opens only with `passphrase` (this store's). */
  backupNow(path: string, passphrase: string): Promise<BackupStatus>;
  /** The last backup's day and whether the reminder is due. */
  backupStatus(): Promise<BackupStatus>;

  /** This build's version, build date and bundled components' licences. */
  about(): Promise<About>;

  /** Called when the store changes state on its own (auto-lock, demo ready). */
  onStatusChanged(listener: (reason: string) => void): Promise<() => void>;
  /** Called with automatic sync's new status whenever it changes. */
  onAutoSync(listener: (status: AutoSyncStatus) => void): Promise<() => void>;
}

/**
 * A failed call: `code` is stable (the UI branches on it), `message` is for
 * people. When the core sends its refusal as coded messages (`details`: a
 * lead sentence, then any reasons) they are worded in the reader's language.
 * Otherwise the core's sentence is English; in another language the message
 * is the code's translated summary, followed by the `specifics` the summary does
 * not say (a path, the system's reason) as written, when there is one.
 */
export class ApiFailure extends Error {
  readonly code: string;
  /** The core's own sentence. */
  readonly detail: string;
  constructor(error: ApiError) {
    super(failureText(error));
    this.code = error.code;
    this.detail = error.message;
  }
}

/** A failure as the core or the sync watcher reports it (`details` and `specifics` only where it has them). */
export type FailureLike = Omit<ApiError, "details" | "specifics"> & Partial<Pick<ApiError, "details" | "specifics">>;

export function failureText(error: FailureLike): string {
  const [lead, ...reasons] = error.details ?? [];
  if (lead) return reasons.length ? `${say(lead)} ${reasons.map(say).join("; ")}` : say(lead);
  const key = `errorCode.${error.code}`;
  if (locale() === "en" || !isMessageKey(key)) return error.message;
  return error.specifics ? `${t(key)} (${error.specifics})` : t(key);
}

/** Any thrown value as an ApiFailure, so callers can always read `code`. */
export function asFailure(e: unknown): ApiFailure {
  if (e instanceof ApiFailure) return e;
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const details = "details" in e && Array.isArray(e.details) ? (e.details as ApiError["details"]) : [];
    const specifics = "specifics" in e && typeof e.specifics === "string" ? e.specifics : null;
    return new ApiFailure({ code: String(e.code), message: String(e.message), details, specifics });
  }
  return new ApiFailure({ code: "internal", message: String(e), details: [], specifics: String(e) });
}
