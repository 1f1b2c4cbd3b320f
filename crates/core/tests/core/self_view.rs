//! Self-view: one person's record and nothing else; suggestions wait for a
//! coordinator; leaving needs the coordinator's passphrase.

use sanctuary_core::model::*;
use sanctuary_core::{SecretString, TrainingSession};

use crate::support::*;

#[test]
fn self_view_holds_one_person_and_leaving_needs_the_passphrase() {
    let (_temp, dir, mut s) = new_store();
    course(&mut s, "Induction", None);
    let mut zahra = full_profile();
    zahra.display_name = "Zahra".into();
    let zahra = s.add_ambassador(zahra).unwrap();
    let mut other = full_profile();
    other.display_name = "Biniam".into();
    other.email = Some("biniam@example.org".into());
    let biniam = s.add_ambassador(other).unwrap();
    s.record_session(TrainingSession {
        course: "Induction".into(),
        date: day("2026-01-10"),
        trainer: None,
        place: None,
        attendees: vec![zahra.clone(), biniam.clone()],
    })
    .unwrap();
    let record_id = s
        .ambassador(&zahra)
        .unwrap()
        .training
        .keys()
        .next()
        .unwrap()
        .clone();

    let mut view = match s.enter_self_view("Zahra") {
        Ok(view) => view,
        Err((_, e)) => panic!("enter self-view: {e}"),
    };
    assert!(
        view.is_isolated(),
        "the store key is gone: only Zahra's document can be read"
    );
    assert_eq!(view.person().profile.display_name, "Zahra");
    assert_eq!(view.catalog().courses.len(), 1);

    // Her own additions land as suggestions, not changes.
    let today = day("2026-11-22");
    view.suggest(
        SuggestedChange::Confidence {
            record_id: record_id.clone(),
            after: 5,
        },
        today,
    )
    .unwrap();
    view.suggest(
        SuggestedChange::Reflection {
            record_id: record_id.clone(),
            text: "I spoke first this time".into(),
        },
        today,
    )
    .unwrap();
    view.suggest(
        SuggestedChange::Hours {
            date: day("2026-11-01"),
            minutes: 90,
            role: "mentor".into(),
        },
        today,
    )
    .unwrap();
    assert!(
        view.suggest(
            SuggestedChange::Confidence {
                record_id: "not hers".into(),
                after: 3
            },
            today
        )
        .is_err()
    );
    assert!(
        view.suggest(
            SuggestedChange::Confidence {
                record_id: record_id.clone(),
                after: 9
            },
            today
        )
        .is_err()
    );
    assert_eq!(
        view.person().training[&record_id].confidence_after,
        None,
        "nothing changes silently"
    );

    // A wrong passphrase keeps self-view.
    let view = match view.leave(&SecretString::from("not the passphrase".to_string())) {
        Ok(_) => panic!("left self-view with a wrong passphrase"),
        Err(still) => {
            assert_eq!(still.error.code(), "wrong-passphrase");
            *still.view
        }
    };
    assert!(view.is_isolated());

    // The right one brings everything back, with the suggestions pending.
    let Ok(mut s) = view.leave(&passphrase()) else {
        panic!("leave with the right passphrase")
    };
    assert_eq!(
        s.ambassador(&biniam).unwrap().profile.email.as_deref(),
        Some("biniam@example.org")
    );
    let pending: Vec<String> = s
        .pending_suggestions()
        .iter()
        .map(|(_, sg)| sg.id.clone())
        .collect();
    assert_eq!(pending.len(), 3);

    for id in &pending {
        let approve = !matches!(
            s.ambassador(&zahra).unwrap().suggestions[id].change,
            SuggestedChange::Hours { .. }
        );
        s.decide_suggestion(&zahra, id, approve, today).unwrap();
    }
    assert!(
        s.decide_suggestion(&zahra, &pending[0], true, today)
            .is_err(),
        "decided once only"
    );
    let record = &s.ambassador(&zahra).unwrap().training[&record_id];
    assert_eq!(record.confidence_after, Some(5));
    assert_eq!(
        record.reflection.as_deref(),
        Some("I spoke first this time")
    );
    assert!(
        s.ambassador(&zahra).unwrap().contributions.is_empty(),
        "the declined hours were not logged"
    );
    assert!(s.pending_suggestions().is_empty());

    drop(s);
    let s = reopen(&dir);
    assert_eq!(
        s.ambassador(&zahra).unwrap().training[&record_id].confidence_after,
        Some(5)
    );
}

#[test]
fn approved_hours_and_contact_details_are_applied() {
    let (_temp, _dir, mut s) = new_store();
    let id = s.add_ambassador(full_profile()).unwrap();
    let Ok(mut view) = s.enter_self_view(&id) else {
        panic!("enter")
    };
    let today = day("2026-11-22");
    let hours = view
        .suggest(
            SuggestedChange::Hours {
                date: day("2026-11-01"),
                minutes: 90,
                role: "mentor".into(),
            },
            today,
        )
        .unwrap();
    let contact = view
        .suggest(
            SuggestedChange::Contact {
                email: Some("new@example.org".into()),
                phone: None,
                channel: Some(Channel::Sms),
            },
            today,
        )
        .unwrap();
    let Ok(mut s) = view.leave(&passphrase()) else {
        panic!("leave")
    };
    s.decide_suggestion(&id, &hours, true, today).unwrap();
    s.decide_suggestion(&id, &contact, true, today).unwrap();
    let person = s.ambassador(&id).unwrap();
    assert_eq!(person.minutes_contributed(), 90);
    assert_eq!(person.profile.email.as_deref(), Some("new@example.org"));
    assert_eq!(
        person.profile.phone.as_deref(),
        Some("07700 900123"),
        "unchanged details stay"
    );
    assert_eq!(person.profile.preferred_channel, Some(Channel::Sms));
}
