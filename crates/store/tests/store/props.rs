//! Random write histories read back exactly after reopening.

use std::collections::BTreeMap;

use proptest::prelude::*;

use crate::common::*;

#[derive(Clone, Debug)]
enum Op {
    Append { doc: u8, bytes: Vec<u8> },
    Compact { doc: u8, bytes: Vec<u8> },
    Batch(Vec<(u8, Vec<u8>)>),
}

fn op() -> impl Strategy<Value = Op> {
    let bytes = proptest::collection::vec(any::<u8>(), 0..64);
    prop_oneof![
        4 => (0..3u8, bytes.clone()).prop_map(|(doc, bytes)| Op::Append { doc, bytes }),
        1 => (0..3u8, bytes.clone()).prop_map(|(doc, bytes)| Op::Compact { doc, bytes }),
        1 => proptest::collection::vec((0..3u8, bytes), 1..4).prop_map(Op::Batch),
    ]
}

/// What the store should hold for one document: kind, first seq, chunks, snapshot.
#[derive(Default, Debug, PartialEq)]
struct Model {
    first: u64,
    chunks: Vec<Vec<u8>>,
    snapshot: Vec<u8>,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn random_histories_read_back(ops in proptest::collection::vec(op(), 1..25)) {
        let (_tmp, dir, mut store) = new_store();
        let mut model: BTreeMap<String, Model> = BTreeMap::new();
        for (step, op) in ops.into_iter().enumerate() {
            let snap = format!("snapshot {step}").into_bytes();
            let mut batch = Vec::new();
            let entries = match op {
                Op::Append { doc, bytes } => vec![(doc, bytes, false)],
                Op::Compact { doc, bytes } => vec![(doc, bytes, true)],
                Op::Batch(items) => items.into_iter().map(|(d, b)| (d, b, false)).collect(),
            };
            for (doc, bytes, is_compact) in entries {
                let id = format!("doc-{doc}");
                let m = model.entry(id.clone()).or_default();
                let last = if m.chunks.is_empty() { 0 } else { m.first + m.chunks.len() as u64 - 1 };
                if is_compact {
                    m.first = last + 1;
                    m.chunks = vec![bytes.clone()];
                    batch.push(compact(&id, doc, &bytes, &snap));
                } else {
                    if m.chunks.is_empty() { m.first = last + 1; }
                    m.chunks.push(bytes.clone());
                    batch.push(append(&id, doc, &bytes, &snap));
                }
                m.snapshot = snap.clone();
            }
            store.write(batch).expect("write");
        }
        drop(store);

        let store = reopen(&dir);
        let snaps = store.read_snapshots().expect("snapshots");
        prop_assert_eq!(snaps.len(), model.len());
        for snap in snaps {
            let m = &model[&snap.id];
            prop_assert_eq!(&snap.data, &m.snapshot);
            prop_assert_eq!(snap.first_seq, m.first);
            prop_assert_eq!(snap.last_seq, m.first + m.chunks.len() as u64 - 1);
            prop_assert_eq!(&store.read_chunks(&snap.id).expect("chunks"), &m.chunks);
        }
        prop_assert!(store.verify().expect("verify").problems.is_empty());
    }
}
