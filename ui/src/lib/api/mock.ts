// An in-memory Backend for component tests and for working on the UI in a
// plain browser. It follows the core's rules where the UI depends on them
// (search fields, the payment guard, errors as {code, message}); it is not
// a second implementation of the domain.
import type { AutoSyncStatus } from "../bindings/AutoSyncStatus";
import type { About } from "../bindings/About";
import type { AmbassadorDetail } from "../bindings/AmbassadorDetail";
import type { AmbassadorQuery } from "../bindings/AmbassadorQuery";
import type { AmbassadorRow } from "../bindings/AmbassadorRow";
import type { OutcomeRow } from "../bindings/OutcomeRow";
import type { AppStatus } from "../bindings/AppStatus";
import type { CatalogView } from "../bindings/CatalogView";
import type { ContributionRow } from "../bindings/ContributionRow";
import type { Conflict } from "../bindings/Conflict";
import type { Course } from "../bindings/Course";
import type { Profile } from "../bindings/Profile";
import type { Project } from "../bindings/Project";
import type { ProjectRow } from "../bindings/ProjectRow";
import type { RecognitionRow } from "../bindings/RecognitionRow";
import type { SelfViewPage } from "../bindings/SelfViewPage";
import type { SessionInput } from "../bindings/SessionInput";
import type { Settings } from "../bindings/Settings";
import type { SuggestionChange } from "../bindings/SuggestionChange";
import type { SuggestionRow } from "../bindings/SuggestionRow";
import { REIMBURSEMENT_KINDS, type ErrorCode } from "../bindings/vocabularies";
import type { ExpenseStatus } from "../bindings/ExpenseStatus";
import type { FlaggedEntry } from "../bindings/FlaggedEntry";
import type { PaymentConstraint } from "../bindings/PaymentConstraint";
import type { PolicyTable } from "../bindings/PolicyTable";
import type { RecognitionKind } from "../bindings/RecognitionKind";
import type { Verdict } from "../bindings/Verdict";
import type { RecognitionOptions } from "../bindings/RecognitionOptions";
import recognitionFixture from "../recognition/fixture.json";
import { blankProfile } from "../ambassadors/profile";
import { ApiFailure, type Backend } from "./backend";
import { DEFAULT_MATCH_SETTINGS, MockMatching } from "./mock-matching";
import type { MatchSettings } from "../bindings/MatchSettings";
import type { ReportKind } from "../bindings/ReportKind";
import type { ReportPage } from "../bindings/ReportPage";
import reportFixture from "../reports/fixture.json";
import importFixture from "../import/fixture.json";
import type { ImportKind } from "../bindings/ImportKind";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { SheetImportReport } from "../bindings/SheetImportReport";
import type { BackupStatus } from "../bindings/BackupStatus";
import type { ExportTo } from "./backend";

interface Person {
  detail: AmbassadorDetail;
}

const NAMES = ["Amina", "Abdi", "Hodan", "Parisa", "Reza", "Oksana", "Grace", "Tariq", "زهراء", "محمد", "Samira", "Kwame"];
const REGIONS = ["London", "Wales", "Scotland", "Yorkshire", "North West"];
const SKILLS = ["public speaking", "facilitation", "writing", "translation", "mentoring", "photography"];
const LANGUAGES = ["arabic", "tigrinya", "farsi", "ukrainian", "somali", "french"];

// Only codes the core or the shell can really return (generated from them),
// so the mock cannot drift into failures the app never gives.
function fail(code: ErrorCode, message: string): never {
  throw new ApiFailure({ code, message });
}

export class MockBackend implements Backend {
  passphrase: string | null = "demo passphrase";
  unlocked = false;
  networkName = "Demo network";
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
  conflicts: Conflict[] = [{ document: "a-0", kind: "ambassador", name: "Amina 0", field: "profile.notes", winner: { value: "Prefers mornings", fields: [], device: "d0e1", device_name: "this laptop" }, others: [{ value: "Prefers evenings", fields: [], device: "a1b2", device_name: "Leeds laptop" }] }];
  people = new Map<string, Person>();
  projects = new Map<string, Project>();
  /** "You said, we did" outcomes per project id, newest first. */
  outcomes = new Map<string, OutcomeRow[]>();
  courses: Course[] = [];
  calls: string[] = [];
  /** Matching, invitations and rotas over `people` and `projects`. */
  matching = new MockMatching(
    () => [...this.people.values()].map((p) => p.detail),
    (id) => {
      this.need();
      return this.projects.get(id) ?? fail("not-found", `no project matches '${id}'`);
    },
  );
  /** The person in self-view, if any: then only self-view calls work. */
  selfViewOf: string | null = null;
  suggestions: SuggestionRow[] = [];
  private listeners: ((reason: string) => void)[] = [];
  private next = 1;

  constructor(options: { seed?: number; empty?: boolean } = {}) {
    if (options.empty) {
      this.passphrase = null;
      return;
    }
    const count = options.seed ?? 30;
    this.courses = [
      { id: "c-induction", title: "Induction", description: "", mode: "in-person", languages: [], duration_minutes: 180, validity_months: null, prerequisites: [], co_designed: true },
      { id: "c-safeguarding", title: "Safeguarding", description: "", mode: "online", languages: [], duration_minutes: 240, validity_months: 24, prerequisites: ["c-induction"], co_designed: false },
    ];
    for (let i = 0; i < count; i++) {
      const p = blankProfile("2024-01-15");
      p.id = `a-${i}`;
      p.display_name = `${NAMES[i % NAMES.length]} ${i}`;
      p.region = REGIONS[i % REGIONS.length];
      p.skills = [SKILLS[i % SKILLS.length], SKILLS[(i + 2) % SKILLS.length]].sort();
      p.interests = ["education"];
      p.languages = [{ language: "english", level: "fluent" }, { language: LANGUAGES[i % LANGUAGES.length], level: "native" }];
      p.payment = (["not-allowed", "check-first", "allowed"] as const)[i % 3];
      p.status = i % 7 === 6 ? "paused" : "active";
      this.people.set(p.id, { detail: this.detailFor(p) });
    }
    const project: Project = {
      id: "p-1", title: "Schools of Sanctuary award panel", description: "Assessing a school's application.",
      stream: "awards-panel", level: "regional", start: "2026-03-01", end: null, location: "Leeds",
      remote: false, in_person: true, places: 3, required_skills: ["assessment"], desired_skills: [],
      languages: [], required_training: [], recognition: ["thanks", "certificate"], organisation: null, photography: false, shares_with: null,
    };
    this.projects.set(project.id, project);
  }

  private id(prefix: string): string {
    return `${prefix}-new-${this.next++}`;
  }

  private detailFor(profile: Profile): AmbassadorDetail {
    return { profile, consents: [], consent_in_force: [], training: [], contributions: [], recognition: [], hours_contributed: "0", pathways: [] };
  }

  private need(): void {
    if (this.selfViewOf) fail("self-view", "Self-view is open. Leave it with the coordinator's passphrase first.");
    if (!this.unlocked) fail("locked", "The store is locked. Unlock it with your passphrase to go on.");
  }

  private person(id: string): Person {
    this.need();
    return this.people.get(id) ?? fail("not-found", `no ambassador matches '${id}'`);
  }

  private check(profile: Profile): void {
    if (!profile.display_name.trim()) fail("invalid", "display name: must not be empty");
    if (!profile.region.trim()) fail("invalid", "region: must not be empty");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(profile.joined)) fail("invalid", `'${profile.joined}' is not a valid date; write it as YYYY-MM-DD, for example 2026-03-14`);
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
    if (!networkName.trim()) fail("invalid", "network name: must not be empty");
    this.passphrase = passphrase;
    this.networkName = networkName;
    this.unlocked = true;
    return { network_name: networkName, ambassadors: 0, unlock_ms: 1 };
  }

  async joinStore(invitePath: string, code: string, passphrase: string, deviceName: string) {
    if (this.passphrase !== null) fail("store-exists", "a store already exists here");
    if (code !== "ABCD-EFGH") fail("wrong-code", "the invite code is wrong, or the invite has expired");
    if (!deviceName.trim()) fail("invalid", "device name: must not be empty");
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
    if (this.member) fail("invalid", "invite: this laptop is already a device of the network");
    if (code.trim() !== "ABCD-EFGH") fail("wrong-code", "the invite code is wrong, or the invite has expired");
    if (!deviceName.trim()) fail("invalid", "device name: must not be empty");
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
    if (settings.auto_lock_minutes < 1 || settings.auto_lock_minutes > 120) fail("invalid", "auto-lock: choose between 1 and 120 minutes");
    this.settings = { ...settings };
    return { ...settings };
  }

  async searchAmbassadors(query: AmbassadorQuery) {
    this.need();
    const needle = query.text?.trim().toLowerCase() ?? "";
    const rows: AmbassadorRow[] = [];
    for (const { detail } of this.people.values()) {
      const p = detail.profile;
      if (p.archived && !query.include_archived) continue;
      if (query.status && p.status !== query.status) continue;
      const haystack = [p.display_name, p.full_name ?? "", p.region, p.local_group ?? "", ...p.skills, ...p.interests, ...p.languages.map((l) => l.language)];
      if (needle && !haystack.some((h) => h.toLowerCase().includes(needle))) continue;
      rows.push({ id: p.id, display_name: p.display_name, region: p.region, status: p.status, languages: p.languages.map((l) => l.language), skills: p.skills, archived: p.archived });
    }
    rows.sort((a, b) => a.display_name.toLowerCase().localeCompare(b.display_name.toLowerCase()));
    return { rows, total: this.people.size };
  }

  async ambassadorRows() {
    const all = await this.searchAmbassadors({ text: null, skill: null, interest: null, language: null, region: null, status: null, include_archived: true });
    const texts = all.rows.map(({ id }) => {
      const p = this.people.get(id)!.detail.profile;
      const fields = [p.display_name, p.full_name, p.region, p.local_group, ...p.skills, ...p.interests, ...p.languages.map((l) => l.language)];
      return fields.flatMap((f) => (f ? [f.toLowerCase() + "\u001f"] : [])).join("");
    });
    return { rows: all.rows, texts };
  }

  async getAmbassador(id: string) {
    return structuredClone(this.person(id).detail);
  }

  async addAmbassador(profile: Profile) {
    this.need();
    this.check(profile);
    const id = this.id("a");
    this.people.set(id, { detail: this.detailFor({ ...structuredClone(profile), id }) });
    return id;
  }

  async editAmbassador(id: string, profile: Profile) {
    const person = this.person(id);
    this.check(profile);
    person.detail.profile = { ...structuredClone(profile), id };
  }

  async addConsent(ambassadorId: string, consent: import("../bindings/ConsentInput").ConsentInput) {
    const person = this.person(ambassadorId);
    if (!consent.recorded_by.trim()) fail("invalid", "recorded by: must not be empty");
    const id = this.id("consent");
    person.detail.consents.unshift({ id, ...consent });
    if (consent.agreed && !person.detail.consent_in_force.includes(consent.scope)) person.detail.consent_in_force.push(consent.scope);
    return id;
  }

  async addPathway(ambassadorId: string, pathway: import("../bindings/PathwayInput").PathwayInput) {
    const person = this.person(ambassadorId);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pathway.from)) fail("invalid", `date: '${pathway.from}' is not a date; write it as YYYY-MM-DD`);
    if (pathway.to && pathway.to < pathway.from) fail("invalid", `to: the role ends (${pathway.to}) before it starts (${pathway.from})`);
    const id = this.id("pathway");
    person.detail.pathways.push({ id, role: pathway.role, from: pathway.from, to: pathway.to, note: pathway.note, current: !pathway.to });
    return id;
  }

  async endPathway(ambassadorId: string, pathwayId: string, to: string) {
    const person = this.person(ambassadorId);
    const pathway = person.detail.pathways.find((p) => p.id === pathwayId) ?? fail("not-found", `no pathway matches '${pathwayId}'`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) fail("invalid", `date: '${to}' is not a date; write it as YYYY-MM-DD`);
    if (to < pathway.from) fail("invalid", `to: the role ends (${to}) before it starts (${pathway.from})`);
    pathway.to = to;
    pathway.current = to >= new Date().toISOString().slice(0, 10);
    return pathway.id;
  }

  async recordTraining(ambassadorId: string, record: import("../bindings/TrainingInput").TrainingInput) {
    const person = this.person(ambassadorId);
    const course = this.courses.find((c) => c.id === record.course_id) ?? fail("not-found", `no course matches '${record.course_id}'`);
    const id = this.id("training");
    person.detail.training.unshift({ id, course_id: course.id, course_title: course.title, completed: record.completed, expires: null, expiry: "never", days_left: null, trainer: record.trainer, evidence: record.evidence, confidence_before: record.confidence_before, confidence_after: record.confidence_after, place: record.place, reflection: record.reflection });
    return id;
  }

  async logContribution(ambassadorId: string, c: import("../bindings/ContributionInput").ContributionInput) {
    const person = this.person(ambassadorId);
    const hours = Number(c.hours);
    if (!(hours > 0)) fail("invalid", `hours: '${c.hours}' is not a number of hours, e.g. 1.5`);
    const id = this.id("contribution");
    const row: ContributionRow = { id, project_id: c.project_id, project_title: c.project_id ? (this.projects.get(c.project_id)?.title ?? null) : null, date: c.date, role: c.role, stream: c.stream ?? "other", hours: c.hours };
    person.detail.contributions.unshift(row);
    return id;
  }

  async logRecognition(ambassadorId: string, r: import("../bindings/RecognitionInput").RecognitionInput) {
    const person = this.person(ambassadorId);
    const name = person.detail.profile.display_name;
    // The verdict is the core's default policy, read from its fixture.
    const rule = this.policy.rows.find((row) => row.kind === r.kind && row.constraint === person.detail.profile.payment)!;
    if (rule.verdict === "refused") fail("payment-not-allowed", `${name} cannot receive ${r.kind}: their profile says payment is not allowed. ${rule.note}`);
    if (rule.verdict === "check" && !r.checked) fail("check-first", `${name}'s profile says to check first whether they may receive ${r.kind}. ${rule.note} Then record it again confirming you checked`);
    const id = this.id("recognition");
    const claim = REIMBURSEMENT_KINDS.includes(r.kind);
    if (claim && !r.receipt?.trim() && !r.no_receipt?.trim()) fail("invalid", "receipt: a reimbursement needs a receipt reference, or the reason there is no receipt");
    const expense = claim ? { receipt: r.receipt?.trim() || null, no_receipt: r.no_receipt?.trim() || null, status: "claimed" as const, approved_by: null, approved: null, paid_back: null, note: r.note?.trim() || null } : null;
    const row: RecognitionRow = { id, date: r.date, kind: r.kind, amount: r.amount ? `£${r.amount}` : null, description: r.description, contribution_id: r.contribution_id, project_id: r.project_id, project_title: null, expense, review: null };
    person.detail.recognition.unshift(row);
    return id;
  }

  /** The core's default policy and options (crates/core/src/views/recognition.rs writes the fixture). */
  policy: PolicyTable = structuredClone(recognitionFixture.policy) as PolicyTable;

  async recognitionPolicy() {
    this.need();
    return structuredClone(this.policy);
  }

  async setPolicyRule(kind: RecognitionKind, constraint: PaymentConstraint, verdict: Verdict, note: string) {
    this.need();
    if (!note.trim()) fail("invalid", "note: must not be empty");
    const row = this.policy.rows.find((r) => r.kind === kind && r.constraint === constraint)!;
    Object.assign(row, { verdict, note: note.trim(), changed: "2026-05-01" });
    return structuredClone(this.policy);
  }

  async recognitionOptions(ambassadorId: string) {
    const payment = this.person(ambassadorId).detail.profile.payment;
    const options = (recognitionFixture.options as Record<string, RecognitionOptions>)[payment];
    return { ...structuredClone(options), ambassador_id: ambassadorId };
  }

  async moveExpense(ambassadorId: string, entryId: string, status: ExpenseStatus, by: string | null) {
    const row = this.person(ambassadorId).detail.recognition.find((r) => r.id === entryId);
    if (!row?.expense) return fail("not-found", `no recognition entry matches '${entryId}'`);
    if (status === "approved" && !by?.trim()) fail("invalid", "approved by: must not be empty");
    row.expense = { ...row.expense, status, approved_by: by?.trim() || row.expense.approved_by };
    return entryId;
  }

  async flaggedRecognition(): Promise<FlaggedEntry[]> {
    this.need();
    return [...this.people.values()].flatMap(({ detail }) =>
      detail.recognition.filter((r) => r.review && !r.review.cleared).map((entry) => ({ ambassador_id: detail.profile.id, display_name: detail.profile.display_name, entry: structuredClone(entry) })),
    );
  }

  async clearReview(ambassadorId: string, entryId: string, note: string) {
    const row = this.person(ambassadorId).detail.recognition.find((r) => r.id === entryId);
    if (!note.trim()) fail("invalid", "note: must not be empty");
    if (!row?.review) return fail("invalid", "entry: this entry is not flagged for review");
    row.review = { ...row.review, cleared: "2026-05-01", cleared_note: note.trim() };
    return entryId;
  }

  async listProjects(): Promise<ProjectRow[]> {
    this.need();
    return [...this.projects.values()].map((p) => ({ id: p.id, title: p.title, stream: p.stream, level: p.level, start: p.start, end: p.end, places: p.places, location: p.location, remote: p.remote }));
  }

  async getProject(id: string) {
    this.need();
    const project = this.projects.get(id) ?? fail("not-found", `no project matches '${id}'`);
    const outcomes = structuredClone(this.outcomes.get(id) ?? []);
    return { project: structuredClone(project), required_training: [], contributions: [], recognition: [], hours_contributed: "0", outcomes };
  }

  async addOutcome(projectId: string, outcome: import("../bindings/OutcomeInput").OutcomeInput) {
    this.need();
    const project = this.projects.get(projectId) ?? fail("not-found", `no project matches '${projectId}'`);
    if (!outcome.text.trim()) fail("invalid", "text: must not be empty");
    if (!outcome.recorded_by.trim()) fail("invalid", "recorded by: must not be empty");
    const row = { id: this.id("o"), project_id: project.id, project_title: project.title, date: outcome.date || "2026-11-22", text: outcome.text.trim(), recorded_by: outcome.recorded_by.trim() };
    this.outcomes.set(projectId, [row, ...(this.outcomes.get(projectId) ?? [])]);
    return this.getProject(projectId);
  }

  async addProject(project: Project) {
    this.need();
    if (!project.title.trim()) fail("invalid", "title: must not be empty");
    const id = this.id("p");
    this.projects.set(id, { ...structuredClone(project), id });
    return id;
  }

  async editProject(id: string, project: Project) {
    this.need();
    if (!this.projects.has(id)) fail("not-found", `no project matches '${id}'`);
    this.projects.set(id, { ...structuredClone(project), id });
  }

  async matchProject(id: string, places: number | null, limit: number | null) {
    return this.matching.match(id, places, limit);
  }

  async matchSettings() {
    this.need();
    return { settings: structuredClone(this.matching.settings), defaults: structuredClone(DEFAULT_MATCH_SETTINGS) };
  }

  async saveMatchSettings(settings: MatchSettings) {
    this.need();
    this.matching.saveSettings(settings);
    return this.matchSettings();
  }

  async listInvitations(projectId: string) {
    return this.matching.list(projectId);
  }

  async setInvitation(projectId: string, ambassadorId: string, change: import("../bindings/InvitationInput").InvitationInput) {
    return this.matching.set(projectId, this.person(ambassadorId).detail, change);
  }

  async rotaSummary(projectId: string) {
    return this.matching.rotaSummary(projectId);
  }

  async editRota(projectId: string, add: string[], remove: string[], seats: number | null) {
    this.need();
    for (const id of add) this.person(id);
    return this.matching.editRota(projectId, add, remove, seats);
  }

  async rotaPlan(projectId: string, date: string | null) {
    return this.matching.rotaPlan(projectId, date);
  }

  async assignRotaTurn(projectId: string, turn: import("../bindings/RotaTurnInput").RotaTurnInput) {
    return this.matching.assignTurn(projectId, turn);
  }

  async getCatalog(): Promise<CatalogView> {
    this.need();
    return { courses: structuredClone(this.courses), skills: [...SKILLS], interests: ["education", "health"] };
  }

  async addCourse(course: Course) {
    this.need();
    const id = this.id("c");
    this.courses.push({ ...course, id });
    return id;
  }

  async expiringTraining() {
    this.need();
    return [];
  }

  /** The core's own reports of a small hand-counted network (a Rust test writes the file). */
  async report(kind: ReportKind, from: string | null, to: string | null) {
    this.need();
    if (from && to && to < from) fail("invalid", `period: the period ends (${to}) before it starts (${from})`);
    return (reportFixture as unknown as Record<ReportKind, ReportPage>)[kind];
  }

  async recordSession(session: SessionInput) {
    this.need();
    if (!session.attendees.length) fail("invalid", "attendees: a session needs at least one attendee");
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
    return [
      { time: 1_767_225_600, device: "d0e1", device_name: "this laptop", coordinator: "Maryam", action: "new ambassador", fields: ["profile.display_name", "profile.region"] },
      { time: 1_767_312_000, device: "a1b2", device_name: "Leeds laptop", coordinator: null, action: "profile", fields: ["profile.notes"] },
    ];
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
    return { id, on: "2026-01-01", projects_changed: 0 };
  }

  async consentExpiring(_days: number) {
    this.need();
    return [];
  }

  retention = 2;
  devices = [
    { id: "d0e1", name: "this laptop", added: "2025-01-01", this_device: true, registered: true, can_receive_keys: true, revoked: null as { by: string; on: string } | null },
    { id: "a1b2", name: "Leeds laptop", added: "2025-02-01", this_device: false, registered: true, can_receive_keys: true, revoked: null as { by: string; on: string } | null },
  ];

  async retentionReview() {
    this.need();
    return [...this.people.values()]
      .filter((p) => p.detail.profile.joined < "2023-01-01")
      .map((p) => ({ ambassador_id: p.detail.profile.id, display_name: p.detail.profile.display_name, archived: p.detail.profile.archived, last_activity: p.detail.profile.joined, days_inactive: 1000 }));
  }

  async retentionYears() {
    this.need();
    return this.retention;
  }

  async setRetentionYears(years: number) {
    this.need();
    if (years > 50) fail("invalid", "retention: the retention period is 0 (never) to 50 years");
    this.retention = years;
    return years;
  }

  async archivePerson(id: string) {
    this.person(id).detail.profile.archived = true;
  }

  async listDevices() {
    this.need();
    return structuredClone(this.devices);
  }

  async revokeDevice(id: string) {
    this.need();
    const device = this.devices.find((d) => d.id === id) ?? fail("not-found", `no device matches '${id}'`);
    if (device.this_device) fail("invalid", "device: this laptop cannot remove itself; do it from another member's laptop");
    device.revoked = { by: "d0e1", on: "2026-01-01" };
    return { device: id, last_seq: 3, epoch: 2, wrapped_for: [], without_key: [] };
  }

  async chooseRecordPath(suggested: string) {
    return this.nextPath === null ? null : suggested;
  }

  private page(): SelfViewPage {
    const id = this.selfViewOf ?? fail("not-self-view", "Self-view is not open.");
    const d = this.people.get(id)!.detail;
    const p = d.profile;
    return {
      network_name: this.networkName, display_name: p.display_name, full_name: p.full_name, pronouns: p.pronouns, region: p.region,
      email: p.email, phone: p.phone, preferred_channel: p.preferred_channel, joined: p.joined, languages: p.languages, skills: p.skills,
      interests: p.interests, training: structuredClone(d.training), contributions: structuredClone(d.contributions),
      recognition: structuredClone(d.recognition), hours_contributed: d.hours_contributed,
      hours_by_kind: d.contributions.length ? [{ stream: "other", hours: d.hours_contributed }] : [],
      suggestions: this.suggestions.filter((s) => s.ambassador_id === id),
      // Who took part is the core's rule; the mock shows the outcomes of the
      // projects this person has time logged on.
      outcomes: [...new Set(d.contributions.flatMap((c) => (c.project_id ? [c.project_id] : [])))].flatMap((p) => this.outcomes.get(p) ?? []),
      pathways: structuredClone(d.pathways),
    };
  }

  async enterSelfView(ambassadorId: string) {
    this.person(ambassadorId);
    this.selfViewOf = ambassadorId;
    return this.page();
  }

  async selfViewPage() {
    return this.page();
  }

  async suggest(change: SuggestionChange) {
    const id = this.selfViewOf ?? fail("not-self-view", "Self-view is not open.");
    if (change.kind === "hours" && !(Number(change.hours) > 0)) fail("invalid", `hours: '${change.hours}' is not a number of hours, e.g. 1.5`);
    const person = this.people.get(id)!.detail;
    const course = "record_id" in change ? (person.training.find((r) => r.id === change.record_id)?.course_title ?? null) : null;
    this.suggestions.unshift({ id: this.id("s"), ambassador_id: id, display_name: person.profile.display_name, made_on: "2026-11-22", state: "pending", change, course_title: course });
    return this.page();
  }

  async leaveSelfView(passphrase: string) {
    if (!this.selfViewOf) fail("not-self-view", "Self-view is not open.");
    if (passphrase !== this.passphrase) fail("wrong-passphrase", "the passphrase is wrong");
    this.selfViewOf = null;
  }

  async pendingSuggestions() {
    this.need();
    return this.suggestions.filter((s) => s.state === "pending");
  }

  async decideSuggestion(ambassadorId: string, suggestionId: string, approve: boolean) {
    this.need();
    const s = this.suggestions.find((x) => x.id === suggestionId && x.ambassador_id === ambassadorId) ?? fail("not-found", `no suggestion matches '${suggestionId}'`);
    s.state = approve ? "approved" : "declined";
    return this.pendingSuggestions();
  }

  async syncStatus() {
    this.need();
    return {
      device: "d0e1",
      member: this.member,
      peers: [{ device: "a1b2", name: "Leeds laptop", revoked: false, last_heard: 1_760_000_000, bundles_applied: 3, acknowledged: 2, unacknowledged_changes: 4, unacknowledged_documents: 2 }],
      conflicts: structuredClone(this.conflicts),
    };
  }

  async syncExport(path: string) {
    this.need();
    this.written.push(path);
    return { path, bytes: 2048 };
  }

  async syncImport(path: string) {
    this.need();
    if (!path.endsWith(".bundle")) fail("damaged", "this file is not a sync bundle");
    return { sender: "a1b2", seq: 4, changed: 2, duplicate: false, gap: false, fork: false };
  }

  async autoSyncStatus() {
    this.need();
    return structuredClone(this.autoSync);
  }

  async setSyncFolder(path: string | null) {
    this.need();
    if (path !== null && !path.startsWith("/")) fail("invalid", "sync folder: give the folder's full path");
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
    if (!path.endsWith(".csv")) fail("bad-file", "the spreadsheet could not be read: not a CSV");
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
