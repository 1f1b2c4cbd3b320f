//! The documents inside a validly signed bundle, as the `documents` fuzz
//! target feeds them to the merge, the read model's rebuild and the
//! conflict scan: valid seeds merge, any damage to them is refused or
//! merged but never panics, and the fuzzer's crashers stay fixed.

#![allow(
    clippy::unwrap_used,
    reason = "test fixtures fail the test on any error"
)]

use std::path::PathBuf;

use proptest::prelude::*;
use sanctuary_core::model::*;
use sanctuary_core::{NETWORK_DOC, documents_input, merge_untrusted_input};

use crate::support::*;

fn regressions() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/core/fuzz_regressions")
}

/// Valid inputs: an ambassador's later changes onto its stored first
/// chunk (the patch path), whole documents of each kind onto nothing, and
/// a concurrent edit that leaves a conflict.
fn seeds() -> Vec<Vec<u8>> {
    let (_temp, _dir, mut s) = new_store();
    let id = s
        .add_ambassador(Profile::new(
            String::new(),
            "Seed",
            "Wales",
            day("2024-01-01"),
        ))
        .unwrap();
    s.edit_profile(&id, |p| {
        p.notes = "first".into();
        p.skills.insert("cooking");
        Ok(())
    })
    .unwrap();
    let chunks = s.store().read_chunks(&id).unwrap();
    let network = s.store().read_chunks(NETWORK_DOC).unwrap().concat();
    let (first, rest) = chunks.split_first().unwrap();
    let mut out = vec![
        documents_input(1, Some(first), &rest.concat()),
        documents_input(1, None, &chunks.concat()),
        documents_input(4, None, &network),
    ];
    // The same field edited on another replica: the merge has a conflict.
    let (_t2, _d2, mut other) = new_store();
    let twin = other
        .add_ambassador(Profile::new(
            String::new(),
            "Seed",
            "Wales",
            day("2024-01-01"),
        ))
        .unwrap();
    other
        .edit_profile(&twin, |p| {
            p.notes = "second".into();
            Ok(())
        })
        .unwrap();
    let theirs = other.store().read_chunks(&twin).unwrap().concat();
    out.push(documents_input(1, Some(&chunks.concat()), &theirs));
    out
}

#[test]
fn valid_seeds_merge_and_the_crashers_stay_fixed() {
    let seeds = seeds();
    for (i, seed) in seeds.iter().enumerate() {
        let merged = merge_untrusted_input(seed);
        assert!(matches!(merged, Ok(Some(_))), "seed {i}: {merged:?}");
        if std::env::var_os("SANCTUARY_WRITE_FUZZ_SEEDS").is_some() {
            std::fs::write(regressions().join(format!("seed-{i}.bin")), seed).unwrap();
        }
    }
    for entry in std::fs::read_dir(regressions()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "bin") {
            let _ = merge_untrusted_input(&std::fs::read(&path).unwrap());
        }
    }
}

#[derive(Debug, Clone)]
enum Damage {
    Flip { at: usize, bit: u8 },
    Cut { at: usize },
    Insert { at: usize, byte: u8 },
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), 0..8u8).prop_map(|(at, bit)| Damage::Flip { at, bit }),
        any::<usize>().prop_map(|at| Damage::Cut { at }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Damage::Insert { at, byte }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Damaged documents and changes are refused or merged, never a panic.
    #[test]
    fn damaged_documents_never_panic(which in 0..4usize, damages in prop::collection::vec(damage(), 1..4)) {
        thread_local! {
            static SEEDS: Vec<Vec<u8>> = seeds();
        }
        let mut input = SEEDS.with(|s| s[which % s.len()].clone());
        for d in damages {
            let len = input.len().max(1);
            match d {
                Damage::Flip { at, bit } => {
                    if let Some(b) = input.get_mut(at % len) {
                        *b ^= 1 << bit;
                    }
                }
                Damage::Cut { at } => input.truncate(at % len),
                Damage::Insert { at, byte } => input.insert(at % (input.len() + 1), byte),
            }
        }
        let _ = merge_untrusted_input(&input);
    }
}
