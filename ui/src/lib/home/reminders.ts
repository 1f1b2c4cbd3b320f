// Training reminders grouped as the home screen shows them: expired first,
// then what expires within 7, 30 and 60 days (the core's bands), soonest
// first inside each group.
import type { ExpiringTraining } from "../bindings/ExpiringTraining";
import { t } from "../i18n/i18n.svelte";

export type Band = "expired" | 7 | 30 | 60;

export interface ReminderGroup {
  band: Band;
  rows: ExpiringTraining[];
}

const ORDER: Band[] = ["expired", 7, 30, 60];

export function reminderGroups(rows: ExpiringTraining[]): ReminderGroup[] {
  const byBand = new Map<Band, ExpiringTraining[]>();
  for (const row of rows) {
    const band: Band | null = row.state === "expired" ? "expired" : (row.reminder as Band | null);
    if (band === null) continue;
    const list = byBand.get(band) ?? [];
    list.push(row);
    byBand.set(band, list);
  }
  return ORDER.filter((band) => byBand.has(band)).map((band) => ({
    band,
    rows: byBand.get(band)!.sort((a, b) => (a.days_left ?? 0) - (b.days_left ?? 0)),
  }));
}

/** "Expires in 12 days" within the widest band, "Expired 3 days ago" after; else null. */
export function reminderText(daysLeft: number | null): string | null {
  if (daysLeft === null || daysLeft > 60) return null;
  if (daysLeft < 0) return t("reminder.expiredAgo", { days: -daysLeft });
  return t("reminder.inDays", { days: daysLeft });
}
