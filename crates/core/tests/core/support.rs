//! Fixtures: a fresh store in a temporary directory, and builders for each entity.

use sanctuary_core::model::*;
use sanctuary_core::{CreateOptions, KdfParams, Sanctuary, SecretString};
use tempfile::TempDir;

pub fn passphrase() -> SecretString {
    SecretString::from("a long test passphrase".to_string())
}

/// A new store with the cheapest allowed key derivation.
pub fn new_store() -> (TempDir, std::path::PathBuf, Sanctuary) {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("store");
    let options = CreateOptions {
        network_name: "Test network".into(),
        device_name: "test laptop".into(),
        kdf: KdfParams::MINIMUM,
    };
    let s = Sanctuary::create(&dir, &passphrase(), &options).expect("create");
    (temp, dir, s)
}

pub fn reopen(dir: &std::path::Path) -> Sanctuary {
    Sanctuary::open(dir, &passphrase()).expect("reopen")
}

pub fn day(s: &str) -> Day {
    s.parse().expect("test date")
}

/// A profile with every field filled, names in several scripts.
pub fn full_profile() -> Profile {
    let mut p = Profile::new(String::new(), "زهراء", "West Midlands", day("2024-03-01"));
    p.full_name = Some("زهراء الموسوی".into());
    p.pronouns = Some("she/her".into());
    p.email = Some("zahra@example.org".into());
    p.phone = Some("07700 900123".into());
    p.preferred_channel = Some(Channel::WhatsApp);
    p.local_group = Some("Birmingham group".into());
    p.languages.insert("arabic".into(), LanguageLevel::Native);
    p.languages
        .insert("english".into(), LanguageLevel::Conversational);
    p.skills = Tags::from_words(["public speaking", "assessment"]);
    p.interests = Tags::from_words(["education"]);
    p.availability.set_days(&[Weekday::Mon, Weekday::Sat]);
    p.availability.set_times(&[TimeOfDay::Evening]);
    p.availability.remote = true;
    p.availability.in_person = true;
    p.availability.travel_km = Some(25);
    p.access_needs = Some("Step-free access".into());
    p.interpreter = Some("arabic".into());
    p.status = Status::Active;
    p.payment = PaymentConstraint::NotAllowed;
    p.organisations = Tags::from_words(["Northfield College"]);
    p.notes = "Prefers mornings".into();
    p
}

pub fn course(s: &mut Sanctuary, title: &str, validity: Option<u32>) -> String {
    let mut c = Course::new(String::new(), title);
    c.validity_months = validity;
    s.add_course(c).expect("add course")
}
