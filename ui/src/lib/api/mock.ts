// An in-memory Backend for component tests and for working on the UI in a
// plain browser. Everything it shows is the core's: a Rust test
// (src-tauri/src/dto/fixture.rs) writes `fixture.json` from a seeded demo
// network through the same builders the app's commands call, and the mock
// only looks answers up by their arguments. Writes are kept in memory as
// typed (they echo the input; the mock never works out a rule such as
// ranking, eligibility, expiry or payment), and the core's refusals come
// from the fixture too, replayed when a form sends the same bad input.
import type { AutoSyncStatus } from "../bindings/AutoSyncStatus";
import type { About } from "../bindings/About";
import type { AmbassadorDetail } from "../bindings/AmbassadorDetail";
import type { AmbassadorQuery } from "../bindings/AmbassadorQuery";
import type { AmbassadorRow } from "../bindings/AmbassadorRow";
import type { ApiError } from "../bindings/ApiError";
import type { SyncView } from "../bindings/SyncView";
import type { Thing } from "../bindings/Thing";
import type { AppStatus } from "../bindings/AppStatus";
import type { CatalogView } from "../bindings/CatalogView";
import type { DeviceInfo } from "../bindings/DeviceInfo";
import type { ConsentDue } from "../bindings/ConsentDue";
import type { ConsentInput } from "../bindings/ConsentInput";
import type { ContributionInput } from "../bindings/ContributionInput";
import type { Conflict } from "../bindings/Conflict";
import type { Course } from "../bindings/Course";
import type { ExpiringTraining } from "../bindings/ExpiringTraining";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import type { Invitation } from "../bindings/Invitation";
import type { InvitationInput } from "../bindings/InvitationInput";
import type { InvitationStatus } from "../bindings/InvitationStatus";
import type { MatchSettings } from "../bindings/MatchSettings";
import type { MatchSettingsView } from "../bindings/MatchSettingsView";
import type { MatchView } from "../bindings/MatchView";
import type { OutcomeInput } from "../bindings/OutcomeInput";
import type { PathwayInput } from "../bindings/PathwayInput";
import type { Profile } from "../bindings/Profile";
import type { Project } from "../bindings/Project";
import type { ProjectPage } from "../bindings/ProjectPage";
import type { ProjectRow } from "../bindings/ProjectRow";
import type { RecognitionInput } from "../bindings/RecognitionInput";
import type { RecognitionRow } from "../bindings/RecognitionRow";
import type { RetentionDue } from "../bindings/RetentionDue";
import type { RevokeReport } from "../bindings/RevokeReport";
import type { RotaPlan } from "../bindings/RotaPlan";
import type { RotaSummary } from "../bindings/RotaSummary";
import type { RotaTurn } from "../bindings/RotaTurn";
import type { RotaTurnInput } from "../bindings/RotaTurnInput";
import type { RowList } from "../bindings/RowList";
import type { SelfViewPage } from "../bindings/SelfViewPage";
import type { SessionInput } from "../bindings/SessionInput";
import type { Settings } from "../bindings/Settings";
import type { SuggestionChange } from "../bindings/SuggestionChange";
import type { SuggestionRow } from "../bindings/SuggestionRow";
import type { Team } from "../bindings/Team";
import type { TrainingInput } from "../bindings/TrainingInput";
import { REIMBURSEMENT_KINDS, type ErrorCode } from "../bindings/vocabularies";
import type { ExpenseStatus } from "../bindings/ExpenseStatus";
import type { FlaggedEntry } from "../bindings/FlaggedEntry";
import type { PaymentConstraint } from "../bindings/PaymentConstraint";
import type { PolicyTable } from "../bindings/PolicyTable";
import type { RecognitionKind } from "../bindings/RecognitionKind";
import type { Verdict } from "../bindings/Verdict";
import type { RecognitionOptions } from "../bindings/RecognitionOptions";
import { ApiFailure, type Backend } from "./backend";
import type { ReportKind } from "../bindings/ReportKind";
import type { ReportPage } from "../bindings/ReportPage";
import reportFixture from "../reports/fixture.json";
import importFixture from "../import/fixture.json";
import type { ImportKind } from "../bindings/ImportKind";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { SheetImportReport } from "../bindings/SheetImportReport";
import type { BackupStatus } from "../bindings/BackupStatus";
import type { ExportTo } from "./backend";
import fixtureJson from "./fixture.json";

/** The core's views of the demo network, keyed as the backend is asked. */
export interface Fixture {
  /** The day the views were worked out for. */
  today: string;
  network_name: string;
  rows: RowList;
  ambassadors: Record<string, AmbassadorDetail>;
  recognition_options: Record<string, RecognitionOptions>;
  /** By person, then kind: what logging a refused or to-be-checked kind answers. */
  refusals: Record<string, Partial<Record<RecognitionKind, ApiError>>>;
  policy: PolicyTable;
  flagged: FlaggedEntry[];
  catalog: CatalogView;
  /** By the number of days asked about (30, 60, 90). */
  expiring: Record<string, ExpiringTraining[]>;
  /** Consent due within 30 days (the home screen's question). */
  consent_due: ConsentDue[];
  retention_due: RetentionDue[];
  retention_years: number;
  projects: ProjectRow[];
  project_pages: Record<string, ProjectPage>;
  /** Everyone, for the project's own number of places. */
  matches: Record<string, MatchView>;
  /** By project, then places (1 to 5). */
  teams: Record<string, Record<string, Team>>;
  match_settings: MatchSettingsView;
  invitations: Record<string, Invitation[]>;
  /** The moves an invitation may make from each status (`none`: not yet asked). */
  invitation_moves: Record<InvitationStatus | "none", InvitationStatus[]>;
  /** Each person's change history: the demo laptop (coordinator Maryam)
   * made it, and a Leeds laptop (coordinator not named) edited the first
   * person's notes. */
  history: Record<string, HistoryEntry[]>;
  /** The Sync screen with the Leeds laptop still a member: both laptops
   * changed the first person's notes, so it shows a real conflict. */
  sync: SyncView;
  /** The two laptops, and what removing the Leeds one reported. */
  devices: DeviceInfo[];
  revoke: { report: RevokeReport; removed_on: string };
  /** By project, then person: the refusal when they are invited. */
  invite_refusals: Record<string, Record<string, ApiError>>;
  rotas: Record<string, RotaSummary>;
  /** By project, then meeting date (two weeks from `today`). */
  rota_plans: Record<string, Record<string, RotaPlan>>;
  suggestions: SuggestionRow[];
  self_view: Record<string, SelfViewPage>;
  /** Refusals of one bad input each: a date that is not YYYY-MM-DD, an
   * outcome without a name, a rota seat given away without a reason, a
   * travel claim without a receipt. */
  errors: Record<
    "bad_date" | "outcome_recorded_by" | "rota_reason" | "receipt" | "network_name" | "device_name" | "already_member" | "revoke_self",
    ApiError
  > & {
    /** Settings with a weight out of range, and the core's refusal of them. */
    match_settings: { input: MatchSettings; error: ApiError };
    /** A period that ends (`to`) before it starts (`from`): ending a role so, and asking a report so. */
    pathway_ends: Refused;
    report_period: Refused;
  };
}

export const FIXTURE = fixtureJson as unknown as Fixture;

// Only codes the core or the shell can really return (generated from them),
// so the mock cannot drift into failures the app never gives.
function fail(code: ErrorCode, message: string, specifics: string | null = null): never {
  throw new ApiFailure({ code, message, details: [], specifics });
}

/** A question the demo's fixture has no answer for: its sentence is kept whole. */
function demoLacks(code: ErrorCode, message: string): never {
  return fail(code, message, message);
}

/** The core's "no such record" for a lookup that misses, coded as the core codes it. */
function missing(what: Thing, key: string): never {
  const text = `no ${what.replace("-", " ")} matches '${key}'`;
  const params = { what: { type: "thing" as const, value: what }, key: { type: "text" as const, value: key } };
  throw new ApiFailure({ code: "not-found", message: text, details: [{ code: "not-found", params, text }], specifics: null });
}

/** A refusal of a period that ends before it starts, with the two dates it was given. */
type Refused = { from: string; to: string; error: ApiError };

/** Throws one of the core's own refusals from the fixture, with the values
 * the fixture gave the core replaced by the ones the form sent. */
function refuse(error: ApiError, sent: Record<string, string> = {}): never {
  let text = JSON.stringify(error);
  for (const [given, value] of Object.entries(sent)) text = text.split(given).join(JSON.stringify(value).slice(1, -1));
  throw new ApiFailure(JSON.parse(text) as ApiError);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** JSON with sorted keys, to compare a form's values with the fixture's. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join("\u001f") === [...b].sort().join("\u001f");
}

export class MockBackend implements Backend {
  passphrase: string | null = "demo passphrase";
  unlocked = false;
  networkName = FIXTURE.network_name;
  settings: Settings = { auto_lock_minutes: 5, language: "en", backup_reminder_days: 7 };
  /** Automatic sync as the backend would report it; `syncNow` counts passes asked for. */
  autoSync: AutoSyncStatus = { folder: null, state: "off", last_synced: null, problems: [], failure: null };
  syncNowCalls = 0;
  private autoSyncListeners: ((status: AutoSyncStatus) => void)[] = [];
  /** What the next native dialog "chooses" (null: cancelled). */
  nextPath: string | null = "/media/usb/sanctuary.bundle";
  written: string[] = [];
  /** The language of each record exported, in order. */
  recordLanguages: string[] = [];
  /** Whether each exported record was asked for with its expenses. */
  recordExpenses: boolean[] = [];
  conflicts: Conflict[] = [];
  /** Each person's page by id, and the list's rows with the text search looks at. */
  people = new Map<string, AmbassadorDetail>();
  rows: RowList = { rows: [], texts: [] };
  /** Each project's page by id, and the list's rows. */
  projects = new Map<string, ProjectPage>();
  projectRows: ProjectRow[] = [];
  catalog: CatalogView = { courses: [], skills: [], interests: [] };
  invitations = new Map<string, Invitation[]>();
  /** The core's match of each project (everyone, the project's places). */
  matches: Record<string, MatchView> = {};
  rotas = new Map<string, RotaSummary>();
  matchSettingsView: MatchSettingsView = structuredClone(FIXTURE.match_settings);
  policy: PolicyTable = structuredClone(FIXTURE.policy);
  flagged: FlaggedEntry[] = [];
  calls: string[] = [];
  /** The person in self-view, if any: then only self-view calls work. */
  selfViewOf: string | null = null;
  suggestions: SuggestionRow[] = [];
  private listeners: ((reason: string) => void)[] = [];
  private next = 1;

  /** `empty`: no store yet (first run). */
  constructor(options: { empty?: boolean } = {}) {
    if (options.empty) {
      this.passphrase = null;
      return;
    }
    const f = structuredClone(FIXTURE);
    this.people = new Map(Object.entries(f.ambassadors));
    this.rows = f.rows;
    this.projects = new Map(Object.entries(f.project_pages));
    this.projectRows = f.projects;
    this.catalog = f.catalog;
    this.invitations = new Map(Object.entries(f.invitations));
    this.matches = f.matches;
    this.rotas = new Map(Object.entries(f.rotas));
    this.flagged = f.flagged;
    this.suggestions = f.suggestions;
    this.conflicts = structuredClone(f.sync.conflicts);
  }

  /** The fixture's ids of the people and projects, for tests to pick from. */
  personNamed(name: string): AmbassadorDetail {
    const found = [...this.people.values()].filter((d) => d.profile.display_name === name);
    if (found.length !== 1) throw new Error(`${found.length} people are called ${name}`);
    return found[0];
  }

  projectTitled(title: string): ProjectPage {
    const found = [...this.projects.values()].find((p) => p.project.title === title);
    if (!found) throw new Error(`no project ${title}`);
    return found;
  }

  private id(prefix: string): string {
    return `${prefix}-new-${this.next++}`;
  }

  private need(): void {
    if (this.selfViewOf) fail("self-view", "Self-view is open. Leave it with the coordinator's passphrase first.");
    if (!this.unlocked) fail("locked", "The store is locked. Unlock it with your passphrase to go on.");
  }

  private person(id: string): AmbassadorDetail {
    this.need();
    return this.people.get(id) ?? missing("ambassador", id);
  }

  private project(id: string): ProjectPage {
    this.need();
    return this.projects.get(id) ?? missing("project", id);
  }

  private date(text: string | null | undefined): void {
    if (text && !DATE.test(text)) refuse(FIXTURE.errors.bad_date, { "31/12/2025": text });
  }

  /** Simulates the backend locking itself after idle time. */
  autoLock(): void {
    this.unlocked = false;
    for (const l of this.listeners) l("auto-locked");
  }

  async appStatus(): Promise<AppStatus> {
    this.calls.push("appStatus");
    return {
      store_exists: this.passphrase !== null,
      unlocked: this.unlocked && !this.selfViewOf,
      self_view: this.selfViewOf !== null,
      preparing: false,
      demo_passphrase: null,
      store_dir: "/home/coordinator/.local/share/sanctuary/store",
      settings: { ...this.settings },
      network_name: this.unlocked ? this.networkName : null,
    };
  }

  async createStore(networkName: string, passphrase: string) {
    if (this.passphrase !== null) fail("store-exists", "a store already exists here");
    if (!networkName.trim()) refuse(FIXTURE.errors.network_name);
    this.passphrase = passphrase;
    this.networkName = networkName;
    this.unlocked = true;
    return { network_name: networkName, ambassadors: 0, unlock_ms: 1 };
  }

  async joinStore(invitePath: string, code: string, passphrase: string, deviceName: string) {
    if (this.passphrase !== null) fail("store-exists", "a store already exists here");
    if (code !== "ABCD-EFGH") fail("wrong-code", "the invite code is wrong, or the invite has expired");
    if (!deviceName.trim()) refuse(FIXTURE.errors.device_name);
    this.written.push(invitePath);
    this.passphrase = passphrase;
    this.networkName = "Leeds ambassadors";
    this.unlocked = true;
    return { network_name: this.networkName, ambassadors: this.people.size, unlock_ms: 1 };
  }

  /** False: this laptop was restored from a backup and must join again before it syncs. */
  member = true;

  async joinAgain(invitePath: string, code: string, deviceName: string) {
    this.need();
    if (!deviceName.trim()) refuse(FIXTURE.errors.device_name);
    if (this.member) refuse(FIXTURE.errors.already_member);
    if (code.trim() !== "ABCD-EFGH") fail("wrong-code", "the invite code is wrong, or the invite has expired");
    this.written.push(invitePath);
    this.member = true;
  }

  async unlock(passphrase: string) {
    if (this.passphrase === null) fail("no-store", "there is no store here");
    if (passphrase !== this.passphrase) fail("wrong-passphrase", "the passphrase is wrong");
    this.unlocked = true;
    return { network_name: this.networkName, ambassadors: this.people.size, unlock_ms: 1 };
  }

  async lock() {
    this.unlocked = false;
    this.selfViewOf = null;
  }

  async touch() {
    this.calls.push("touch");
  }

  async changePassphrase(currentPassphrase: string, newPassphrase: string) {
    this.need();
    if (currentPassphrase !== this.passphrase) fail("wrong-passphrase", "the passphrase is wrong");
    this.passphrase = newPassphrase;
  }

  async saveSettings(settings: Settings) {
    this.settings = { ...settings };
    return { ...settings };
  }

  /** The core's rows, narrowed by the text it searches (`RowList.texts`). */
  async searchAmbassadors(query: AmbassadorQuery) {
    this.need();
    const needle = query.text?.trim().toLowerCase() ?? "";
    const rows = this.rows.rows.filter(
      (row, i) =>
        (query.include_archived || !row.archived) &&
        (!query.status || row.status === query.status) &&
        (!needle || this.rows.texts[i].includes(needle)),
    );
    return { rows: structuredClone(rows), total: this.rows.rows.length };
  }

  async ambassadorRows() {
    this.need();
    return structuredClone(this.rows);
  }

  async getAmbassador(id: string) {
    return structuredClone(this.person(id));
  }

  private rowFor(p: Profile): AmbassadorRow {
    return { id: p.id, display_name: p.display_name, region: p.region, status: p.status, languages: p.languages.map((l) => l.language), skills: p.skills, archived: p.archived };
  }

  /** The words search looks at, as typed (the core lowercases them too). */
  private textFor(p: Profile): string {
    const fields = [p.display_name, p.full_name, p.region, p.local_group, ...p.skills, ...p.interests, ...p.languages.map((l) => l.language)];
    return fields.flatMap((f) => (f ? [f.toLowerCase() + "\u001f"] : [])).join("");
  }

  private putRow(p: Profile): void {
    const at = this.rows.rows.findIndex((r) => r.id === p.id);
    if (at < 0) {
      this.rows.rows.push(this.rowFor(p));
      this.rows.texts.push(this.textFor(p));
    } else {
      this.rows.rows[at] = this.rowFor(p);
      this.rows.texts[at] = this.textFor(p);
    }
  }

  async addAmbassador(profile: Profile) {
    this.need();
    this.date(profile.joined);
    const id = this.id("a");
    const p = { ...structuredClone(profile), id };
    this.people.set(id, { profile: p, consents: [], consent_in_force: [], training: [], contributions: [], recognition: [], hours_contributed: "0", pathways: [] });
    this.putRow(p);
    return id;
  }

  async editAmbassador(id: string, profile: Profile) {
    const person = this.person(id);
    this.date(profile.joined);
    person.profile = { ...structuredClone(profile), id };
    this.putRow(person.profile);
  }

  async addConsent(ambassadorId: string, consent: ConsentInput) {
    const person = this.person(ambassadorId);
    this.date(consent.date);
    const id = this.id("consent");
    person.consents.unshift({ id, ...consent });
    return id;
  }

  async addPathway(ambassadorId: string, pathway: PathwayInput) {
    const person = this.person(ambassadorId);
    this.date(pathway.from);
    const id = this.id("pathway");
    person.pathways.push({ id, role: pathway.role, from: pathway.from, to: pathway.to, note: pathway.note, current: !pathway.to });
    return id;
  }

  async endPathway(ambassadorId: string, pathwayId: string, to: string) {
    const person = this.person(ambassadorId);
    const pathway = person.pathways.find((p) => p.id === pathwayId) ?? missing("pathway", pathwayId);
    this.date(to);
    const ends = FIXTURE.errors.pathway_ends;
    if (to < pathway.from) refuse(ends.error, { [ends.from]: pathway.from, [ends.to]: to });
    pathway.to = to;
    pathway.current = to >= FIXTURE.today; // Held through its last day, on the fixture's day.
    return pathway.id;
  }

  /** Kept as typed: the core works out expiry, so the mock shows none. */
  async recordTraining(ambassadorId: string, record: TrainingInput) {
    const person = this.person(ambassadorId);
    this.date(record.completed);
    const course = this.catalog.courses.find((c) => c.id === record.course_id) ?? missing("course", record.course_id);
    const id = this.id("training");
    person.training.unshift({ id, course_id: course.id, course_title: course.title, completed: record.completed, expires: null, expiry: "never", days_left: null, trainer: record.trainer, evidence: record.evidence, confidence_before: record.confidence_before, confidence_after: record.confidence_after, place: record.place, reflection: record.reflection });
    return id;
  }

  async logContribution(ambassadorId: string, c: ContributionInput) {
    const person = this.person(ambassadorId);
    this.date(c.date);
    const id = this.id("contribution");
    const title = c.project_id ? (this.projects.get(c.project_id)?.project.title ?? null) : null;
    person.contributions.unshift({ id, project_id: c.project_id, project_title: title, date: c.date, role: c.role, stream: c.stream ?? "other", hours: c.hours });
    return id;
  }

  /** The core's refusal for this person and kind, when it has one. */
  async logRecognition(ambassadorId: string, r: RecognitionInput) {
    const person = this.person(ambassadorId);
    const refusal = FIXTURE.refusals[ambassadorId]?.[r.kind];
    if (refusal && (refusal.code !== "check-first" || !r.checked)) refuse(refusal);
    const claim = REIMBURSEMENT_KINDS.includes(r.kind);
    const receipt = r.receipt?.trim() || null;
    const noReceipt = r.no_receipt?.trim() || null;
    if (claim && !receipt && !noReceipt) refuse(FIXTURE.errors.receipt);
    const id = this.id("recognition");
    // A new claim starts as claimed, as the core's does.
    const expense = claim ? { receipt, no_receipt: noReceipt, status: "claimed" as const, approved_by: null, approved: null, paid_back: null, note: r.note?.trim() || null } : null;
    const row: RecognitionRow = { id, date: r.date, kind: r.kind, amount: r.amount ? `£${r.amount}` : null, description: r.description, contribution_id: r.contribution_id, project_id: r.project_id, project_title: null, expense, review: null };
    person.recognition.unshift(row);
    return id;
  }

  async recognitionPolicy() {
    this.need();
    return structuredClone(this.policy);
  }

  async setPolicyRule(kind: RecognitionKind, constraint: PaymentConstraint, verdict: Verdict, note: string) {
    this.need();
    const row = this.policy.rows.find((r) => r.kind === kind && r.constraint === constraint) ?? demoLacks("not-found", `no rule for ${kind}`);
    Object.assign(row, { verdict, note: note.trim(), changed: FIXTURE.today });
    return structuredClone(this.policy);
  }

  /** The core's options for this person; for someone added here, those of
   * a demo person with the same payment constraint (the options depend on
   * nothing else). */
  async recognitionOptions(ambassadorId: string) {
    const payment = this.person(ambassadorId).profile.payment;
    const alike = Object.entries(FIXTURE.recognition_options).find(([id]) => FIXTURE.ambassadors[id].profile.payment === payment);
    const options = FIXTURE.recognition_options[ambassadorId] ?? alike?.[1] ?? demoLacks("not-found", `no options for '${ambassadorId}'`);
    return { ...structuredClone(options), ambassador_id: ambassadorId };
  }

  async moveExpense(ambassadorId: string, entryId: string, status: ExpenseStatus, by: string | null) {
    const row = this.person(ambassadorId).recognition.find((r) => r.id === entryId);
    if (!row?.expense) return missing("recognition-entry", entryId);
    row.expense = { ...row.expense, status, approved_by: by?.trim() || row.expense.approved_by };
    return entryId;
  }

  async flaggedRecognition(): Promise<FlaggedEntry[]> {
    this.need();
    return structuredClone(this.flagged.filter((f) => !f.entry.review?.cleared));
  }

  async clearReview(ambassadorId: string, entryId: string, note: string) {
    this.person(ambassadorId);
    const flagged = this.flagged.find((f) => f.ambassador_id === ambassadorId && f.entry.id === entryId);
    if (!flagged?.entry.review) return missing("recognition-entry", entryId);
    flagged.entry.review = { ...flagged.entry.review, cleared: FIXTURE.today, cleared_note: note.trim() };
    return entryId;
  }

  async listProjects(): Promise<ProjectRow[]> {
    this.need();
    return structuredClone(this.projectRows);
  }

  async getProject(id: string) {
    return structuredClone(this.project(id));
  }

  async addOutcome(projectId: string, outcome: OutcomeInput) {
    const page = this.project(projectId);
    if (!outcome.recorded_by.trim()) refuse(FIXTURE.errors.outcome_recorded_by);
    this.date(outcome.date);
    const row = { id: this.id("o"), project_id: projectId, project_title: page.project.title, date: outcome.date || FIXTURE.today, text: outcome.text.trim(), recorded_by: outcome.recorded_by.trim() };
    // Who took part is the core's rule: self-view pages keep the fixture's outcomes.
    page.outcomes.unshift(row);
    return this.getProject(projectId);
  }

  private projectRow(p: Project): ProjectRow {
    return { id: p.id, title: p.title, stream: p.stream, level: p.level, start: p.start, end: p.end, places: p.places, location: p.location, remote: p.remote };
  }

  async addProject(project: Project) {
    this.need();
    this.date(project.start);
    const id = this.id("p");
    const p = { ...structuredClone(project), id };
    this.projects.set(id, { project: p, required_training: [], contributions: [], recognition: [], hours_contributed: "0", outcomes: [] });
    this.projectRows.push(this.projectRow(p));
    return id;
  }

  async editProject(id: string, project: Project) {
    const page = this.project(id);
    this.date(project.start);
    page.project = { ...structuredClone(project), id };
    this.projectRows = this.projectRows.map((r) => (r.id === id ? this.projectRow(page.project) : r));
  }

  private status(projectId: string, ambassadorId: string): InvitationStatus | null {
    return this.invitations.get(projectId)?.find((i) => i.ambassador_id === ambassadorId)?.status ?? null;
  }

  /** The core's match of the project, its team for `places`, and the
   * invitations made here since. */
  async matchProject(id: string, places: number | null, limit: number | null) {
    this.project(id);
    const view = structuredClone(this.matches[id] ?? demoLacks("not-found", `the demo has no match for project '${id}'`));
    if (places !== null && places !== view.team.places) {
      view.team = structuredClone(FIXTURE.teams[id]?.[String(places)] ?? demoLacks("invalid", `places: the demo has teams of 1 to 5 places, not ${places}`));
    }
    const n = limit ?? Number.MAX_SAFE_INTEGER;
    view.ranked = view.ranked.slice(0, n);
    view.not_eligible = view.not_eligible.slice(0, n);
    for (const c of [...view.ranked, ...view.not_eligible, ...view.team.members]) c.invitation = this.status(id, c.ambassador_id);
    return view;
  }

  async matchSettings() {
    this.need();
    return structuredClone(this.matchSettingsView);
  }

  /** Saved as sent; the fixture's out-of-range settings get the core's refusal. */
  async saveMatchSettings(settings: MatchSettings) {
    this.need();
    if (canonical(settings) === canonical(FIXTURE.errors.match_settings.input)) refuse(FIXTURE.errors.match_settings.error);
    this.matchSettingsView = { ...this.matchSettingsView, settings: structuredClone(settings) };
    return this.matchSettings();
  }

  async listInvitations(projectId: string) {
    this.project(projectId);
    return structuredClone(this.invitations.get(projectId) ?? []);
  }

  /** The move as asked, with the next moves the core allows from there; a
   * person the core leaves out is refused in its words. */
  async setInvitation(projectId: string, ambassadorId: string, change: InvitationInput) {
    const page = this.project(projectId);
    const person = this.person(ambassadorId);
    const refusal = FIXTURE.invite_refusals[projectId]?.[ambassadorId];
    if (refusal && (change.status === "shortlisted" || change.status === "invited")) refuse(refusal);
    this.date(change.date);
    const list = this.invitations.get(projectId) ?? [];
    let invitation = list.find((i) => i.ambassador_id === ambassadorId);
    if (!invitation) {
      invitation = { project_id: projectId, project_title: page.project.title, ambassador_id: ambassadorId, display_name: person.profile.display_name, status: null, asked_on: null, history: [], next: [] };
      list.push(invitation);
    }
    const date = change.date?.trim() || FIXTURE.today;
    const attended = change.status === "attended";
    invitation.history.push({ status: change.status, date, note: change.note?.trim() || null, hours: attended ? change.hours : null, contribution_id: attended ? this.id("contribution") : null });
    invitation.status = change.status;
    if (change.status === "invited" && !invitation.asked_on) invitation.asked_on = date;
    invitation.next = [...FIXTURE.invitation_moves[change.status]];
    this.invitations.set(projectId, list);
    return structuredClone(invitation);
  }

  private rota(projectId: string): RotaSummary {
    this.project(projectId);
    return this.rotas.get(projectId) ?? { seats: 1, members: [], turns: [], spread: 0 };
  }

  async rotaSummary(projectId: string) {
    return structuredClone(this.rota(projectId));
  }

  /** Members added join with no turns yet, at the end; the core orders them. */
  async editRota(projectId: string, add: string[], remove: string[], seats: number | null) {
    const rota = this.rota(projectId);
    for (const id of add) {
      const person = this.person(id);
      if (!rota.members.some((m) => m.ambassador_id === id)) rota.members.push({ ambassador_id: id, display_name: person.profile.display_name, turns: 0, last_turn: null });
    }
    for (const id of remove) {
      if (!rota.members.some((m) => m.ambassador_id === id)) missing("rota-member", id);
      rota.members = rota.members.filter((m) => m.ambassador_id !== id);
    }
    if (seats !== null) rota.seats = seats;
    this.rotas.set(projectId, rota);
    return this.rotaSummary(projectId);
  }

  /** The core's plan for that meeting (the demo has the next two weeks),
   * with a turn recorded here since. */
  async rotaPlan(projectId: string, date: string | null) {
    this.project(projectId);
    const on = date?.trim() || FIXTURE.today;
    this.date(on);
    const plans = FIXTURE.rota_plans[projectId] ?? {};
    const days = Object.keys(plans).sort();
    const plan = structuredClone(plans[on] ?? demoLacks("invalid", `date: the demo has rota plans for ${days[0] ?? FIXTURE.today} to ${days.at(-1) ?? FIXTURE.today} only`));
    plan.recorded = structuredClone(this.rota(projectId).turns.find((t) => t.date === on) ?? plan.recorded);
    return plan;
  }

  /** Records the seat as chosen; giving it to other than the fair
   * suggestion without a reason gets the core's refusal. */
  async assignRotaTurn(projectId: string, turn: RotaTurnInput) {
    const plan = await this.rotaPlan(projectId, turn.date);
    const chosen = turn.ambassadors.length ? [...turn.ambassadors] : [...plan.suggested];
    const reason = turn.reason?.trim() || null;
    if (!sameSet(chosen, plan.suggested) && !reason) refuse(FIXTURE.errors.rota_reason);
    const recorded: RotaTurn = { date: turn.date, ambassadors: chosen.sort(), suggested: [...plan.suggested].sort(), override_reason: reason, recorded: FIXTURE.today };
    const rota = this.rota(projectId);
    rota.turns = [...rota.turns.filter((t) => t.date !== turn.date), recorded];
    for (const m of rota.members) {
      if (chosen.includes(m.ambassador_id)) {
        m.turns += 1;
        m.last_turn = turn.date;
      }
    }
    this.rotas.set(projectId, rota);
    return structuredClone(recorded);
  }

  async getCatalog(): Promise<CatalogView> {
    this.need();
    return structuredClone(this.catalog);
  }

  async addCourse(course: Course) {
    this.need();
    const id = this.id("c");
    this.catalog.courses.push({ ...course, id });
    return id;
  }

  /** The core's list for 30, 60 or 90 days (60 when not given). */
  async expiringTraining(days?: number | null) {
    this.need();
    return structuredClone(FIXTURE.expiring[String(days ?? 60)] ?? demoLacks("invalid", `days: the demo has 30, 60 or 90 days, not ${days}`));
  }

  /** The core's own reports of a small hand-counted network (a Rust test writes the file). */
  async report(kind: ReportKind, from: string | null, to: string | null) {
    this.need();
    const period = FIXTURE.errors.report_period;
    if (from && to && to < from) refuse(period.error, { [period.from]: from, [period.to]: to });
    return (reportFixture as unknown as Record<ReportKind, ReportPage>)[kind];
  }

  async recordSession(session: SessionInput) {
    this.need();
    for (const id of session.attendees) {
      await this.recordTraining(id, { course_id: session.course_id, completed: session.date, trainer: session.trainer, evidence: null, confidence_before: null, confidence_after: null, place: session.online ? "Online" : session.place, reflection: null });
    }
    return session.attendees.length;
  }

  async exportRecord(ambassadorId: string, path: string, lang: string, expenses = false) {
    this.person(ambassadorId);
    this.written.push(path);
    this.recordLanguages.push(lang);
    this.recordExpenses.push(expenses);
    return 4096;
  }

  async personHistory(id: string) {
    this.person(id);
    return structuredClone(FIXTURE.history[id] ?? []);
  }

  async exportPerson(id: string, folder: string, _language: string | null) {
    this.person(id);
    const paths = [`${folder}/record.json`, `${folder}/record.html`];
    this.written.push(...paths);
    return paths;
  }

  async erasePerson(id: string) {
    this.person(id);
    this.people.delete(id);
    const at = this.rows.rows.findIndex((r) => r.id === id);
    this.rows.rows.splice(at, 1);
    this.rows.texts.splice(at, 1);
    return { id, on: FIXTURE.today, projects_changed: 0 };
  }

  /** The core's answer for the home screen's 30 days. */
  async consentExpiring(days: number) {
    this.need();
    if (days !== 30) demoLacks("invalid", `days: the demo has consent due within 30 days, not ${days}`);
    return structuredClone(FIXTURE.consent_due.filter((c) => this.people.has(c.ambassador_id)));
  }

  retention = FIXTURE.retention_years;
  devices: DeviceInfo[] = structuredClone(FIXTURE.devices);

  async retentionReview() {
    this.need();
    return FIXTURE.retention_due.flatMap((r) => {
      const person = this.people.get(r.ambassador_id);
      return person ? [{ ...r, archived: person.profile.archived }] : [];
    });
  }

  async retentionYears() {
    this.need();
    return this.retention;
  }

  async setRetentionYears(years: number) {
    this.need();
    this.retention = years;
    return years;
  }

  async archivePerson(id: string) {
    const person = this.person(id);
    person.profile.archived = true;
    this.putRow(person.profile);
  }

  async listDevices() {
    this.need();
    return structuredClone(this.devices);
  }

  async revokeDevice(id: string) {
    this.need();
    const device = this.devices.find((d) => d.id === id) ?? missing("device", id);
    if (device.this_device) refuse(FIXTURE.errors.revoke_self);
    const own = this.devices.find((d) => d.this_device);
    device.revoked = { by: own?.id ?? "", on: FIXTURE.revoke.removed_on };
    return { ...structuredClone(FIXTURE.revoke.report), device: id };
  }

  async chooseRecordPath(suggested: string) {
    return this.nextPath === null ? null : suggested;
  }

  /** The core's self-view page of each demo person. */
  selfPages: Record<string, SelfViewPage> = structuredClone(FIXTURE.self_view);

  private page(): SelfViewPage {
    const id = this.selfViewOf ?? fail("not-self-view", "Self-view is not open.");
    const page = structuredClone(this.selfPages[id]);
    page.suggestions = this.suggestions.filter((s) => s.ambassador_id === id);
    return page;
  }

  async enterSelfView(ambassadorId: string) {
    this.person(ambassadorId);
    if (!this.selfPages[ambassadorId]) demoLacks("not-found", `the demo has no self-view page for '${ambassadorId}'`);
    this.selfViewOf = ambassadorId;
    return this.page();
  }

  async selfViewPage() {
    return this.page();
  }

  async suggest(change: SuggestionChange) {
    const id = this.selfViewOf ?? fail("not-self-view", "Self-view is not open.");
    const page = this.selfPages[id];
    const course = "record_id" in change ? (page.training.find((r) => r.id === change.record_id)?.course_title ?? null) : null;
    this.suggestions.unshift({ id: this.id("s"), ambassador_id: id, display_name: page.display_name, made_on: FIXTURE.today, state: "pending", change, course_title: course });
    return this.page();
  }

  async leaveSelfView(passphrase: string) {
    if (!this.selfViewOf) fail("not-self-view", "Self-view is not open.");
    if (passphrase !== this.passphrase) fail("wrong-passphrase", "the passphrase is wrong");
    this.selfViewOf = null;
  }

  async pendingSuggestions() {
    this.need();
    return structuredClone(this.suggestions.filter((s) => s.state === "pending"));
  }

  async decideSuggestion(ambassadorId: string, suggestionId: string, approve: boolean) {
    this.need();
    const s = this.suggestions.find((x) => x.id === suggestionId && x.ambassador_id === ambassadorId) ?? missing("suggestion", suggestionId);
    s.state = approve ? "approved" : "declined";
    return this.pendingSuggestions();
  }

  async syncStatus() {
    this.need();
    return { ...structuredClone(FIXTURE.sync), member: this.member, conflicts: structuredClone(this.conflicts) };
  }

  async syncExport(path: string) {
    this.need();
    this.written.push(path);
    return { path, bytes: 2048 };
  }

  async syncImport(path: string) {
    this.need();
    if (!path.endsWith(".bundle")) fail("not-a-bundle", "this file is not a Sanctuary sync bundle");
    return { sender: "a1b2", seq: 4, changed: 2, duplicate: false, gap: false, fork: false };
  }

  async autoSyncStatus() {
    this.need();
    return structuredClone(this.autoSync);
  }

  async setSyncFolder(path: string | null) {
    this.need();
    if (path !== null && !path.startsWith("/")) demoLacks("invalid", "sync folder: give the folder's full path");
    this.emitAutoSync({ folder: path, state: path ? "waiting" : "off", last_synced: null, problems: [], failure: null });
    return structuredClone(this.autoSync);
  }

  async syncNow() {
    this.need();
    this.syncNowCalls++;
  }

  /** Simulates the backend's automatic sync reporting a new status. */
  emitAutoSync(status: AutoSyncStatus): void {
    this.autoSync = status;
    for (const l of this.autoSyncListeners) l(structuredClone(status));
  }

  async onAutoSync(listener: (status: AutoSyncStatus) => void) {
    this.autoSyncListeners.push(listener);
    return () => {
      this.autoSyncListeners = this.autoSyncListeners.filter((l) => l !== listener);
    };
  }

  async resolveConflict(document: string, field: string) {
    this.need();
    this.conflicts = this.conflicts.filter((c) => c.document !== document || c.field !== field);
    return structuredClone(this.conflicts);
  }

  async chooseSavePath() {
    return this.nextPath;
  }

  async chooseBundle() {
    return this.nextPath;
  }

  async createInvite(path: string) {
    this.need();
    this.written.push(path);
    return { path, code: "ABCD-EFGH", expires: 1_800_000_000 };
  }

  async chooseInvite() {
    return this.nextPath;
  }

  async chooseFolder() {
    return this.nextPath;
  }

  async chooseSheet() {
    return this.nextPath;
  }

  async chooseWorkbookPath() {
    return this.nextPath;
  }

  async chooseBackupPath() {
    return this.nextPath;
  }

  exports: { path: string; to: ExportTo }[] = [];
  async exportSheets(path: string, to: ExportTo) {
    this.need();
    this.exports.push({ path, to });
    this.written.push(path);
    return this.people.size;
  }

  /** As the core reports it: never backed up, so the reminder is due. */
  backup: BackupStatus = { last: null, days_since: null, due: true };
  async backupNow(path: string, passphrase: string) {
    this.need();
    if (passphrase !== this.passphrase) fail("wrong-passphrase", "the passphrase is not right");
    this.written.push(path);
    this.backup = { last: "2026-03-31", days_since: 0, due: false };
    return { ...this.backup };
  }

  async backupStatus() {
    this.need();
    return { ...this.backup };
  }

  /** Imports asked for, with their mapping, in order. */
  imports: {
    path: string;
    kind: ImportKind;
    mapping: Record<string, string>;
    defaults: Record<string, string>;
    dryRun: boolean;
    skipInvalid: boolean;
  }[] = [];

  /** The core's own preview of a small file (a Rust test writes ui/src/lib/import/fixture.json). */
  async importPreview(path: string, kind: ImportKind): Promise<ImportPreview> {
    this.need();
    if (!path.endsWith(".csv")) fail("bad-file", "the spreadsheet could not be read: not a CSV", "not a CSV");
    return { ...structuredClone(importFixture.preview as ImportPreview), kind };
  }

  /** The core's own dry run and import of that file; only the valid rows are ever written. */
  async importSheet(
    path: string,
    kind: ImportKind,
    mapping: Record<string, string>,
    defaults: Record<string, string>,
    dryRun: boolean,
    skipInvalid: boolean,
  ) {
    this.need();
    this.imports.push({ path, kind, mapping, defaults, dryRun, skipInvalid });
    const report = structuredClone((dryRun ? importFixture.dry_run : importFixture.written) as SheetImportReport);
    if (!dryRun && !skipInvalid && report.rejected.length) return { ...report, written: false, dry_run: false };
    return report;
  }

  async about(): Promise<About> {
    this.calls.push("about");
    return {
      version: "0.1.0",
      build_date: "2026-12-03",
      licence: "AGPL-3.0-or-later",
      components: [
        { origin: "rust", name: "automerge", version: "0.12.0", licence: "MIT" },
        { origin: "rust", name: "tauri", version: "2.12.5", licence: "Apache-2.0 OR MIT" },
        { origin: "npm", name: "svelte", version: "5.57.3", licence: "MIT" },
        { origin: "font", name: "Noto Naskh Arabic", version: "", licence: "OFL-1.1" },
      ],
    };
  }

  async onStatusChanged(listener: (reason: string) => void) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
}
