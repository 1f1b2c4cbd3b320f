// Matching for the in-memory MockBackend: enough of the core's behaviour for
// the matching panel's component tests and for `npm run dev` (ranking with
// per-factor reasons, "not eligible" with a next step, a team that covers
// and lacks, the invitation lifecycle, a rota). Not the core's algorithm.
import type { AmbassadorDetail } from "../bindings/AmbassadorDetail";
import type { Candidate } from "../bindings/Candidate";
import type { FactorScore } from "../bindings/FactorScore";
import type { Invitation } from "../bindings/Invitation";
import type { InvitationInput } from "../bindings/InvitationInput";
import type { InvitationStatus } from "../bindings/InvitationStatus";
import type { MatchSettings } from "../bindings/MatchSettings";
import type { MatchView } from "../bindings/MatchView";
import type { NotEligible } from "../bindings/NotEligible";
import type { Project } from "../bindings/Project";
import type { RecognitionAdvice } from "../bindings/RecognitionAdvice";
import type { RotaPlan } from "../bindings/RotaPlan";
import type { RotaSummary } from "../bindings/RotaSummary";
import type { RotaTurn } from "../bindings/RotaTurn";
import type { RotaTurnInput } from "../bindings/RotaTurnInput";
import type { Team } from "../bindings/Team";
import type { RecognitionKind } from "../bindings/RecognitionKind";
import recognitionFixture from "../recognition/fixture.json";
import { ApiFailure } from "./backend";
import type { ErrorCode } from "../bindings/vocabularies";

export const TODAY = "2026-03-01";

/** The moves the core allows from each status (`InvitationStatus::may_follow`). */
export const NEXT: Record<InvitationStatus | "none", InvitationStatus[]> = {
  none: ["shortlisted", "invited"],
  shortlisted: ["invited", "withdrawn"],
  invited: ["accepted", "declined", "withdrawn"],
  accepted: ["declined", "withdrawn", "attended", "no-show"],
  declined: ["shortlisted", "invited"],
  withdrawn: ["shortlisted", "invited"],
  "no-show": ["attended"],
  attended: [],
};

/** The core's `MatchSettings::default()`, as a new mock network starts with them. */
export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  weights: {
    required_skills: 40,
    desired_skills: 15,
    interests: 10,
    languages: 20,
    locality: 10,
    fairness: 25,
    team_region: 12,
    team_language: 4,
    team_experience: 12,
  },
  recent_months: 6,
  other_region_km: 50,
};

/** The ranges `MatchSettings::validate` keeps. */
function checkSettings(s: MatchSettings): void {
  for (const [name, points] of Object.entries(s.weights)) {
    if (!Number.isInteger(points) || points < 0 || points > 1000) fail("invalid", `${name}: a weight is 0 to 1000 points`);
  }
  if (s.recent_months < 1 || s.recent_months > 36) fail("invalid", `"recently" is 1 to 36 months`);
  if (s.other_region_km < 1 || s.other_region_km > 1000) fail("invalid", "the distance for another region is 1 to 1000 km");
}

interface Rota {
  members: string[];
  seats: number;
  turns: RotaTurn[];
}

// Only codes the core or the shell can really return (generated from them),
// so the mock cannot drift into failures the app never gives.
function fail(code: ErrorCode, message: string): never {
  throw new ApiFailure({ code, message });
}

export class MockMatching {
  /** Invitations by project id, then ambassador id. */
  invitations = new Map<string, Map<string, Invitation>>();
  rotas = new Map<string, Rota>();
  settings: MatchSettings = structuredClone(DEFAULT_MATCH_SETTINGS);

  saveSettings(settings: MatchSettings): MatchSettings {
    checkSettings(settings);
    this.settings = structuredClone(settings);
    return this.settings;
  }

  constructor(
    private people: () => Iterable<AmbassadorDetail>,
    private project: (id: string) => Project,
  ) {}

  private status(projectId: string, ambassadorId: string): InvitationStatus | null {
    return this.invitations.get(projectId)?.get(ambassadorId)?.status ?? null;
  }

  private reasonsAgainst(p: Project, d: AmbassadorDetail): NotEligible["reasons"] {
    const reasons: NotEligible["reasons"] = [];
    if (d.profile.status !== "active") {
      reasons.push({ constraint: "status", reason: `is ${d.profile.status}`, next_step: "ask whether they would like to take part again" });
    }
    for (const course of p.required_training) {
      if (!d.training.some((t) => t.course_id === course)) {
        reasons.push({ constraint: "training", reason: `has not completed ${course}`, next_step: `needs training ${course} first` });
      }
    }
    return reasons;
  }

  private advice(p: Project, d: AmbassadorDetail): RecognitionAdvice {
    // What the core's default policy refuses for someone who may not be paid.
    const refused = recognitionFixture.options["not-allowed"].refused as RecognitionKind[];
    const cash = p.recognition.filter((k) => refused.includes(k));
    const other = p.recognition.filter((k) => !refused.includes(k));
    const advice: RecognitionAdvice = { offer: [...p.recognition], withheld: [], suggest: [], check_first: [], note: null };
    if (!cash.length) return advice;
    if (d.profile.payment === "not-allowed") {
      advice.offer = other;
      advice.withheld = cash;
      advice.suggest = (["travel-expenses", "meal", "certificate", "reference-letter"] as const).filter((k) => !other.includes(k));
      advice.note = `may not be paid: do not offer ${cash.join(" or ")}`;
    } else if (d.profile.payment === "check-first") {
      advice.check_first = cash;
      advice.note = `check first whether they may receive ${cash.join(" or ")}`;
    }
    return advice;
  }

  private candidate(p: Project, d: AmbassadorDetail): Candidate {
    const skills = d.profile.skills;
    const share = (wanted: string[], weight: number, what: string): [number, number, string] => {
      if (!wanted.length) return [0, 0, `the project lists no ${what} skills`];
      const has = wanted.filter((s) => skills.includes(s));
      const reason = has.length ? `has ${has.length} of ${wanted.length} ${what} skills (${has.join(", ")})` : `has none of the ${what} skills`;
      return [Math.round((weight * has.length) / wanted.length), weight, reason];
    };
    const speaks = d.profile.languages.map((l) => l.language);
    const asked = [...this.invitations.values()].filter((m) => m.has(d.profile.id)).length;
    const w = this.settings.weights;
    const rows: [FactorScore["factor"], [number, number, string]][] = [
      ["required-skills", share(p.required_skills, w.required_skills, "required")],
      ["desired-skills", share(p.desired_skills, w.desired_skills, "desired")],
      ["interests", d.profile.interests.length ? [5, 10, `one related interest (${d.profile.interests[0]})`] : [0, 10, "no related interests"]],
      ["languages", p.languages.length ? [p.languages.every((l) => speaks.includes(l)) ? 20 : 0, 20, `speaks ${speaks.join(", ")}`] : [0, 0, "the project needs no particular language"]],
      ["locality", p.location && d.profile.region === p.location ? [10, 10, `lives in ${p.location}`] : [5, 10, `lives in ${d.profile.region}, another region`]],
      ["fairness", asked ? [0, w.fairness, `asked ${asked} times recently`] : [w.fairness, w.fairness, "has never taken part: first-timers come first"]],
    ];
    const factors = rows.map(([factor, [points, max, reason]]) => ({ factor, points, max, reason }));
    return {
      ambassador_id: d.profile.id,
      display_name: d.profile.display_name,
      region: d.profile.region,
      total: factors.reduce((sum, f) => sum + f.points, 0),
      factors,
      first_timer: asked === 0,
      recent_opportunities: asked,
      invitation: this.status(p.id, d.profile.id),
      covers_skills: p.required_skills.filter((s) => skills.includes(s)),
      covers_languages: p.languages.filter((l) => speaks.includes(l)),
      recognition: this.advice(p, d),
      notes: d.profile.interpreter ? [`needs an interpreter (${d.profile.interpreter})`] : [],
    };
  }

  match(id: string, places: number | null, limit: number | null): MatchView {
    const p = this.project(id);
    const ranked: Candidate[] = [];
    const notEligible: NotEligible[] = [];
    for (const d of this.people()) {
      if (d.profile.archived) continue;
      const reasons = this.reasonsAgainst(p, d);
      if (reasons.length) {
        notEligible.push({ ambassador_id: d.profile.id, display_name: d.profile.display_name, region: d.profile.region, invitation: this.status(p.id, d.profile.id), reasons });
      } else {
        ranked.push(this.candidate(p, d));
      }
    }
    ranked.sort((a, b) => b.total - a.total || a.ambassador_id.localeCompare(b.ambassador_id));
    notEligible.sort((a, b) => a.reasons.length - b.reasons.length || a.ambassador_id.localeCompare(b.ambassador_id));
    const n = limit ?? Number.MAX_SAFE_INTEGER;
    return {
      project_id: p.id,
      project_title: p.title,
      today: TODAY,
      ranked: ranked.slice(0, n),
      ranked_count: ranked.length,
      not_eligible: notEligible.slice(0, n),
      not_eligible_count: notEligible.length,
      team: this.team(p, ranked, places ?? p.places),
    };
  }

  private team(p: Project, ranked: Candidate[], places: number): Team {
    const holding = (c: Candidate) => c.invitation === "invited" || c.invitation === "accepted";
    const out = (c: Candidate) => c.invitation === "declined" || c.invitation === "withdrawn" || c.invitation === "no-show";
    const chosen = [...ranked.filter(holding), ...ranked.filter((c) => !holding(c) && !out(c))].slice(0, places);
    const skills = new Set(chosen.flatMap((c) => c.covers_skills));
    const languages = new Set(chosen.flatMap((c) => c.covers_languages));
    return {
      places,
      members: chosen.map((c) => ({
        ambassador_id: c.ambassador_id,
        display_name: c.display_name,
        region: c.region,
        total: c.total,
        first_timer: c.first_timer,
        invitation: c.invitation,
        why: holding(c) ? [`already ${c.invitation}`] : c.covers_skills.length ? [`covers ${c.covers_skills.join(", ")}`] : [`scores ${c.total}`],
      })),
      covers: { required_skills: p.required_skills.filter((s) => skills.has(s)), languages: p.languages.filter((l) => languages.has(l)) },
      lacks: { required_skills: p.required_skills.filter((s) => !skills.has(s)), languages: p.languages.filter((l) => !languages.has(l)) },
      regions: [...new Set(chosen.map((c) => c.region))].sort(),
      languages: [...languages].sort(),
      first_timers: chosen.filter((c) => c.first_timer).length,
      experienced: chosen.filter((c) => !c.first_timer).length,
      unfilled: Math.max(0, places - chosen.length),
      notes: [],
    };
  }

  list(projectId: string): Invitation[] {
    this.project(projectId);
    return [...(this.invitations.get(projectId)?.values() ?? [])]
      .map((i) => structuredClone(i))
      .sort((a, b) => a.display_name.toLowerCase().localeCompare(b.display_name.toLowerCase()));
  }

  set(projectId: string, person: AmbassadorDetail, change: InvitationInput): Invitation {
    const p = this.project(projectId);
    const name = person.profile.display_name;
    const byPerson = this.invitations.get(projectId) ?? new Map<string, Invitation>();
    const current = byPerson.get(person.profile.id) ?? null;
    const from = current?.status ?? "none";
    if (!NEXT[from].includes(change.status)) {
      fail("invalid", `status: ${name}: an invitation that is ${from === "none" ? "not yet invited" : from} can become ${NEXT[from].join(" or ")}, not ${change.status}`);
    }
    if (change.status === "shortlisted" || change.status === "invited") {
      const reasons = this.reasonsAgainst(p, person);
      if (reasons.length) fail("not-eligible", `${name} cannot take part: ${reasons.map((r) => r.reason).join("; ")}`);
    }
    const hours = change.hours?.trim() || null;
    if (change.status === "attended" && !(Number(hours) > 0)) fail("invalid", "hours: say how many hours they gave");
    const date = change.date?.trim() || TODAY;
    const invitation: Invitation = current ?? { project_id: p.id, project_title: p.title, ambassador_id: person.profile.id, display_name: name, status: null, asked_on: null, history: [], next: [] };
    invitation.history.push({ status: change.status, date, note: change.note?.trim() || null, hours: change.status === "attended" ? hours : null, contribution_id: change.status === "attended" ? `contribution-${invitation.history.length}` : null });
    invitation.status = change.status;
    if (!invitation.asked_on && change.status !== "shortlisted" && change.status !== "withdrawn") invitation.asked_on = date;
    invitation.next = [...NEXT[change.status]];
    byPerson.set(person.profile.id, invitation);
    this.invitations.set(projectId, byPerson);
    return structuredClone(invitation);
  }

  private rota(projectId: string): Rota {
    this.project(projectId);
    return this.rotas.get(projectId) ?? { members: [], seats: 1, turns: [] };
  }

  private name(id: string): string {
    for (const d of this.people()) if (d.profile.id === id) return d.profile.display_name;
    return "(no longer on record)";
  }

  private turnsOf(rota: Rota, id: string, except: string | null): [number, string | null] {
    const mine = rota.turns.filter((t) => t.date !== except && t.ambassadors.includes(id)).map((t) => t.date).sort();
    return [mine.length, mine.at(-1) ?? null];
  }

  rotaSummary(projectId: string): RotaSummary {
    const rota = this.rota(projectId);
    const members = rota.members
      .map((id) => {
        const [turns, last] = this.turnsOf(rota, id, null);
        return { ambassador_id: id, display_name: this.name(id), turns, last_turn: last };
      })
      .sort((a, b) => a.turns - b.turns || (a.last_turn ?? "").localeCompare(b.last_turn ?? "") || a.ambassador_id.localeCompare(b.ambassador_id));
    return { seats: rota.seats, members, turns: structuredClone(rota.turns), spread: 0 };
  }

  editRota(projectId: string, add: string[], remove: string[], seats: number | null): RotaSummary {
    const rota = structuredClone(this.rota(projectId));
    for (const id of add) if (!rota.members.includes(id)) rota.members.push(id);
    for (const id of remove) {
      if (!rota.members.includes(id)) fail("not-found", `no rota member matches '${id}'`);
      rota.members = rota.members.filter((m) => m !== id);
    }
    if (seats !== null) {
      if (seats < 1 || seats > 20) fail("invalid", "seats: a meeting has 1 to 20 seats");
      rota.seats = seats;
    }
    this.rotas.set(projectId, rota);
    return this.rotaSummary(projectId);
  }

  rotaPlan(projectId: string, date: string | null): RotaPlan {
    const rota = this.rota(projectId);
    const on = date?.trim() || TODAY;
    const order = rota.members
      .map((id) => {
        const [turns, last] = this.turnsOf(rota, id, on);
        const reason = turns === 0 || !last ? "has not had a turn yet" : `${turns} turns so far, the last on ${last}`;
        return { ambassador_id: id, display_name: this.name(id), turns, last_turn: last, reason };
      })
      .sort((a, b) => a.turns - b.turns || (a.last_turn ?? "").localeCompare(b.last_turn ?? "") || a.ambassador_id.localeCompare(b.ambassador_id));
    return {
      date: on,
      seats: rota.seats,
      suggested: order.slice(0, rota.seats).map((o) => o.ambassador_id),
      order,
      not_eligible: [],
      recorded: structuredClone(rota.turns.find((t) => t.date === on) ?? null),
    };
  }

  assignTurn(projectId: string, turn: RotaTurnInput): RotaTurn {
    const rota = this.rota(projectId);
    if (!rota.members.length) fail("invalid", "rota: the project has no rota yet; add members first");
    const plan = this.rotaPlan(projectId, turn.date);
    const chosen = turn.ambassadors.length ? [...turn.ambassadors].sort() : [...plan.suggested].sort();
    const suggested = [...plan.suggested].sort();
    const reason = turn.reason?.trim() || null;
    if (chosen.length > rota.seats) fail("invalid", `rota: the meeting has ${rota.seats} seat(s)`);
    if (chosen.join() !== suggested.join() && !reason) fail("invalid", "reason: choosing someone other than the rota's fair suggestion needs a reason");
    const recorded: RotaTurn = { date: turn.date, ambassadors: chosen, suggested, override_reason: reason, recorded: TODAY };
    rota.turns = [...rota.turns.filter((t) => t.date !== turn.date), recorded].sort((a, b) => a.date.localeCompare(b.date));
    this.rotas.set(projectId, rota);
    return structuredClone(recorded);
  }
}
