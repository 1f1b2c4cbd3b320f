//! Rough timings at realistic scale. Ignored by default; run with
//! `cargo test -p sanctuary-store --release --test store -- --ignored --nocapture perf`.

use std::time::Instant;

use sanctuary_store::DocWrite;

use crate::common::*;

#[test]
#[ignore = "timing measurement, run explicitly in release mode"]
fn perf_5000_documents() {
    let (_tmp, dir, mut store) = new_store();
    let snapshot = vec![0x42u8; 4096];
    let start = Instant::now();
    for batch in 0..50 {
        let writes: Vec<DocWrite> = (0..100)
            .map(|i| {
                append(
                    &format!("doc-{:05}", batch * 100 + i),
                    1,
                    &[7u8; 512],
                    &snapshot,
                )
            })
            .collect();
        store.write(writes).expect("write");
    }
    println!("populate 5000 docs (50 batches): {:?}", start.elapsed());
    drop(store);

    let start = Instant::now();
    let mut store = reopen(&dir);
    let open = start.elapsed();
    println!("open {:?} of which argon2 {:?}", open, store.kdf_duration());
    for round in ["first (unwraps keys)", "second (keys cached)", "third"] {
        let start = Instant::now();
        let snaps = store.read_snapshots().expect("snapshots");
        let took = start.elapsed();
        println!("read_snapshots {round} of {} docs: {took:?}", snaps.len());
    }

    let n = 200;
    let start = Instant::now();
    for i in 0..n {
        store
            .write(vec![append(
                &format!("doc-{:05}", i * 7),
                1,
                &[1u8; 200],
                &snapshot,
            )])
            .expect("write");
    }
    println!(
        "single-doc write (200 B chunk + 4 KB snapshot), mean of {n}: {:?}",
        start.elapsed() / n
    );
    let start = Instant::now();
    let report = store.verify().expect("verify");
    println!(
        "verify: {:?} ({} problems)",
        start.elapsed(),
        report.problems.len()
    );
    println!(
        "size on disk: {} bytes",
        store.size_on_disk().expect("size")
    );
}
