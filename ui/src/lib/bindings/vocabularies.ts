// Generated from sanctuary-core (cargo test -p sanctuary-app export_bindings): every word of each core vocabulary and the constants the UI shares with the core. Do not edit.
import type { Status } from "./Status";
import type { PaymentConstraint } from "./PaymentConstraint";
import type { Channel } from "./Channel";
import type { LanguageLevel } from "./LanguageLevel";
import type { Weekday } from "./Weekday";
import type { TimeOfDay } from "./TimeOfDay";
import type { ConsentScope } from "./ConsentScope";
import type { Stream } from "./Stream";
import type { Level } from "./Level";
import type { DeliveryMode } from "./DeliveryMode";
import type { RecognitionKind } from "./RecognitionKind";
import type { Verdict } from "./Verdict";
import type { ExpenseStatus } from "./ExpenseStatus";
import type { InvitationStatus } from "./InvitationStatus";
import type { PathwayRole } from "./PathwayRole";

export const STATUSES: readonly Status[] = ["active", "paused", "alumni"];

export const PAYMENT_CONSTRAINTS: readonly PaymentConstraint[] = ["allowed", "not-allowed", "check-first"];

export const CHANNELS: readonly Channel[] = ["email", "phone", "sms", "whatsapp", "signal", "in-person"];

export const LANGUAGE_LEVELS: readonly LanguageLevel[] = ["basic", "conversational", "fluent", "native"];

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export const TIMES_OF_DAY: readonly TimeOfDay[] = ["morning", "afternoon", "evening"];

export const CONSENT_SCOPES: readonly ConsentScope[] = ["profile", "contact", "media", "photography", "share-partners"];

export const STREAMS: readonly Stream[] = ["schools", "universities", "local-authorities", "health", "awards-panel", "media", "advisory-group", "training", "focus-group", "other"];

export const LEVELS: readonly Level[] = ["local", "regional", "strategic"];

export const DELIVERY_MODES: readonly DeliveryMode[] = ["in-person", "online", "blended"];

export const RECOGNITION_KINDS: readonly RecognitionKind[] = ["thanks", "certificate", "reference-letter", "voucher", "gift-card", "allowance", "travel-expenses", "meal", "gift", "time-credits", "payment", "nomination"];

export const VERDICTS: readonly Verdict[] = ["allowed", "refused", "check"];

export const EXPENSE_STATUSES: readonly ExpenseStatus[] = ["claimed", "approved", "paid-back"];

export const INVITATION_STATUSES: readonly InvitationStatus[] = ["shortlisted", "invited", "accepted", "declined", "withdrawn", "attended", "no-show"];

export const PATHWAY_ROLES: readonly PathwayRole[] = ["steering-group", "advisory-group", "trustee", "trainer", "paid-role", "other"];

/** Kinds that record an amount in pounds. */
export const MONEY_KINDS: readonly RecognitionKind[] = ["voucher", "gift-card", "allowance", "travel-expenses", "meal", "gift", "payment"];

/** Kinds that pay back costs actually incurred: they carry a receipt and a claim status. (Who may receive what is the network's policy, read from the backend.) */
export const REIMBURSEMENT_KINDS: readonly RecognitionKind[] = ["travel-expenses", "meal"];

/** Days before expiry a training reminder shows, widest first. */
export const REMINDER_DAYS: readonly number[] = [60, 30, 7];

/** Every error code a command can fail with; each has an `errorCode.*` message. */
export const ERROR_CODES = ["wrong-passphrase", "store-in-use", "no-store", "store-exists", "damaged", "store", "invalid", "not-found", "ambiguous", "payment-not-allowed", "check-first", "prerequisite", "not-eligible", "report", "internal", "not-a-bundle", "bundle-altered", "newer-version", "bundle-too-large", "not-an-invite", "wrong-code", "invite-expired", "other-network", "unknown-device", "device-revoked", "not-a-member", "unknown-key-epoch", "invite-used", "bad-signed-change", "missing-person-key", "io", "bad-backup", "bad-file", "bad-import", "not-a-device", "locked", "busy", "self-view", "not-self-view"] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
