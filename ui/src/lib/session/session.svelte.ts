// The app's session: which screen shows, whether the store is unlocked, and
// the activity pings that postpone auto-lock. When the store locks (by
// hand or by itself), `unlocked` turns false and every screen unmounts,
// dropping the data it held.
import { api, asFailure } from "../api";
import type { AppStatus } from "../bindings/AppStatus";
import type { Settings } from "../bindings/Settings";
import { setLocale } from "../i18n/i18n.svelte";

export type Screen = "home" | "ambassadors" | "projects" | "training" | "recognition" | "reports" | "sheets" | "sync" | "settings" | "about";
export const SCREENS: Screen[] = [
  "home",
  "ambassadors",
  "projects",
  "training",
  "recognition",
  "reports",
  "sheets",
  "sync",
  "settings",
  "about",
];

/** Activity pings are sent at most this often. */
const TOUCH_EVERY_MS = 20_000;

class Session {
  status = $state<AppStatus | null>(null);
  screen = $state<Screen>("home");
  /** Counts visits, so choosing the screen already shown starts it afresh (a list, not the page opened from it). */
  visit = $state(0);
  /** The language self-view shows in (the ambassador's), while it is open. */
  selfViewLocale = $state<string | null>(null);
  /** Why the unlock screen shows, e.g. after auto-lock. */
  lockedReason = $state<"auto" | null>(null);
  /** A person to open on the ambassadors screen (from another screen's link). */
  openAmbassador = $state<string | null>(null);
  /** A project to open on the projects screen. */
  openProject = $state<string | null>(null);
  /** A person to open on the recognition screen. */
  recognitionFor = $state<string | null>(null);
  private lastTouch = 0;

  get unlocked(): boolean {
    return this.status?.unlocked ?? false;
  }

  /** An ambassador is looking at their own record. */
  get selfView(): boolean {
    return this.status?.self_view ?? false;
  }

  get settings(): Settings {
    return this.status?.settings ?? { auto_lock_minutes: 5, language: "en", backup_reminder_days: 7 };
  }

  async refresh(): Promise<void> {
    const status = await api().appStatus();
    if (!status.self_view) this.selfViewLocale = null;
    setLocale(this.selfViewLocale ?? status.settings.language);
    this.status = status;
  }

  /** After create or unlock succeeded. */
  async unlockedNow(): Promise<void> {
    this.lockedReason = null;
    await this.refresh();
  }

  async lock(): Promise<void> {
    await api().lock();
    this.dropData();
    await this.refresh();
  }

  /** The backend locked on its own: show the unlock screen and say why. */
  async lockedByBackend(reason: string): Promise<void> {
    if (reason === "auto-locked") this.lockedReason = "auto";
    this.dropData();
    await this.refresh();
  }

  /** A command said the store is locked: same as an auto-lock. */
  async handleFailure(e: unknown): Promise<boolean> {
    if (asFailure(e).code === "locked") {
      await this.lockedByBackend("auto-locked");
      return true;
    }
    return false;
  }

  /**
   * Hands the laptop to ambassador `id`: the backend keeps only their record
   * and goes full screen; the UI speaks `language`.
   */
  async enterSelfView(id: string, language: string): Promise<void> {
    await api().enterSelfView(id);
    this.selfViewLocale = language;
    await this.refresh();
  }

  /** Back to the coordinator, with their passphrase (a wrong one throws and keeps self-view). */
  async leaveSelfView(passphrase: string): Promise<void> {
    await api().leaveSelfView(passphrase);
    this.selfViewLocale = null;
    await this.refresh();
  }

  private dropData(): void {
    this.selfViewLocale = null;
    this.openAmbassador = null;
    this.openProject = null;
    this.recognitionFor = null;
    if (this.status) this.status = { ...this.status, unlocked: false, self_view: false, network_name: null };
  }

  /** Keyboard or pointer use: postpone auto-lock (throttled). */
  activity(now = Date.now()): void {
    if (!this.unlocked || now - this.lastTouch < TOUCH_EVERY_MS) return;
    this.lastTouch = now;
    api()
      .touch()
      .catch(() => {});
  }

  async saveSettings(settings: Settings): Promise<void> {
    const saved = await api().saveSettings(settings);
    setLocale(saved.language);
    if (this.status) this.status = { ...this.status, settings: saved };
  }

  go(screen: Screen): void {
    this.screen = screen;
    this.visit++;
  }

  showAmbassador(id: string): void {
    this.openAmbassador = id;
    this.screen = "ambassadors";
  }

  showProject(id: string): void {
    this.openProject = id;
    this.screen = "projects";
  }
}

export const session = new Session();
