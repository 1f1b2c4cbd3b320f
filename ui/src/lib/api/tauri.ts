// The Backend over Tauri IPC: one small function per command.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { AutoSyncStatus } from "../bindings/AutoSyncStatus";
import { asFailure, type Backend } from "./backend";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asFailure(e);
  }
}

export const tauriBackend: Backend = {
  appStatus: () => call("app_status"),
  about: () => call("about"),
  createStore: (networkName, passphrase) => call("create_store", { networkName, passphrase }),
  joinStore: (invitePath, code, passphrase, deviceName) =>
    call("join_store", { invitePath, code, passphrase, deviceName }),
  joinAgain: (invitePath, code, deviceName) => call("join_again", { invitePath, code, deviceName }),
  unlock: (passphrase) => call("unlock", { passphrase }),
  lock: () => call("lock"),
  touch: () => call("touch"),
  changePassphrase: (currentPassphrase, newPassphrase) =>
    call("change_passphrase", { currentPassphrase, newPassphrase }),
  saveSettings: (settings) => call("save_settings", { settings }),

  searchAmbassadors: (query) => call("search_ambassadors", { query }),
  ambassadorRows: () => call("ambassador_rows"),
  getAmbassador: (id) => call("get_ambassador", { id }),
  addAmbassador: (profile) => call("add_ambassador", { profile }),
  editAmbassador: (id, profile) => call("edit_ambassador", { id, profile }),
  addConsent: (ambassadorId, consent) => call("add_consent", { ambassadorId, consent }),
  addPathway: (ambassadorId, pathway) => call("add_pathway", { ambassadorId, pathway }),
  endPathway: (ambassadorId, pathwayId, to) => call("end_pathway", { ambassadorId, pathwayId, to }),
  recordTraining: (ambassadorId, record) => call("record_training", { ambassadorId, record }),
  logContribution: (ambassadorId, contribution) =>
    call("log_contribution", { ambassadorId, contribution }),
  logRecognition: (ambassadorId, recognition) =>
    call("log_recognition", { ambassadorId, recognition }),
  recognitionPolicy: () => call("recognition_policy"),
  setPolicyRule: (kind, constraint, verdict, note) =>
    call("set_policy_rule", { kind, constraint, verdict, note }),
  recognitionOptions: (ambassadorId) => call("recognition_options", { ambassadorId }),
  moveExpense: (ambassadorId, entryId, status, by) =>
    call("move_expense", { ambassadorId, entryId, status, by }),
  flaggedRecognition: () => call("flagged_recognition"),
  clearReview: (ambassadorId, entryId, note) => call("clear_review", { ambassadorId, entryId, note }),

  listProjects: () => call("list_projects"),
  getProject: (id) => call("get_project", { id }),
  addProject: (project) => call("add_project", { project }),
  editProject: (id, project) => call("edit_project", { id, project }),
  addOutcome: (projectId, outcome) => call("add_outcome", { projectId, outcome }),

  matchProject: (id, places, limit) => call("match_project", { id, places, limit }),
  matchSettings: () => call("match_settings"),
  saveMatchSettings: (settings) => call("save_match_settings", { settings }),
  listInvitations: (projectId) => call("list_invitations", { projectId }),
  setInvitation: (projectId, ambassadorId, change) =>
    call("set_invitation", { projectId, ambassadorId, change }),
  rotaSummary: (projectId) => call("rota_summary", { projectId }),
  rotaPlan: (projectId, date) => call("rota_plan", { projectId, date }),
  editRota: (projectId, add, remove, seats) => call("edit_rota", { projectId, add, remove, seats }),
  assignRotaTurn: (projectId, turn) => call("assign_rota_turn", { projectId, turn }),

  getCatalog: () => call("get_catalog"),
  addCourse: (course) => call("add_course", { course }),
  expiringTraining: (days) => call("expiring_training", { days: days ?? null }),
  report: (kind, from, to, quietMonths) => call("report", { kind, from, to, quietMonths }),
  recordSession: (session) => call("record_session", { session }),
  exportRecord: (id, path, lang, expenses = false) => call("export_record", { id, path, lang, expenses }),
  chooseRecordPath: async (suggested) =>
    (await save({ defaultPath: suggested, filters: [{ name: "PDF", extensions: ["pdf"] }, { name: "HTML", extensions: ["html"] }] })) ?? null,

  enterSelfView: (id) => call("enter_self_view", { id }),
  selfViewPage: () => call("self_view_page"),
  suggest: (change) => call("suggest", { change }),
  leaveSelfView: (passphrase) => call("leave_self_view", { passphrase }),
  pendingSuggestions: () => call("pending_suggestions"),
  decideSuggestion: (ambassadorId, suggestionId, approve) =>
    call("decide_suggestion", { ambassadorId, suggestionId, approve }),

  personHistory: (id) => call("person_history", { id }),
  exportPerson: (id, folder, language) => call("export_person", { id, folder, language }),
  erasePerson: (id) => call("erase_person", { id }),
  consentExpiring: (days) => call("consent_expiring", { days }),
  retentionReview: () => call("retention_review"),
  retentionYears: () => call("retention_years"),
  setRetentionYears: (years) => call("set_retention_years", { years }),
  archivePerson: (id) => call("archive_person", { id }),
  listDevices: () => call("list_devices"),
  revokeDevice: (id) => call("revoke_device", { id }),

  syncStatus: () => call("sync_status"),
  syncExport: (path) => call("sync_export", { path }),
  syncImport: (path) => call("sync_import", { path }),
  autoSyncStatus: () => call("auto_sync_status"),
  setSyncFolder: (path) => call("set_sync_folder", { path }),
  syncNow: () => call("sync_now"),
  resolveConflict: (document, field, keep) => call("resolve_conflict", { document, field, keep }),
  createInvite: (path) => call("create_invite", { path }),

  chooseSavePath: async (suggested) =>
    (await save({ defaultPath: suggested, filters: [{ name: "Sanctuary bundle", extensions: ["bundle"] }] })) ?? null,
  chooseBundle: async () => {
    const picked = await open({ multiple: false, directory: false, filters: [{ name: "Sanctuary bundle", extensions: ["bundle"] }] });
    return typeof picked === "string" ? picked : null;
  },
  chooseInvite: async () => {
    const picked = await open({ multiple: false, directory: false });
    return typeof picked === "string" ? picked : null;
  },
  chooseSheet: async () => {
    const picked = await open({
      multiple: false,
      directory: false,
      filters: [{ name: "Spreadsheet", extensions: ["csv", "txt", "xlsx", "xls", "ods"] }],
    });
    return typeof picked === "string" ? picked : null;
  },
  chooseWorkbookPath: async (suggested) =>
    (await save({ defaultPath: suggested, filters: [{ name: "Excel workbook", extensions: ["xlsx"] }] })) ?? null,
  chooseBackupPath: async (suggested) =>
    (await save({ defaultPath: suggested, filters: [{ name: "Sanctuary backup", extensions: ["backup"] }] })) ?? null,
  exportSheets: (path, to) => call("export_sheets", { path, to }),
  backupNow: (path, passphrase) => call("backup_now", { path, passphrase }),
  backupStatus: () => call("backup_status"),
  importPreview: (path, kind) => call("import_preview", { path, kind }),
  importSheet: (path, kind, mapping, defaults, dryRun, skipInvalid) =>
    call("import_sheet", { path, kind, mapping, defaults, dryRun, skipInvalid }),
  chooseFolder: async () => {
    const picked = await open({ multiple: false, directory: true });
    return typeof picked === "string" ? picked : null;
  },

  onStatusChanged: async (listener) => {
    const unlisten = await listen<string>("status-changed", (event) => listener(event.payload));
    return unlisten;
  },
  onAutoSync: async (listener) => {
    const unlisten = await listen<AutoSyncStatus>("auto-sync", (event) => listener(event.payload));
    return unlisten;
  },
};
