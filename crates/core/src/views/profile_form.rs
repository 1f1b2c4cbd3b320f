//! A profile as its editor shows it and sends it back: every field, sets as
//! lists in a stable order, text as typed. The app's profile form and any
//! other front end read and write a profile through this one shape, so
//! blank text, language names and availability are read the same way
//! everywhere.

use serde::{Deserialize, Serialize};

use super::form::{opt_text, parse_day, words};
use crate::model::{
    self as m, Channel, LanguageLevel, PaymentConstraint, Status, Tags, TimeOfDay, Weekday,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LanguageSkill {
    pub language: String,
    pub level: LanguageLevel,
}

impl LanguageSkill {
    /// A profile's languages with their levels, in the profile's order.
    pub fn of(profile: &m::Profile) -> Vec<LanguageSkill> {
        profile
            .languages
            .iter()
            .map(|(language, level)| LanguageSkill {
                language: language.clone(),
                level: *level,
            })
            .collect()
    }
}

/// The availability part of the profile form: days and times in week and
/// day order, whatever order the document keeps them in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "Availability"))]
pub struct AvailabilityForm {
    pub days: Vec<Weekday>,
    pub times: Vec<TimeOfDay>,
    pub remote: bool,
    pub in_person: bool,
    /// How far they can travel to take part in person, in kilometres.
    pub travel_km: Option<u32>,
}

impl From<&m::Availability> for AvailabilityForm {
    fn from(a: &m::Availability) -> Self {
        let on = |map: &std::collections::BTreeMap<String, bool>, word: &str| {
            map.get(word).copied().unwrap_or(false)
        };
        AvailabilityForm {
            days: Weekday::ALL
                .iter()
                .filter(|d| on(&a.days, d.as_str()))
                .copied()
                .collect(),
            times: TimeOfDay::ALL
                .iter()
                .filter(|t| on(&a.times, t.as_str()))
                .copied()
                .collect(),
            remote: a.remote,
            in_person: a.in_person,
            travel_km: a.travel_km,
        }
    }
}

/// Every field of a profile, as the editor shows it. Never immigration status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "Profile"))]
pub struct ProfileForm {
    /// Ignored when adding (the core gives a new id) and when editing (the id is not editable).
    pub id: String,
    pub display_name: String,
    pub full_name: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub preferred_channel: Option<Channel>,
    pub region: String,
    pub local_group: Option<String>,
    pub languages: Vec<LanguageSkill>,
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    pub availability: AvailabilityForm,
    pub access_needs: Option<String>,
    /// The language an interpreter would need to speak, if they want one.
    pub interpreter: Option<String>,
    pub status: Status,
    pub joined: String,
    pub payment: PaymentConstraint,
    pub organisations: Vec<String>,
    pub notes: String,
    pub archived: bool,
}

impl From<&m::Profile> for ProfileForm {
    fn from(p: &m::Profile) -> Self {
        ProfileForm {
            id: p.id.clone(),
            display_name: p.display_name.clone(),
            full_name: p.full_name.clone(),
            pronouns: p.pronouns.clone(),
            email: p.email.clone(),
            phone: p.phone.clone(),
            preferred_channel: p.preferred_channel,
            region: p.region.clone(),
            local_group: p.local_group.clone(),
            languages: LanguageSkill::of(p),
            skills: words(&p.skills),
            interests: words(&p.interests),
            availability: AvailabilityForm::from(&p.availability),
            access_needs: p.access_needs.clone(),
            interpreter: p.interpreter.clone(),
            status: p.status,
            joined: p.joined.to_string(),
            payment: p.payment,
            organisations: words(&p.organisations),
            notes: p.notes.clone(),
            archived: p.archived,
        }
    }
}

impl ProfileForm {
    /// The profile this form describes, with id `id` (the form's own id is
    /// never trusted: the core gives new ones and ids are not editable).
    /// Blank optional text becomes `None`; language names are normalised
    /// and blank ones dropped. Refuses a joining date it cannot read.
    pub fn into_profile(self, id: String) -> Result<m::Profile, m::InvalidDate> {
        let mut availability = m::Availability {
            remote: self.availability.remote,
            in_person: self.availability.in_person,
            travel_km: self.availability.travel_km,
            ..Default::default()
        };
        availability.set_days(&self.availability.days);
        availability.set_times(&self.availability.times);
        let languages = self
            .languages
            .into_iter()
            .map(|l| (m::normalise_tag(&l.language), l.level))
            .filter(|(language, _)| !language.is_empty())
            .collect();
        Ok(m::Profile {
            id,
            display_name: self.display_name.trim().to_string(),
            full_name: opt_text(self.full_name),
            pronouns: opt_text(self.pronouns),
            email: opt_text(self.email),
            phone: opt_text(self.phone),
            preferred_channel: self.preferred_channel,
            region: self.region.trim().to_string(),
            local_group: opt_text(self.local_group),
            languages,
            skills: Tags::from_words(&self.skills),
            interests: Tags::from_words(&self.interests),
            availability,
            access_needs: opt_text(self.access_needs),
            interpreter: opt_text(self.interpreter),
            status: self.status,
            joined: parse_day(&self.joined)?,
            payment: self.payment,
            organisations: Tags::from_words(&self.organisations),
            notes: self.notes,
            archived: self.archived,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Day;

    #[test]
    fn a_profile_round_trips_through_the_form_shape() {
        let mut core = m::Profile::new("id-1".into(), "Amina", "Leeds", Day::today());
        core.email = Some("amina@example.org".into());
        core.languages
            .insert("arabic".into(), m::LanguageLevel::Native);
        core.skills = m::Tags::from_words(["public speaking"]);
        core.availability
            .set_days(&[m::Weekday::Mon, m::Weekday::Fri]);
        core.availability.set_times(&[m::TimeOfDay::Evening]);
        core.payment = m::PaymentConstraint::NotAllowed;
        let form = ProfileForm::from(&core);
        assert_eq!(form.availability.days, vec![Weekday::Mon, Weekday::Fri]);
        let back = form.clone().into_profile("id-1".into()).unwrap();
        assert_eq!(back, core);
    }

    #[test]
    fn blank_form_fields_become_none_and_bad_dates_are_invalid() {
        let core = m::Profile::new("x".into(), "Sam", "Wales", Day::today());
        let mut form = ProfileForm::from(&core);
        form.full_name = Some("   ".into());
        form.languages.push(LanguageSkill {
            language: "  Tigrinya ".into(),
            level: LanguageLevel::Fluent,
        });
        form.languages.push(LanguageSkill {
            language: " ".into(),
            level: LanguageLevel::Basic,
        });
        let back = form.clone().into_profile("x".into()).unwrap();
        assert_eq!(back.full_name, None);
        assert_eq!(back.languages.keys().collect::<Vec<_>>(), vec!["tigrinya"]);
        form.joined = "31/12/2025".into();
        let refused = crate::CoreError::from(form.into_profile("x".into()).unwrap_err());
        assert_eq!(refused.code(), "invalid");
    }
}
