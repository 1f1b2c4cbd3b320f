//! Participation and representation: who has not been offered anything for a
//! while, and how invitations spread across regions and languages, and to
//! first-timers, against the make-up of the network.
//!
//! An offer is an invitation's `invited` event: being shortlisted is not an
//! offer. The network's make-up is its active members (not paused, alumni or
//! archived), counted only from what their profile holds with their consent
//! (region and languages); the app keeps no other diversity data.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{AmbassadorDoc, Day, InvitationStatus, Status};

use super::{Population, ReportOptions, Table};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ParticipationReport {
    pub period: super::Period,
    /// The day "recently" is counted back from.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub today: Day,
    pub quiet_months: u32,
    /// Active members of the network.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub members: u64,
    /// Offers made in the period, and to how many people.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub invitations: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people_invited: u64,
    /// People invited in the period whose first offer ever fell in it.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub first_timers: u64,
    /// People invited in the period who had been offered something before it.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub returning: u64,
    /// Active members never offered anything at all.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub never_offered: u64,
    /// Active members not offered anything in the last `quiet_months`, longest wait first.
    pub not_offered: Vec<NotOffered>,
    pub by_region: Vec<ShareRow>,
    pub by_language: Vec<ShareRow>,
    /// `first-timers` (members not offered anything before the period, and
    /// the offers to them) beside `returning` (offered something before).
    pub by_experience: Vec<ShareRow>,
}

/// Someone left out lately: who, where, and when they were last offered anything.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NotOffered {
    pub id: String,
    pub name: String,
    pub region: String,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub last_offered: Option<Day>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub joined: Day,
}

/// One region or language: its share of the network beside its share of the offers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ShareRow {
    pub key: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub members: u64,
    /// Of the active members, 0 to 1.
    pub member_share: f64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub invitations: u64,
    /// Of the period's offers, 0 to 1.
    pub invitation_share: f64,
}

fn is_member(doc: &AmbassadorDoc) -> bool {
    doc.profile.status == Status::Active && !doc.profile.archived
}

pub(super) fn build(population: &Population<'_>, options: &ReportOptions) -> ParticipationReport {
    let period = options.period;
    let recent_from = Day(options.today.0 - chrono::Months::new(options.quiet_months));

    // Every offer ever made, per person: (project, day).
    let mut offers: BTreeMap<&str, Vec<Day>> = BTreeMap::new();
    for project in &population.projects {
        for invitation in project.invitations.values() {
            for event in invitation.events.values() {
                if event.status == InvitationStatus::Invited {
                    offers
                        .entry(invitation.ambassador_id.as_str())
                        .or_default()
                        .push(event.date);
                }
            }
        }
    }

    let by_id: BTreeMap<&str, &AmbassadorDoc> = population
        .ambassadors
        .iter()
        .map(|d| (d.id(), *d))
        .collect();
    let members: Vec<&AmbassadorDoc> = population
        .ambassadors
        .iter()
        .copied()
        .filter(|d| is_member(d))
        .collect();

    let mut region_members: BTreeMap<&str, u64> = BTreeMap::new();
    let mut language_members: BTreeMap<&str, u64> = BTreeMap::new();
    let mut not_offered = Vec::new();
    let mut never_offered = 0;
    let offered_before = |days: &[Day]| {
        period
            .from
            .is_some_and(|from| days.iter().any(|d| *d < from))
    };
    let mut experience_members: BTreeMap<&str, u64> = BTreeMap::new();
    for doc in &members {
        *region_members
            .entry(doc.profile.region.as_str())
            .or_default() += 1;
        for language in doc.profile.languages.keys() {
            *language_members.entry(language.as_str()).or_default() += 1;
        }
        let days = offers.get(doc.id()).map(Vec::as_slice).unwrap_or(&[]);
        *experience_members
            .entry(experience(offered_before(days)))
            .or_default() += 1;
        let last = days.iter().filter(|d| **d <= options.today).max().copied();
        if last.is_none() {
            never_offered += 1;
        }
        if last.is_none_or(|d| d <= recent_from) {
            not_offered.push(NotOffered {
                id: doc.id().to_string(),
                name: doc.profile.display_name.clone(),
                region: doc.profile.region.clone(),
                last_offered: last,
                joined: doc.profile.joined,
            });
        }
    }
    // Never offered first (the longest-standing member first), then the oldest offer.
    not_offered.sort_by(|a, b| {
        (
            a.last_offered.is_some(),
            a.last_offered,
            a.joined,
            &a.name,
            &a.id,
        )
            .cmp(&(
                b.last_offered.is_some(),
                b.last_offered,
                b.joined,
                &b.name,
                &b.id,
            ))
    });

    let mut region_offers: BTreeMap<&str, u64> = BTreeMap::new();
    let mut language_offers: BTreeMap<&str, u64> = BTreeMap::new();
    let mut experience_offers: BTreeMap<&str, u64> = BTreeMap::new();
    let mut invited = BTreeSet::new();
    let (mut invitations, mut first_timers, mut returning) = (0, 0, 0);
    for (id, days) in &offers {
        let in_period = days.iter().filter(|d| period.contains(**d)).count() as u64;
        if in_period == 0 {
            continue;
        }
        invitations += in_period;
        invited.insert(*id);
        let before = offered_before(days);
        if before {
            returning += 1;
        } else {
            first_timers += 1;
        }
        *experience_offers.entry(experience(before)).or_default() += in_period;
        // An offer to someone whose profile is gone (erased) still counts,
        // under no region or language.
        if let Some(doc) = by_id.get(id) {
            *region_offers
                .entry(doc.profile.region.as_str())
                .or_default() += in_period;
            for language in doc.profile.languages.keys() {
                *language_offers.entry(language.as_str()).or_default() += in_period;
            }
        }
    }

    ParticipationReport {
        period,
        today: options.today,
        quiet_months: options.quiet_months,
        members: members.len() as u64,
        invitations,
        people_invited: invited.len() as u64,
        first_timers,
        returning,
        never_offered,
        not_offered,
        by_region: shares(
            region_members,
            region_offers,
            members.len() as u64,
            invitations,
        ),
        by_language: shares(
            language_members,
            language_offers,
            members.len() as u64,
            invitations,
        ),
        by_experience: {
            // Both groups always, first-timers first.
            experience_members.entry(experience(false)).or_default();
            experience_members.entry(experience(true)).or_default();
            let mut rows = shares(
                experience_members,
                experience_offers,
                members.len() as u64,
                invitations,
            );
            rows.sort_by_key(|r| r.key != experience(false));
            rows
        },
    }
}

/// The group a person falls in for offers in the period.
fn experience(offered_before: bool) -> &'static str {
    if offered_before {
        "returning"
    } else {
        "first-timers"
    }
}

/// Members and offers side by side, largest part of the network first.
fn shares(
    members: BTreeMap<&str, u64>,
    offers: BTreeMap<&str, u64>,
    member_total: u64,
    offer_total: u64,
) -> Vec<ShareRow> {
    let share = |n: u64, total: u64| {
        if total == 0 {
            0.0
        } else {
            (n as f64 / total as f64 * 1000.0).round() / 1000.0
        }
    };
    let keys: BTreeSet<&str> = members.keys().chain(offers.keys()).copied().collect();
    let mut rows: Vec<ShareRow> = keys
        .into_iter()
        .map(|key| {
            let m = members.get(key).copied().unwrap_or(0);
            let o = offers.get(key).copied().unwrap_or(0);
            ShareRow {
                key: key.to_string(),
                members: m,
                member_share: share(m, member_total),
                invitations: o,
                invitation_share: share(o, offer_total),
            }
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse((r.members, r.invitations)));
    rows
}

fn percent(share: f64) -> f64 {
    (share * 1000.0).round() / 10.0
}

impl ParticipationReport {
    pub fn tables(&self) -> Vec<Table> {
        let share_table = |name: &str, first: (&str, &str), rows: &[ShareRow]| {
            let mut t = Table::new(
                name,
                &[
                    first,
                    ("members", "Active members"),
                    ("member-share", "Share of the network (%)"),
                    ("offers", "Offers"),
                    ("offer-share", "Share of offers (%)"),
                ],
            );
            for r in rows {
                t.row(vec![
                    r.key.clone().into(),
                    r.members.into(),
                    percent(r.member_share).into(),
                    r.invitations.into(),
                    percent(r.invitation_share).into(),
                ]);
            }
            t
        };
        let mut quiet = Table::new(
            "not-offered-recently",
            &[
                ("name", "Name"),
                ("region", "Region"),
                ("last-offered", "Last offered"),
                ("joined", "Joined"),
            ],
        );
        for p in &self.not_offered {
            quiet.row(vec![
                p.name.clone().into(),
                p.region.clone().into(),
                // Empty for never: the app says "never" in the reader's language.
                p.last_offered
                    .map_or_else(String::new, |d| d.to_string())
                    .into(),
                p.joined.to_string().into(),
            ]);
        }
        vec![
            share_table("offers-by-region", ("region", "Region"), &self.by_region),
            share_table(
                "offers-by-language",
                ("language", "Language"),
                &self.by_language,
            ),
            share_table(
                "offers-by-experience",
                ("group", "Offered before the period"),
                &self.by_experience,
            ),
            quiet,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::super::{Period, ReportOptions};
    use super::*;

    fn options(f: &Fixture, period: Period) -> ReportOptions {
        ReportOptions {
            period,
            today: f.day("2026-03-31"),
            quiet_months: 6,
        }
    }

    #[test]
    fn participation_matches_the_hand_counted_figures() {
        let f = Fixture::new();
        let r = build(&f.population(), &options(&f, Period::default()));
        // Chen is archived: not a member, but the offer to Chen still counts.
        assert_eq!(r.members, 3);
        assert_eq!((r.invitations, r.people_invited), (4, 3));
        assert_eq!((r.first_timers, r.returning), (3, 0));
        assert_eq!(r.never_offered, 1);
        let quiet: Vec<(&str, Option<Day>)> = r
            .not_offered
            .iter()
            .map(|p| (p.name.as_str(), p.last_offered))
            .collect();
        assert_eq!(quiet, [("Dawit", None)]);

        let regions = rows(&r.by_region);
        // West Midlands is a third of the members but had three of the four offers.
        assert_eq!(
            regions,
            [
                ("Yorkshire", 2, 0.667, 1, 0.25),
                ("West Midlands", 1, 0.333, 3, 0.75)
            ]
        );
        let english = r.by_language.iter().find(|s| s.key == "english").unwrap();
        assert_eq!(
            (
                english.members,
                english.invitations,
                english.invitation_share
            ),
            (2, 3, 0.75)
        );
        let amharic = r.by_language.iter().find(|s| s.key == "amharic").unwrap();
        assert_eq!((amharic.members, amharic.invitations), (1, 0));
        let vietnamese = r
            .by_language
            .iter()
            .find(|s| s.key == "vietnamese")
            .unwrap();
        assert_eq!((vietnamese.members, vietnamese.invitations), (0, 1));
        // With no start to the period, nobody was offered anything before it.
        let groups: Vec<(&str, u64, u64)> = r
            .by_experience
            .iter()
            .map(|s| (s.key.as_str(), s.members, s.invitations))
            .collect();
        assert_eq!(groups, [("first-timers", 3, 4), ("returning", 0, 0)]);
    }

    /// Each share as (key, members, member share, invitations, invitation share).
    fn rows(shares: &[ShareRow]) -> Vec<(&str, u64, f64, u64, f64)> {
        shares
            .iter()
            .map(|s| {
                (
                    s.key.as_str(),
                    s.members,
                    s.member_share,
                    s.invitations,
                    s.invitation_share,
                )
            })
            .collect()
    }

    #[test]
    fn first_timers_are_counted_against_the_period_and_quiet_people_by_months() {
        let f = Fixture::new();
        let q1 = Period::checked(Some(f.day("2026-01-01")), Some(f.day("2026-03-31"))).unwrap();
        let r = build(&f.population(), &options(&f, q1));
        // Amina had an offer in August 2025; Chen and Biniam were first asked this quarter.
        assert_eq!((r.invitations, r.first_timers, r.returning), (3, 2, 1));
        // Biniam and Dawit had not been offered anything before January
        // (two thirds of the members) and had two of the three offers.
        let groups = rows(&r.by_experience);
        assert_eq!(
            groups,
            [
                ("first-timers", 2, 0.667, 2, 0.667),
                ("returning", 1, 0.333, 1, 0.333)
            ]
        );
        assert_eq!(r.tables()[2].name, "offers-by-experience");

        let mut late = options(&f, Period::default());
        late.today = f.day("2026-09-30");
        let names: Vec<String> = build(&f.population(), &late)
            .not_offered
            .into_iter()
            .map(|p| p.name)
            .collect();
        // Six months on, everyone active is quiet: Dawit (never) first, then
        // Amina (January) before Biniam (March).
        assert_eq!(names, ["Dawit", "Amina", "Biniam"]);
    }
}
