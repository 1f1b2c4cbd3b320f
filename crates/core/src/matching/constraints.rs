//! Hard constraints: someone who fails one is not ranked but listed as "not
//! eligible", with every reason in plain words and, where a coordinator can
//! do something about it, the next step.
//!
//! The checks, all against the project's days (its start to its end):
//! status active; consent to be contacted in force today (and, for media
//! work, consent to media in force today and on the first day; where photos
//! or film are taken, consent to photography likewise; where a partner is
//! given their details, consent to sharing with partners today); a way of
//! taking part that fits the project's mode and place (see [`locality`]);
//! free on at least one of the project's weekdays (no days recorded means
//! not restricted); every required course completed by the first day and
//! still valid on the last day (a completion is valid up to and including
//! its expiry day, as the training screens show it); no open or accepted
//! invitation, nor a rota turn, in another project on overlapping days; and
//! not linked to the organisation whose work the project assesses.
//!
//! A payment constraint never makes someone ineligible: see [`recognition`].
//!
//! Each reason and next step is a [`Message`]: a code the app words in its
//! reader's language, with the English sentence for the CLI. Dates in the
//! English are written through `NaiveDate`'s own ISO display (the same
//! `YYYY-MM-DD` as `Day`'s), which skips parsing a format string.
//!
//! [`locality`]: super::locality
//! [`recognition`]: super::recognition

use serde::Serialize;

use super::Context;
use super::fairness::{Hold, PersonHistory};
use super::messages::{Code, Message, Param};
use crate::model::{AmbassadorDoc, ConsentScope, Day, Status, Weekday};

/// Which hard constraint failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Constraint {
    Status,
    ContactConsent,
    MediaConsent,
    PhotographyConsent,
    PartnerConsent,
    Mode,
    Travel,
    Days,
    Training,
    DoubleBooking,
    ConflictOfInterest,
}

/// One reason someone cannot take part, and what would change it. Only
/// the people a screen shows are put in words (see [`Findings`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ineligibility {
    pub constraint: Constraint,
    /// Completes "<name> ...", e.g. "is paused".
    pub reason: Message,
    /// What would change it, e.g. "offer them Safeguarding before 2026-03-14".
    pub next_step: Option<Message>,
}

impl Ineligibility {
    pub fn new(constraint: Constraint, reason: Message, next_step: Option<Message>) -> Self {
        Ineligibility {
            constraint,
            reason,
            next_step,
        }
    }
}

/// A message with no parameters.
fn fixed(code: Code, text: &str) -> Message {
    Message::new(code, text)
}

/// Where the checks put what they find. Ranking everyone only counts the
/// failures (no words are written for thousands of people); the people a
/// coordinator is shown get the reasons in words.
pub(crate) trait Findings {
    fn found(&mut self, why: impl FnOnce() -> Ineligibility);
}

/// Counts the failures.
impl Findings for u32 {
    fn found(&mut self, _why: impl FnOnce() -> Ineligibility) {
        *self += 1;
    }
}

/// Keeps every reason.
impl Findings for Vec<Ineligibility> {
    fn found(&mut self, why: impl FnOnce() -> Ineligibility) {
        self.push(why());
    }
}

/// Every hard constraint `person` fails, handed to `out` (nothing if eligible).
pub(crate) fn check(
    ctx: &Context,
    person: &AmbassadorDoc,
    history: Option<&PersonHistory>,
    out: &mut impl Findings,
) {
    let p = &person.profile;
    if p.status != Status::Active {
        out.found(|| {
            Ineligibility::new(
                Constraint::Status,
                Message::new(Code::Status, format!("is {}", p.status))
                    .with("status", Param::Status(p.status)),
                Some(fixed(
                    Code::NextSetActive,
                    "set their status to active when they want to take part again",
                )),
            )
        });
    }
    let today = ctx.input.today;
    consent(person, ConsentScope::Contact, today, today, out);
    if ctx.is_media() {
        consent(
            person,
            ConsentScope::Media,
            today,
            ctx.first.max(today),
            out,
        );
        let engagement = ctx
            .input
            .project
            .invitations
            .get(&p.id)
            .and_then(|i| i.media_consent.as_ref());
        if let Some(refused) = engagement.filter(|c| !c.agreed) {
            out.found(|| {
                Ineligibility::new(
                    Constraint::MediaConsent,
                    Message::new(
                        Code::EngagementRefused,
                        format!("said no to this engagement on {}", refused.date.0),
                    )
                    .with("date", Param::date(refused.date)),
                    None,
                )
            });
        }
    }
    if ctx.project.photography {
        consent(
            person,
            ConsentScope::Photography,
            today,
            ctx.first.max(today),
            out,
        );
    }
    if ctx.project.shares_with.is_some() {
        consent(person, ConsentScope::SharePartners, today, today, out);
    }
    if let Err(problem) = super::locality::reach(ctx, person) {
        out.found(|| problem.explain(ctx, person));
    }
    days(ctx, person, out);
    training(ctx, person, out);
    if let Some(history) = history {
        for hold in &history.holds {
            if hold.project_id != ctx.project.id && hold.first <= ctx.last && ctx.first <= hold.last
            {
                out.found(|| double_booking(hold));
            }
        }
    }
    if let (Some(org), Some(normalised)) = (&ctx.project.organisation, &ctx.organisation)
        && p.organisations.contains(normalised)
    {
        out.found(|| {
            Ineligibility::new(
                Constraint::ConflictOfInterest,
                Message::new(
                    Code::ConflictOfInterest,
                    format!("is linked to {org}, whose work this project assesses"),
                )
                .with("organisation", Param::Text(org.clone())),
                None,
            )
        });
    }
}

/// Finds a consent not in force on `today` and on `until`.
fn consent(
    person: &AmbassadorDoc,
    scope: ConsentScope,
    today: Day,
    until: Day,
    out: &mut impl Findings,
) {
    let constraint = match scope {
        ConsentScope::Media => Constraint::MediaConsent,
        ConsentScope::Photography => Constraint::PhotographyConsent,
        ConsentScope::SharePartners => Constraint::PartnerConsent,
        _ => Constraint::ContactConsent,
    };
    let what = match scope {
        ConsentScope::Media => "media work",
        ConsentScope::Photography => "being photographed or filmed",
        ConsentScope::SharePartners => "their details being shared with partner organisations",
        _ => "being contacted about opportunities",
    };
    // One code per scope, so each language can word each its own way:
    // `codes` are the contact, media, photography and partner ones.
    let code = |codes: [Code; 4]| match scope {
        ConsentScope::Media => codes[1],
        ConsentScope::Photography => codes[2],
        ConsentScope::SharePartners => codes[3],
        _ => codes[0],
    };
    if person.consent_in_force(scope, today).is_some() {
        if until != today && person.consent_in_force(scope, until).is_none() {
            out.found(|| {
                Ineligibility::new(
                    constraint,
                    Message::new(
                        code([
                            Code::ContactConsentDue,
                            Code::MediaConsentDue,
                            Code::PhotographyConsentDue,
                            Code::PartnerConsentDue,
                        ]),
                        format!("agreed to {what}, but that is due for review before the project"),
                    ),
                    Some(ask_again()),
                )
            });
        }
        return;
    }
    out.found(|| {
        let latest = person
            .consents
            .values()
            .filter(|c| c.scope == scope && c.date <= today)
            .max_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        match latest {
            None => Ineligibility::new(
                constraint,
                Message::new(
                    code([
                        Code::ContactConsentMissing,
                        Code::MediaConsentMissing,
                        Code::PhotographyConsentMissing,
                        Code::PartnerConsentMissing,
                    ]),
                    format!("has no consent to {what} recorded"),
                ),
                Some(fixed(
                    Code::NextAskConsent,
                    "ask whether they agree, and record their answer",
                )),
            ),
            Some(c) if !c.agreed => Ineligibility::new(
                constraint,
                Message::new(
                    code([
                        Code::ContactConsentRefused,
                        Code::MediaConsentRefused,
                        Code::PhotographyConsentRefused,
                        Code::PartnerConsentRefused,
                    ]),
                    format!("said no to {what} on {}", c.date.0),
                )
                .with("date", Param::date(c.date)),
                None,
            ),
            Some(c) => {
                let reason = match c.review {
                    Some(review) => Message::new(
                        code([
                            Code::ContactConsentLapsed,
                            Code::MediaConsentLapsed,
                            Code::PhotographyConsentLapsed,
                            Code::PartnerConsentLapsed,
                        ]),
                        format!(
                            "agreed to {what}, but that was due for review on {}",
                            review.0
                        ),
                    )
                    .with("date", Param::date(review)),
                    None => Message::new(
                        code([
                            Code::ContactConsentLapsedEarlier,
                            Code::MediaConsentLapsedEarlier,
                            Code::PhotographyConsentLapsedEarlier,
                            Code::PartnerConsentLapsedEarlier,
                        ]),
                        format!("agreed to {what}, but that was due for review on an earlier day"),
                    ),
                };
                Ineligibility::new(constraint, reason, Some(ask_again()))
            }
        }
    });
}

fn ask_again() -> Message {
    fixed(Code::NextAskAgain, "ask them again and record their answer")
}

fn days(ctx: &Context, person: &AmbassadorDoc, out: &mut impl Findings) {
    let a = &person.profile.availability;
    // One pass over the days recorded (this runs for everyone).
    let mut recorded = false;
    for (day, _) in a.days.iter().filter(|(_, free)| **free) {
        recorded = true;
        if Weekday::from_word(day).is_some_and(|d| ctx.weekdays.contains(&d)) {
            return;
        }
    }
    if !recorded {
        return; // Not recorded: not restricted.
    }
    out.found(|| {
        let free: Vec<Weekday> = Weekday::ALL
            .iter()
            .copied()
            .filter(|d| a.has_day(*d))
            .collect();
        let words = |days: &[Weekday]| {
            days.iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let list =
            |days: &[Weekday]| Param::List(days.iter().map(|&d| Param::Weekday(d)).collect());
        Ineligibility::new(
            Constraint::Days,
            Message::new(
                Code::Days,
                format!(
                    "is usually free on {}; the project is on {}",
                    words(&free),
                    words(&ctx.weekdays)
                ),
            )
            .with("free", list(&free))
            .with("on", list(&ctx.weekdays)),
            Some(fixed(
                Code::NextCheckDays,
                "check with them, and update their availability if it has changed",
            )),
        )
    });
}

pub(crate) fn weekday(day: Day) -> Weekday {
    use chrono::Datelike;
    match day.0.weekday() {
        chrono::Weekday::Mon => Weekday::Mon,
        chrono::Weekday::Tue => Weekday::Tue,
        chrono::Weekday::Wed => Weekday::Wed,
        chrono::Weekday::Thu => Weekday::Thu,
        chrono::Weekday::Fri => Weekday::Fri,
        chrono::Weekday::Sat => Weekday::Sat,
        chrono::Weekday::Sun => Weekday::Sun,
    }
}

fn training(ctx: &Context, person: &AmbassadorDoc, out: &mut impl Findings) {
    for course_id in ctx.project.required_training.iter() {
        let course = ctx.input.catalog.courses.get(course_id);
        // The latest completion by the first day, and the earliest after it.
        let (mut in_time, mut too_late): (Option<Day>, Option<Day>) = (None, None);
        for t in person
            .training
            .values()
            .filter(|t| t.course_id == course_id)
        {
            if t.completed <= ctx.first {
                in_time = in_time.max(Some(t.completed));
            } else {
                too_late = Some(too_late.map_or(t.completed, |d| d.min(t.completed)));
            }
        }
        let expires = in_time.and_then(|done| course.and_then(|c| c.expiry(done)));
        if in_time.is_some() && expires.is_none_or(|until| until >= ctx.last) {
            continue; // Done in time, and valid throughout.
        }
        out.found(|| {
            let title = course.map_or(course_id, |c| c.title.as_str());
            let first = ctx.first.0;
            let course = || Param::Text(title.to_string());
            let next = |code: Code, text: String| {
                Message::new(code, text)
                    .with("course", course())
                    .with("first", Param::date(ctx.first))
            };
            let (reason, next) = match (expires, too_late) {
                (Some(until), _) => {
                    let reason = if until < ctx.first {
                        Message::new(
                            Code::TrainingExpiresBefore,
                            format!(
                                "has {title} valid only until {}; the project is on {first}",
                                until.0
                            ),
                        )
                        .with("first", Param::date(ctx.first))
                    } else {
                        Message::new(
                            Code::TrainingExpiresDuring,
                            format!(
                                "has {title} valid only until {}; the project runs until {}",
                                until.0, ctx.last.0
                            ),
                        )
                        .with("last", Param::date(ctx.last))
                    };
                    (
                        reason
                            .with("course", course())
                            .with("until", Param::date(until)),
                        next(
                            Code::NextBookRefresher,
                            format!("book them on a {title} refresher before {first}"),
                        ),
                    )
                }
                (None, Some(later)) => (
                    Message::new(
                        Code::TrainingCompletedLate,
                        format!(
                            "completed {title} on {}, after the project starts on {first}",
                            later.0
                        ),
                    )
                    .with("course", course())
                    .with("completed", Param::date(later))
                    .with("first", Param::date(ctx.first)),
                    next(
                        Code::NextNeedsBefore,
                        format!("they need {title} before {first}"),
                    ),
                ),
                (None, None) => (
                    Message::new(Code::TrainingMissing, format!("needs {title} first"))
                        .with("course", course()),
                    next(
                        Code::NextOfferCourse,
                        format!("offer them {title} before {first}"),
                    ),
                ),
            };
            Ineligibility::new(Constraint::Training, reason, Some(next))
        });
    }
}

fn double_booking(hold: &Hold) -> Ineligibility {
    let dates = if hold.first == hold.last {
        format!("on {}", hold.first.0)
    } else {
        format!("from {} to {}", hold.first.0, hold.last.0)
    };
    let (code, what) = match hold.status {
        None => (
            Code::DoubleBookingTurn,
            format!("has a turn at '{}' {dates}", hold.title),
        ),
        Some(crate::model::InvitationStatus::Accepted) => (
            Code::DoubleBookingAccepted,
            format!("has accepted '{}' {dates}", hold.title),
        ),
        Some(_) => (
            Code::DoubleBookingInvited,
            format!("is invited to '{}' {dates}", hold.title),
        ),
    };
    Ineligibility::new(
        Constraint::DoubleBooking,
        Message::new(code, format!("{what}, which overlaps"))
            .with("project", Param::Text(hold.title.to_string()))
            .with(
                "dates",
                Param::Period {
                    first: hold.first.to_string(),
                    last: hold.last.to_string(),
                },
            ),
        Some(fixed(
            Code::NextWithdrawOther,
            "if they prefer this one, record that they withdrew from the other first",
        )),
    )
}

#[cfg(test)]
#[path = "constraints_tests.rs"]
mod tests;
