//! The weights and thresholds matching uses, with their defaults.
//!
//! A weight is the number of points a factor gives at a full match; the
//! factors' points add up to a candidate's total, so a coordinator can read
//! a score as "40 for required skills, 10 for languages, ...". The defaults
//! put required skills first, then the fairness factor, so that among people
//! who can do the work those who have been asked least come first.
//!
//! Settings live in the network document (`NetworkDoc::matching`), so every
//! coordinator in a network ranks alike; the app's settings screen and
//! `sanctuary match-settings` change them, and `sanctuary match --weight`
//! tries a different weight for one run without saving it. In Automerge
//! each weight is its own field, so two coordinators changing different
//! weights at once both keep theirs.

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use crate::matching::{Code, Param};
use crate::model::Invalid;
use crate::model::validate::{Field, out_of_range, unknown};

/// Points each factor gives at a full match (the fairness factor ranges
/// from minus to plus its weight), and the team-diversity bonuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Reconcile, Hydrate)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct MatchWeights {
    /// All of the project's required skills (proportional to how many).
    pub required_skills: i32,
    /// All of the desired skills (proportional).
    pub desired_skills: i32,
    /// Two or more interests related to the project (one gives half).
    pub interests: i32,
    /// All of the languages the project needs (proportional; basic counts half).
    pub languages: i32,
    /// Living in the project's region (another region half, joining remotely a quarter).
    pub locality: i32,
    /// Never taken part: plus this; asked many times recently: down to minus this.
    pub fairness: i32,
    /// Team selection: a member from a region the team does not have yet.
    pub team_region: i32,
    /// Team selection: per language the team does not speak yet (at most two counted).
    pub team_language: i32,
    /// Team selection: the first first-timer, or the first experienced member.
    pub team_experience: i32,
}

impl Default for MatchWeights {
    fn default() -> Self {
        MatchWeights {
            required_skills: 40,
            desired_skills: 15,
            interests: 10,
            languages: 20,
            locality: 10,
            fairness: 25,
            team_region: 12,
            team_language: 4,
            team_experience: 12,
        }
    }
}

impl MatchWeights {
    /// The names `set` accepts, as the CLI and the app show them.
    pub const NAMES: &'static [&'static str] = &[
        "required-skills",
        "desired-skills",
        "interests",
        "languages",
        "locality",
        "fairness",
        "team-region",
        "team-language",
        "team-experience",
    ];

    /// Sets one weight by name (0 turns a factor off; at most 1000).
    pub fn set(&mut self, name: &str, points: i32) -> Result<(), Invalid> {
        if !(0..=1000).contains(&points) {
            return Err(weight_out_of_range(name));
        }
        let slot = match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "required-skills" => &mut self.required_skills,
            "desired-skills" => &mut self.desired_skills,
            "interests" => &mut self.interests,
            "languages" => &mut self.languages,
            "locality" => &mut self.locality,
            "fairness" => &mut self.fairness,
            "team-region" => &mut self.team_region,
            "team-language" => &mut self.team_language,
            "team-experience" => &mut self.team_experience,
            _ => {
                return Err(unknown(
                    Field::Weight,
                    name,
                    Self::NAMES,
                    format!(
                        "'{name}' is not a weight; use one of: {}",
                        Self::NAMES.join(", ")
                    ),
                ));
            }
        };
        *slot = points;
        Ok(())
    }

    /// Every weight with its name, in the order of [`MatchWeights::NAMES`].
    pub fn named(&self) -> [(&'static str, i32); 9] {
        let w = self;
        let points = [
            w.required_skills,
            w.desired_skills,
            w.interests,
            w.languages,
            w.locality,
            w.fairness,
            w.team_region,
            w.team_language,
            w.team_experience,
        ];
        std::array::from_fn(|i| (Self::NAMES[i], points[i]))
    }

    /// Reads `name=points`, as given on the command line.
    pub fn set_from(&mut self, assignment: &str) -> Result<(), Invalid> {
        let bad = || {
            Invalid::new(
                Field::Weight,
                Code::InvalidWeightSetting,
                format!("'{assignment}' is not name=points, e.g. fairness=30"),
            )
            .with("value", Param::Text(assignment.to_string()))
        };
        let (name, points) = assignment.split_once('=').ok_or_else(bad)?;
        let points: i32 = points.trim().parse().map_err(|_| bad())?;
        self.set(name, points)
    }
}

/// A weight outside 0 to 1000 points, naming the weight when it is one.
fn weight_out_of_range(name: &str) -> Invalid {
    let english = format!("{name}: a weight is 0 to 1000 points");
    let word = format!(
        "weight-{}",
        name.trim().to_ascii_lowercase().replace('_', "-")
    );
    match Field::from_word(&word) {
        Some(weight) => Invalid::new(Field::Weight, Code::InvalidWeightOutOfRange, english)
            .with("weight", Param::Field(weight))
            .with("min", Param::count(0))
            .with("max", Param::count(1000)),
        None => out_of_range(Field::Weight, 0, 1000, english),
    }
}

/// Everything matching can be tuned by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Reconcile, Hydrate)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct MatchSettings {
    pub weights: MatchWeights,
    /// How far back "recently" reaches for the fairness factor, in months.
    pub recent_months: u32,
    /// The travel distance, in km, from which someone is asked to in-person
    /// work in another region. We record regions, not addresses, so this is
    /// the honest granularity: a region is "near"; elsewhere needs someone
    /// who said they travel at least this far.
    pub other_region_km: u32,
}

impl Default for MatchSettings {
    fn default() -> Self {
        MatchSettings {
            weights: MatchWeights::default(),
            recent_months: 6,
            other_region_km: 50,
        }
    }
}

impl MatchSettings {
    /// The limits a saved setting must keep: a weight is 0 to 1000 points,
    /// "recently" 1 to 36 months, the other-region distance 1 to 1000 km.
    pub fn validate(&self) -> Result<(), Invalid> {
        for (name, points) in self.weights.named() {
            if !(0..=1000).contains(&points) {
                return Err(weight_out_of_range(name));
            }
        }
        if !(1..=36).contains(&self.recent_months) {
            return Err(out_of_range(
                Field::RecentMonths,
                1,
                36,
                "\"recently\" is 1 to 36 months",
            ));
        }
        if !(1..=1000).contains(&self.other_region_km) {
            return Err(out_of_range(
                Field::OtherRegionKm,
                1,
                1000,
                "the distance for another region is 1 to 1000 km",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_set_by_name_and_refused_otherwise() {
        let mut w = MatchWeights::default();
        w.set_from("fairness=0").unwrap();
        w.set_from("Required_Skills = 55").unwrap();
        assert_eq!((w.fairness, w.required_skills), (0, 55));
        for bad in [
            "fairness",
            "fairness=x",
            "luck=3",
            "fairness=-1",
            "fairness=5000",
        ] {
            assert!(w.set_from(bad).is_err(), "{bad}");
        }
        for (i, name) in MatchWeights::NAMES.iter().enumerate() {
            w.set(name, i as i32).unwrap();
        }
        // Each name sets its own weight, and `named` reads them back in order.
        for (i, (name, points)) in w.named().into_iter().enumerate() {
            assert_eq!((name, points), (MatchWeights::NAMES[i], i as i32));
        }
    }

    #[test]
    fn settings_out_of_range_are_refused() {
        assert_eq!(MatchSettings::default().validate(), Ok(()));
        let mut s = MatchSettings::default();
        s.weights.locality = -1;
        assert!(s.validate().is_err());
        let never = MatchSettings {
            recent_months: 0,
            ..MatchSettings::default()
        };
        assert!(never.validate().is_err());
        let far = MatchSettings {
            other_region_km: 5000,
            ..MatchSettings::default()
        };
        assert!(far.validate().is_err());
    }

    #[test]
    fn missing_fields_take_their_defaults_in_json() {
        let s: MatchSettings = serde_json::from_str(r#"{"weights":{"fairness":3}}"#).unwrap();
        assert_eq!(s.weights.fairness, 3);
        assert_eq!(s.weights.required_skills, 40);
        assert_eq!(s.recent_months, 6);
    }
}
