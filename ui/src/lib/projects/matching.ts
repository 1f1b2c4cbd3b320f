// What the matching panel decides without the backend: who may be invited
// now, who in a suggested team still needs asking, how a factor reads.
import type { FactorScore } from "../bindings/FactorScore";
import type { InvitationStatus } from "../bindings/InvitationStatus";
import type { RecognitionKind } from "../bindings/RecognitionKind";
import type { Team } from "../bindings/Team";
import { t } from "../i18n/i18n.svelte";

/** Whether someone with this invitation status can be invited now (the core's lifecycle). */
export function canInvite(status: InvitationStatus | null): boolean {
  return status === null || status === "shortlisted" || status === "declined" || status === "withdrawn";
}

/** Whether someone can be put on the shortlist now. */
export function canShortlist(status: InvitationStatus | null): boolean {
  return status === null || status === "declined" || status === "withdrawn";
}

/** Team members who have not been asked yet (the team keeps those already asked or accepted). */
export function stillToInvite(team: Team): Team["members"] {
  return team.members.filter((m) => m.invitation === null || m.invitation === "shortlisted");
}

/** "12 of 40", or "does not apply" for a factor that cannot tell people apart here. */
export function factorPoints(f: FactorScore): string {
  return f.max === 0 ? t("matching.notApplicable") : t("matching.pointsOf", { points: f.points, max: f.max });
}

/**
 * Text kept left to right inside a sentence in either direction (a date
 * such as 2026-03-14 would otherwise read 14-03-2026 in Arabic): wrapped in
 * the Unicode left-to-right isolate.
 */
export function ltr(text: string): string {
  return `\u2066${text}\u2069`;
}
