// A suggestion in plain words, for the person who made it and for the
// coordinator deciding on it.
import type { SuggestionRow } from "../bindings/SuggestionRow";
import { formatItems, t } from "../i18n/i18n.svelte";

export function suggestionText(s: SuggestionRow): string {
  const c = s.change;
  const course = s.course_title ?? "";
  switch (c.kind) {
    case "confidence":
      return t("suggestion.confidenceText", { course, after: c.after });
    case "reflection":
      return t("suggestion.reflectionText", { course, text: c.text });
    case "hours":
      return t("suggestion.hoursText", { hours: c.hours, date: c.date, role: c.role });
    case "contact":
      return t("suggestion.contactText", {
        details: formatItems([c.email ?? "", c.phone ?? "", c.channel ? t(`channel.${c.channel}`) : ""].filter(Boolean)),
      });
  }
}
