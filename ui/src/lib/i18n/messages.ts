// What the core says to a reader (a matching reason, a next step, a note, a
// refused value with the field it is about) arrives as a Message: a code,
// typed parameters and the English sentence.
// Here it is worded in the reader's language from `reason.<code>` in the
// message files. Counts choose their plural form, numbers and dates go
// through Intl, vocabulary words (weekdays, statuses, recognition kinds,
// language names, the kind of record a lookup missed, an import's fields)
// read as their own translated labels, and text people
// typed stays as typed. A core test checks every code has a message with
// the same placeholders in every language.
import type { Message } from "../bindings/Message";
import type { Param } from "../bindings/Param";
import { formatDate, formatList, formatMoney, formatPeriod, isMessageKey, languageName, t } from "./i18n.svelte";

/** The message in the current language (its English sentence if the code is unknown to this build). */
export function say(message: Message): string {
  const key = `reason.${message.code}`;
  if (!isMessageKey(key)) return message.text;
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(message.params)) {
    if (param) params[name] = value(param);
  }
  return t(key, params);
}

/** A vocabulary word's label, or the word itself when no file has one yet. */
function word(prefix: string, w: string): string {
  const key = `${prefix}${w}`;
  return isMessageKey(key) ? t(key) : w;
}

function value(param: Param): string | number {
  switch (param.type) {
    case "text":
    case "number":
      return param.value;
    case "date":
      return formatDate(param.value);
    case "period":
      return formatPeriod(param.value.first, param.value.last);
    case "weekday":
      return word("day.", param.value);
    case "status":
      return word("status.", param.value);
    case "invitation":
      return word("matching.status.", param.value);
    case "kind":
      return word("kind.", param.value);
    case "language":
      return languageName(param.value);
    case "spoken":
      return t("matching.spoken", { language: languageName(param.value.language), level: word("level.", param.value.level) });
    case "list":
      return formatList(param.value.map((p) => String(value(p))));
    case "either":
      return formatList(param.value.map((p) => String(value(p))), true);
    case "field":
      return word("field.", param.value);
    case "money":
      return formatMoney(param.value);
    case "expense":
      return word("expenseStatus.", param.value);
    case "thing":
      return word("thing.", param.value);
    case "import-field":
      return word("importField.", param.value);
  }
}
