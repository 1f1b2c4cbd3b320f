//! Where someone can take part from: the mode check (remote or in person),
//! the travel check, and the locality factor, all from one model.
//!
//! We record a person's region, never their address, and a project's
//! location as a region or as "place, region" (for example "Coventry, West
//! Midlands"). So locality is coarse on purpose:
//!
//! * **near**: the person's region is the project's location, or one of its
//!   comma-separated parts (case and spacing ignored): full locality points;
//! * **another region**: they travel at least `other_region_km` (default
//!   50 km): eligible for in-person work there, half the points;
//! * **remote**: they join a hybrid project online: a quarter of the points;
//! * a remote-only project, or an in-person one with no location recorded,
//!   does not score locality at all (nobody is nearer than anyone else).

use super::Context;
use super::constraints::{Constraint, Ineligibility};
use super::factors::{Points, Scored};
use super::messages::{Code, Message, Param};
use crate::model::AmbassadorDoc;

/// How someone would take part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    Near,
    OtherRegion,
    Remote,
    /// Locality does not apply (remote-only project, or no location).
    Anywhere,
}

/// Why someone cannot take part from where they are: a few cases, put in
/// words only for the people a coordinator is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unreachable {
    NoModeRecorded,
    InPersonOnly,
    RemoteOnly,
    TooFar,
}

impl Unreachable {
    pub fn explain(self, ctx: &Context, person: &AmbassadorDoc) -> Ineligibility {
        let p = &person.profile;
        match self {
            Unreachable::NoModeRecorded => Ineligibility::new(
                Constraint::Mode,
                Message::new(
                    Code::ModeNotRecorded,
                    "has not said whether they can take part remotely or in person",
                ),
                Some(Message::new(
                    Code::NextAskMode,
                    "ask them and record it on their profile",
                )),
            ),
            Unreachable::InPersonOnly => Ineligibility::new(
                Constraint::Mode,
                Message::new(
                    Code::ModeInPersonOnly,
                    "takes part in person only; this project is online",
                ),
                Some(Message::new(
                    Code::NextAskOnline,
                    "ask whether they could join online, and record it",
                )),
            ),
            Unreachable::RemoteOnly => Ineligibility::new(
                Constraint::Mode,
                Message::new(
                    Code::ModeRemoteOnly,
                    "takes part remotely only; this project is in person",
                ),
                Some(Message::new(
                    Code::NextAskInPerson,
                    "ask whether they could attend in person, and record it",
                )),
            ),
            Unreachable::TooFar => {
                let location = ctx.project.location.as_deref().unwrap_or("");
                let threshold = ctx.input.settings.other_region_km;
                let travel_km = p.availability.travel_km;
                let how_far = travel_km.map_or("has no travel distance recorded".into(), |km| {
                    format!("travels up to {km} km")
                });
                let text = format!(
                    "lives in {} and {how_far}; the project is in {location} \
                     (another region needs {threshold} km or more)",
                    p.region
                );
                let reason = match travel_km {
                    Some(km) => Message::new(Code::TravelTooFar, text).with("km", Param::count(km)),
                    None => Message::new(Code::TravelNoDistance, text),
                };
                Ineligibility::new(
                    Constraint::Travel,
                    reason
                        .with("region", Param::Text(p.region.clone()))
                        .with("location", Param::Text(location.to_string()))
                        .with("threshold", Param::count(threshold)),
                    Some(Message::new(
                        Code::NextAskTravel,
                        "ask whether they could travel there (and record how far they travel)",
                    )),
                )
            }
        }
    }
}

/// How the person would take part, or why they cannot.
pub(crate) fn reach(ctx: &Context, person: &AmbassadorDoc) -> Result<Reach, Unreachable> {
    let project = ctx.project;
    let p = &person.profile;
    let a = &p.availability;
    if !a.remote && !a.in_person {
        return Err(Unreachable::NoModeRecorded);
    }
    if project.remote && !project.in_person {
        return if a.remote {
            Ok(Reach::Anywhere)
        } else {
            Err(Unreachable::InPersonOnly)
        };
    }
    let in_person = if !a.in_person {
        Err(Unreachable::RemoteOnly)
    } else if project.location.is_none() {
        Ok(Reach::Anywhere)
    } else if ctx
        .location_parts
        .iter()
        .any(|part| same_tag(part, &p.region))
    {
        Ok(Reach::Near)
    } else {
        match a.travel_km {
            Some(km) if km >= ctx.input.settings.other_region_km => Ok(Reach::OtherRegion),
            _ => Err(Unreachable::TooFar),
        }
    };
    match in_person {
        Ok(reach) => Ok(reach),
        Err(_) if project.remote && a.remote => Ok(Reach::Remote),
        Err(e) => Err(e),
    }
}

/// Whether `text` reads as the already normalised tag `tag` (case and
/// spacing ignored), without allocating: this runs once per person.
pub(crate) fn same_tag(tag: &str, text: &str) -> bool {
    let mut words = tag.split(' ');
    for word in text.split_whitespace() {
        match words.next() {
            Some(w) if w.chars().eq(word.chars().flat_map(char::to_lowercase)) => {}
            _ => return false,
        }
    }
    !tag.is_empty() && words.next().is_none()
}

pub(crate) fn factor<'a>(
    ctx: &'a Context,
    person: &'a AmbassadorDoc,
    reach: Reach,
) -> Scored<impl FnOnce() -> Message + 'a> {
    let weight = ctx.input.settings.weights.locality;
    let points = match reach {
        Reach::Near => Points::share(weight, 1.0),
        Reach::OtherRegion => Points::share(weight, 0.5),
        Reach::Remote => Points::share(weight, 0.25),
        Reach::Anywhere => Points::NOT_APPLICABLE,
    };
    let reason = move || -> Message {
        let location = ctx.project.location.as_deref().unwrap_or("");
        let region = &person.profile.region;
        let region_param = || Param::Text(region.clone());
        match reach {
            Reach::Near => Message::new(
                Code::LocalityNear,
                format!("lives in {region}, where the project is"),
            )
            .with("region", region_param()),
            Reach::OtherRegion => {
                let km = person.profile.availability.travel_km.unwrap_or(0);
                Message::new(
                    Code::LocalityOtherRegion,
                    format!("lives in {region} and travels up to {km} km to {location}"),
                )
                .with("region", region_param())
                .with("km", Param::count(km))
                .with("location", Param::Text(location.to_string()))
            }
            Reach::Remote => Message::new(Code::LocalityRemote, "would join online"),
            Reach::Anywhere if ctx.project.in_person => Message::new(
                Code::LocalityNoLocation,
                "the project has no location recorded",
            ),
            Reach::Anywhere => {
                Message::new(Code::LocalityOnline, "the project is online: no travel")
            }
        }
    };
    Scored { points, reason }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::matching::Factor;

    #[test]
    fn near_other_region_and_remote() {
        let mut w = Fixture::new();
        w.project().location = Some("Croydon, London".into());
        let near = w.person("near");
        let s = w.score(&near, Factor::Locality);
        assert_eq!((s.points, s.max), (10, 10));
        assert_eq!(s.reason, "lives in London, where the project is");

        let mut far = w.person("far");
        far.profile.region = "Wales".into();
        far.profile.availability.travel_km = Some(50);
        assert_eq!(w.score(&far, Factor::Locality).points, 5);
        far.profile.availability.travel_km = Some(49);
        assert_eq!(w.failed(&far), [Constraint::Travel]);
        let why = &w.problems(&far)[0].reason;
        assert!(
            why.as_str()
                .contains("lives in Wales and travels up to 49 km"),
            "{why}"
        );

        // The same person can join a hybrid project online.
        w.project().remote = true;
        let s = w.score(&far, Factor::Locality);
        assert_eq!((s.points, s.reason.as_str()), (3, "would join online"));
    }

    #[test]
    fn modes_must_fit() {
        let mut w = Fixture::new();
        let mut online_only = w.person("online");
        online_only.profile.availability.in_person = false;
        assert_eq!(w.failed(&online_only), [Constraint::Mode]);

        w.project().remote = true;
        w.project().in_person = false;
        let s = w.score(&online_only, Factor::Locality);
        assert_eq!((s.points, s.max), (0, 0));
        let mut in_person_only = w.person("inperson");
        in_person_only.profile.availability.remote = false;
        assert_eq!(w.failed(&in_person_only), [Constraint::Mode]);

        let mut neither = w.person("neither");
        neither.profile.availability.remote = false;
        neither.profile.availability.in_person = false;
        assert_eq!(w.failed(&neither), [Constraint::Mode]);
    }

    #[test]
    fn no_location_means_locality_does_not_apply() {
        let mut w = Fixture::new();
        w.project().location = None;
        let mut far = w.person("far");
        far.profile.region = "Scotland".into();
        let s = w.score(&far, Factor::Locality);
        assert_eq!((s.points, s.max), (0, 0));
    }

    #[test]
    fn a_region_is_the_location_or_one_of_its_parts() {
        assert!(same_tag("north west", " North  WEST"));
        assert!(!same_tag("north west", "North"));
        assert!(!same_tag("north west", "West"));
        assert!(!same_tag("north", "North West"));
        assert!(!same_tag("", ""));
        let mut w = Fixture::new();
        w.project().location = Some("Salford,  North West".into());
        let mut p = w.person("p");
        p.profile.region = "north west".into();
        assert_eq!(w.score(&p, Factor::Locality).points, 10);
    }
}
