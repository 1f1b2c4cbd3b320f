//! Pathways over time: people moving into roles in the network (steering
//! group, advisory group, trustee, trainer, a paid role), counted when they
//! took the role on, and how many roles are held at the report's end.
//!
//! Archived people are counted: the role was still taken on.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Day, PathwayRole};

use super::{Month, PeopleCount, Period, Population, ReportOptions, Table, fill_months};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PathwaysReport {
    pub period: Period,
    /// The day roles "held" are counted on: the period's end, or today.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub today: Day,
    /// Roles taken on in the period.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entered: u64,
    /// How many different people took a role on in the period.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    /// Roles held on `today`.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub held: u64,
    /// Every month from the first to the last with a role taken on.
    pub by_month: Vec<PathwayMonth>,
    /// Every role, in the vocabulary's order.
    pub by_role: Vec<PathwayRoleRow>,
}

/// Roles taken on in one month, in all and per role.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PathwayMonth {
    pub month: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entered: u64,
    /// Role word to how many took it on; roles nobody took on are left out.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, number>"))]
    pub by_role: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PathwayRoleRow {
    pub role: PathwayRole,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub entered: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub people: u64,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub held: u64,
}

pub(super) fn build(population: &Population<'_>, options: &ReportOptions) -> PathwaysReport {
    let period = options.period;
    let mut by_month: BTreeMap<Month, PathwayMonth> = BTreeMap::new();
    let mut entered: BTreeMap<PathwayRole, (u64, PeopleCount)> = BTreeMap::new();
    let mut held: BTreeMap<PathwayRole, u64> = BTreeMap::new();
    let mut people = PeopleCount::default();
    for (person, doc) in population.ambassadors.iter().enumerate() {
        for p in doc.pathways.values() {
            if p.held_on(options.today) {
                *held.entry(p.role).or_default() += 1;
            }
            if !period.contains(p.from) {
                continue;
            }
            people.add(person);
            let role = entered.entry(p.role).or_default();
            role.0 += 1;
            role.1.add(person);
            let month = by_month.entry(Month::of(p.from)).or_default();
            month.entered += 1;
            *month
                .by_role
                .entry(p.role.as_str().to_string())
                .or_default() += 1;
        }
    }
    fill_months(&mut by_month);
    PathwaysReport {
        period,
        today: options.today,
        entered: entered.values().map(|(n, _)| n).sum(),
        people: people.get(),
        held: held.values().sum(),
        by_month: by_month
            .into_iter()
            .map(|(month, m)| PathwayMonth {
                month: month.key(),
                ..m
            })
            .collect(),
        by_role: PathwayRole::ALL
            .iter()
            .map(|role| {
                let (n, who) = entered.remove(role).unwrap_or_default();
                PathwayRoleRow {
                    role: *role,
                    entered: n,
                    people: who.get(),
                    held: held.get(role).copied().unwrap_or(0),
                }
            })
            .collect(),
    }
}

impl PathwaysReport {
    pub fn tables(&self) -> Vec<Table> {
        let mut columns = vec![("month", "Month"), ("entered", "Roles taken on")];
        columns.extend(PathwayRole::ALL.iter().map(|r| (r.as_str(), r.label())));
        let mut months = Table::new("pathways-by-month", &columns);
        for m in &self.by_month {
            let mut row = vec![m.month.clone().into(), m.entered.into()];
            row.extend(
                PathwayRole::ALL
                    .iter()
                    .map(|r| m.by_role.get(r.as_str()).copied().unwrap_or(0).into()),
            );
            months.row(row);
        }
        let mut roles = Table::new(
            "pathways-by-role",
            &[
                ("role", "Role"),
                ("entered", "Roles taken on"),
                ("people", "People"),
                ("held", "Held at the end"),
            ],
        );
        for r in &self.by_role {
            roles.row(vec![
                r.role.as_str().into(),
                r.entered.into(),
                r.people.into(),
                r.held.into(),
            ]);
        }
        vec![months, roles]
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::Fixture;
    use super::super::{Cell, Period, ReportOptions};
    use super::*;

    fn options(f: &Fixture, period: Period) -> ReportOptions {
        ReportOptions {
            period,
            today: f.day("2026-03-31"),
            quiet_months: 6,
        }
    }

    fn role(r: &PathwaysReport, role: PathwayRole) -> &PathwayRoleRow {
        r.by_role.iter().find(|row| row.role == role).unwrap()
    }

    #[test]
    fn pathways_match_the_hand_counted_figures() {
        let f = Fixture::new();
        let r = build(&f.population(), &options(&f, Period::default()));
        // Amina: steering group Sep 2025 - Jan 2026, trustee from Feb 2026;
        // Biniam: trainer from Mar 2026; Chen (archived): advisory group
        // Jun 2024 - Jun 2025. On 31 March 2026 Amina and Biniam hold theirs.
        assert_eq!((r.entered, r.people, r.held), (4, 3, 2));
        // June 2024 to March 2026, every month.
        assert_eq!(r.by_month.len(), 22);
        let busy: Vec<(&str, u64)> = r
            .by_month
            .iter()
            .filter(|m| m.entered > 0)
            .map(|m| (m.month.as_str(), m.entered))
            .collect();
        assert_eq!(
            busy,
            [
                ("2024-06", 1),
                ("2025-09", 1),
                ("2026-02", 1),
                ("2026-03", 1)
            ]
        );
        assert_eq!(r.by_month[0].by_role["advisory-group"], 1);
        let trustee = role(&r, PathwayRole::Trustee);
        assert_eq!((trustee.entered, trustee.people, trustee.held), (1, 1, 1));
        let steering = role(&r, PathwayRole::SteeringGroup);
        assert_eq!((steering.entered, steering.held), (1, 0));
        assert_eq!(role(&r, PathwayRole::PaidRole).entered, 0);
        assert_eq!(r.by_role.len(), PathwayRole::ALL.len());
    }

    #[test]
    fn a_period_counts_roles_taken_on_in_it_and_tables_have_a_column_per_role() {
        let f = Fixture::new();
        let q1 = Period::checked(Some(f.day("2026-01-01")), Some(f.day("2026-03-31"))).unwrap();
        let r = build(&f.population(), &options(&f, q1));
        assert_eq!((r.entered, r.people, r.held), (2, 2, 2));
        let tables = r.tables();
        assert_eq!(
            tables[0].headers,
            [
                "Month",
                "Roles taken on",
                "Steering group",
                "Advisory group",
                "Trustee",
                "Trainer",
                "Paid role",
                "Other role"
            ]
        );
        let n = |x: f64| Cell::Number(x);
        assert_eq!(
            tables[0].rows,
            [
                vec![
                    Cell::Text("2026-02".into()),
                    n(1.0),
                    n(0.0),
                    n(0.0),
                    n(1.0),
                    n(0.0),
                    n(0.0),
                    n(0.0)
                ],
                vec![
                    Cell::Text("2026-03".into()),
                    n(1.0),
                    n(0.0),
                    n(0.0),
                    n(0.0),
                    n(1.0),
                    n(0.0),
                    n(0.0)
                ],
            ]
        );
        // Files show the role's English name.
        let csv = super::super::table::csv_bytes(&tables[1..]).unwrap();
        let csv = String::from_utf8_lossy(&csv);
        assert!(csv.contains("\r\nTrustee,1,1,1\r\n"), "{csv}");
    }
}
