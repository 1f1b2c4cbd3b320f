//! Property: random edits on three replicas, exchanged in random orders
//! (some bundles for one peer, some for anyone, some delivered twice), always
//! converge once every replica has heard from every other: identical read
//! models and identical document heads.
//!
//! One network is made for the whole run (joining costs Argon2id), and each
//! case starts from where the previous one converged.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers fail the test on any error"
)]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sanctuary_core::Sanctuary;
use sanctuary_core::model::*;

use crate::support::day;
use crate::sync::{assert_converged, network};

#[derive(Debug, Clone)]
enum Op {
    Notes {
        at: usize,
        person: usize,
        text: u8,
    },
    Travel {
        at: usize,
        person: usize,
        km: u32,
    },
    Skill {
        at: usize,
        person: usize,
        skill: u8,
        add: bool,
    },
    Contribution {
        at: usize,
        person: usize,
        minutes: u32,
    },
    AddPerson {
        at: usize,
    },
    Send {
        from: usize,
        to: usize,
        for_peer: bool,
        twice: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let at = 0..3usize;
    let person = 0..2usize;
    prop_oneof![
        (at.clone(), person.clone(), 0..4u8).prop_map(|(at, person, text)| Op::Notes {
            at,
            person,
            text
        }),
        (at.clone(), person.clone(), 1..5u32).prop_map(|(at, person, km)| Op::Travel {
            at,
            person,
            km
        }),
        (at.clone(), person.clone(), 0..3u8, any::<bool>()).prop_map(|(at, person, skill, add)| {
            Op::Skill {
                at,
                person,
                skill,
                add,
            }
        }),
        (at.clone(), person.clone(), 1..120u32).prop_map(|(at, person, minutes)| {
            Op::Contribution {
                at,
                person,
                minutes,
            }
        }),
        at.clone().prop_map(|at| Op::AddPerson { at }),
        (at.clone(), at, any::<bool>(), any::<bool>()).prop_map(|(from, to, for_peer, twice)| {
            Op::Send {
                from,
                to,
                for_peer,
                twice,
            }
        }),
    ]
}

fn send(stores: &mut [Sanctuary], from: usize, to: usize, for_peer: bool) -> Vec<u8> {
    let peer = for_peer.then(|| stores[to].device_id());
    let bundle = stores[from].sync_export(peer.as_deref()).unwrap();
    stores[to].sync_import(&bundle).unwrap();
    bundle
}

fn apply(stores: &mut [Sanctuary], people: &[String], op: &Op) {
    match *op {
        Op::Notes { at, person, text } => stores[at]
            .edit_profile(&people[person], |p| {
                p.notes = format!("note {text} from {at}");
                Ok(())
            })
            .unwrap(),
        Op::Travel { at, person, km } => stores[at]
            .edit_profile(&people[person], |p| {
                p.availability.travel_km = Some(km);
                Ok(())
            })
            .unwrap(),
        Op::Skill {
            at,
            person,
            skill,
            add,
        } => stores[at]
            .edit_profile(&people[person], |p| {
                let word = format!("skill {skill}");
                if add {
                    p.skills.insert(&word);
                } else {
                    p.skills.remove(&word);
                }
                Ok(())
            })
            .unwrap(),
        Op::Contribution {
            at,
            person,
            minutes,
        } => {
            let c = Contribution {
                id: String::new(),
                project_id: None,
                date: day("2025-04-01"),
                role: format!("role from {at}"),
                stream: Stream::Other,
                minutes,
            };
            stores[at].log_contribution(&people[person], c).unwrap();
        }
        Op::AddPerson { at } => {
            let p = Profile::new(
                String::new(),
                &format!("New on {at}"),
                "Leeds",
                day("2025-01-01"),
            );
            stores[at].add_ambassador(p).unwrap();
        }
        Op::Send {
            from,
            to,
            for_peer,
            twice,
        } if from != to => {
            let bundle = send(stores, from, to, for_peer);
            if twice {
                assert!(stores[to].sync_import(&bundle).unwrap().duplicate);
            }
        }
        Op::Send { .. } => {}
    }
}

#[test]
fn random_edits_and_exchange_orders_converge() {
    let (_temp, _dirs, mut stores) = network(3);
    let mut people = Vec::new();
    for name in ["Shared one", "Shared two"] {
        let p = Profile::new(String::new(), name, "Leeds", day("2024-01-01"));
        people.push(stores[0].add_ambassador(p).unwrap());
    }
    crate::sync::exchange_all(&mut stores);

    let pairs: Vec<(usize, usize)> = (0..3)
        .flat_map(|a| (0..3).filter(move |b| *b != a).map(move |b| (a, b)))
        .collect();
    let case = (
        prop::collection::vec(op(), 1..10),
        Just(pairs).prop_shuffle(),
        any::<bool>(),
    );
    let mut runner = TestRunner::new(Config {
        cases: 10,
        failure_persistence: None,
        ..Config::default()
    });
    // The runner takes a `Fn`; each case borrows the replicas in turn.
    let stores = std::cell::RefCell::new(stores);
    runner
        .run(&case, |(ops, order, for_peer)| {
            let mut stores = stores.borrow_mut();
            for op in &ops {
                apply(&mut stores, &people, op);
            }
            // Every replica hears from every other, in a random order.
            for &(from, to) in &order {
                send(&mut stores, from, to, for_peer);
            }
            assert_converged(&mut stores);
            let conflicts: Vec<_> = stores.iter_mut().map(|s| s.conflicts().unwrap()).collect();
            prop_assert_eq!(&conflicts[0], &conflicts[1]);
            prop_assert_eq!(&conflicts[0], &conflicts[2]);
            Ok(())
        })
        .unwrap();
}
