//! Merging a bundle's documents: each payload is merged into the document
//! the store holds (or a new one), checked, hydrated and encoded for the
//! one write that follows. Documents are independent, so they are merged on
//! worker threads while this thread reads the next ones from the store.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use sanctuary_store::DocWrite;
use sanctuary_sync::bundle::DocPayload;

use super::damaged_bundle;
use super::one_pass::{OnePass, has_conflicts};
use super::rehydrate::Touched;
use crate::documents::{Kind, LiveDoc, encode_snapshot};
use crate::error::{CoreError, Result};
use crate::model::{AmbassadorDoc, Catalog, NetworkDoc, ProjectDoc};
use crate::sanctuary::COMPACT_AFTER_CHUNKS;

/// Fewer jobs than this are merged on the calling thread: threads cost more
/// than they save for a handful of documents.
const THREADED_FROM: usize = 32;

/// A hydrated document ready to enter the read model after the commit.
#[allow(
    clippy::large_enum_variant,
    reason = "short-lived, one per merged document; boxing buys nothing (allow, not expect: \
              which variant is largest shifts as the models grow)"
)]
pub(super) enum Hydrated {
    Ambassador(AmbassadorDoc),
    Project(ProjectDoc),
    Catalog(Catalog),
    Network(NetworkDoc),
}

/// One document of a bundle to merge, with what the store holds of it.
pub(super) struct Job<'a> {
    pub payload: &'a DocPayload,
    pub kind: Kind,
    /// `None` for a document this laptop does not have yet.
    pub chunks: Option<Vec<Vec<u8>>>,
    /// The read model of a stored ambassador document (its hydration).
    pub previous: Option<&'a AmbassadorDoc>,
}

/// A merged document, checked except for its authors' membership.
pub(super) struct Prepared {
    pub id: String,
    /// The merged document, if the caller asked to keep it loaded.
    pub live: Option<LiveDoc>,
    pub value: Hydrated,
    pub authors: BTreeSet<String>,
    pub conflicted: bool,
    pub write: DocWrite,
}

/// Merges one payload into its document (`None`: nothing new, or only
/// changes whose history has not arrived yet) and prepares its write.
pub(super) fn prepare(
    job: Job<'_>,
    actor: &automerge::ActorId,
    keep_loaded: bool,
) -> Result<Option<Prepared>> {
    let Job {
        payload,
        kind,
        chunks,
        previous,
    } = job;
    let existing = chunks.is_some();
    let mut live = match &chunks {
        Some(chunks) => LiveDoc::load(&payload.id, chunks, actor)?,
        None => LiveDoc::new(actor),
    };
    let before = live.doc.get_heads();
    // Patches are recorded only where the read model can be updated from them.
    let track = previous.is_some() && !before.is_empty();
    if track {
        live.doc.update_diff_cursor();
    }
    live.doc
        .load_incremental(&payload.data)
        .map_err(damaged_bundle)?;
    let after = live.doc.get_heads();
    let touched = if track {
        let patches = live.doc.diff_incremental();
        live.doc.reset_diff_cursor();
        Touched::from_patches(&patches)
    } else {
        None
    };
    if after == before || after.is_empty() {
        return Ok(None);
    }
    // The authors from the change graph's metadata (hash-checked on load):
    // `get_changes` would rebuild every new change from the op set.
    let authors: BTreeSet<String> = live
        .doc
        .get_changes_meta(&before)
        .iter()
        .map(|c| c.actor.to_hex_string())
        .collect();
    let patched = match (&touched, previous) {
        (Some(touched), Some(previous)) => touched
            .apply(&live.doc, previous)
            .map_err(damaged_bundle)?
            .map(|value| {
                // A conflict can only be new where the merge changed
                // something, and earlier ones were noted when they arose.
                let conflicted = touched.conflict && super::conflicts::has_conflicts(&live.doc);
                (value, conflicted)
            }),
        _ => None,
    };
    let (value, conflicted) = match patched {
        Some((value, conflicted)) => {
            debug_assert_eq!(
                Some(&value),
                hydrate::<AmbassadorDoc>(&payload.id, &live).ok().as_ref(),
                "a read model updated from patches differs from the document"
            );
            (Hydrated::Ambassador(value), conflicted)
        }
        None => {
            // One read of every object serves the conflict check and hydration.
            let pass = OnePass::new(&live.doc);
            let conflicted = has_conflicts(&pass);
            let value = match kind {
                Kind::Ambassador => Hydrated::Ambassador(hydrate_with(&pass)?),
                Kind::Project => Hydrated::Project(hydrate_with(&pass)?),
                Kind::Catalog => Hydrated::Catalog(hydrate_with(&pass)?),
                Kind::Network => Hydrated::Network(hydrate_with(&pass)?),
            };
            (value, conflicted)
        }
    };
    let snapshot = match &value {
        Hydrated::Ambassador(d) => encode_snapshot(d)?,
        Hydrated::Project(d) => encode_snapshot(d)?,
        Hydrated::Catalog(d) => encode_snapshot(d)?,
        Hydrated::Network(d) => encode_snapshot(d)?,
    };
    let complete = live.doc.get_missing_deps(&[]).is_empty();
    let (append, compact) = if !existing && complete {
        // Every change in these bytes loaded and was hash-checked: keep them as they came.
        live.chunks = 1;
        live.mark_saved();
        (Some(payload.data.clone()), None)
    } else if !existing || live.chunks >= COMPACT_AFTER_CHUNKS {
        live.chunks = 1;
        let all = live.save_all();
        if existing {
            (None, Some(all))
        } else {
            (Some(all), None)
        }
    } else {
        live.chunks += 1;
        (live.take_new_changes(), None)
    };
    Ok(Some(Prepared {
        id: payload.id.clone(),
        // Dropped here when not kept: freeing a document is not free, and
        // here it happens on a worker thread.
        live: keep_loaded.then_some(live),
        value,
        authors,
        conflicted,
        write: DocWrite {
            id: payload.id.clone(),
            kind: payload.kind,
            append,
            compact,
            snapshot,
        },
    }))
}

/// [`prepare`] for every job, sorted by document id. `jobs` is drawn on this
/// thread (it reads the store) while worker threads merge what it has
/// drawn so far; the first error stops the work and is returned.
pub(super) fn prepare_all<'a>(
    jobs: impl ExactSizeIterator<Item = Result<Job<'a>>>,
    actor: &automerge::ActorId,
    keep_loaded: bool,
) -> Result<Vec<Prepared>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    let mut out = Vec::with_capacity(jobs.len());
    if workers < 2 || jobs.len() < THREADED_FROM {
        for job in jobs {
            out.extend(prepare(job?, actor, keep_loaded)?);
        }
        return Ok(out);
    }
    // Unbounded: a worker that stops must never leave this thread blocked in `send`.
    let (send, receive) = mpsc::channel::<Job<'a>>();
    let receive = Mutex::new(receive);
    let failed = AtomicBool::new(false);
    let work = || -> Result<Vec<Prepared>> {
        let mut done = Vec::new();
        while !failed.load(Ordering::Relaxed) {
            let next = receive
                .lock()
                .map_err(|_| CoreError::Internal("a merge thread failed".into()))?
                .recv();
            let Ok(job) = next else { break };
            match prepare(job, actor, keep_loaded) {
                Ok(p) => done.extend(p),
                Err(e) => {
                    failed.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(done)
    };
    let (drawn, merged) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        let mut drawn = Ok(());
        for job in jobs {
            if failed.load(Ordering::Relaxed) {
                break;
            }
            match job {
                // A send fails only once every worker has stopped.
                Ok(job) => {
                    if send.send(job).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    failed.store(true, Ordering::Relaxed);
                    drawn = Err(e);
                    break;
                }
            }
        }
        drop(send);
        let merged: Vec<Result<Vec<Prepared>>> = handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(CoreError::Internal("a merge thread failed".into())))
            })
            .collect();
        (drawn, merged)
    });
    drawn?;
    for batch in merged {
        out.extend(batch?);
    }
    // Workers finish in any order; the write batch and the read model should not depend on it.
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

pub(super) fn hydrate<T: autosurgeon::Hydrate>(_id: &str, live: &LiveDoc) -> Result<T> {
    hydrate_with(&OnePass::new(&live.doc))
}

pub(super) fn hydrate_with<T: autosurgeon::Hydrate>(pass: &OnePass<'_>) -> Result<T> {
    // Signed by a member but not readable as its kind: refuse the whole bundle.
    autosurgeon::hydrate(pass).map_err(damaged_bundle)
}

#[cfg(test)]
mod tests {
    use automerge::{ActorId, AutoCommit};

    use sanctuary_sync::SyncError;

    use super::*;
    use crate::model::{Day, Profile};

    /// A payload holding a new ambassador document.
    fn payload(i: usize) -> DocPayload {
        let id = format!("amb-{i:03}");
        let joined: Day = "2025-01-01".parse().expect("a date");
        let person =
            AmbassadorDoc::new(Profile::new(id.clone(), &format!("P {i}"), "North", joined));
        let mut doc = AutoCommit::new().with_actor(ActorId::random());
        autosurgeon::reconcile(&mut doc, &person).expect("reconcile");
        doc.commit();
        DocPayload {
            id,
            kind: Kind::Ambassador as u8,
            data: doc.save(),
        }
    }

    fn jobs(payloads: &[DocPayload]) -> impl ExactSizeIterator<Item = Result<Job<'_>>> {
        payloads.iter().map(|payload| {
            Ok(Job {
                payload,
                kind: Kind::Ambassador,
                chunks: None,
                previous: None,
            })
        })
    }

    /// Enough documents to use the worker threads: every one is merged,
    /// the result comes back in id order, and none stays loaded unless asked.
    #[test]
    fn many_documents_merge_on_workers_in_id_order() {
        let mut payloads: Vec<DocPayload> = (0..THREADED_FROM * 3).map(payload).collect();
        payloads.reverse();
        let actor = ActorId::random();
        let merged = prepare_all(jobs(&payloads), &actor, false).expect("merged");
        let ids: Vec<&str> = merged.iter().map(|p| p.id.as_str()).collect();
        let mut expected: Vec<&str> = payloads.iter().map(|p| p.id.as_str()).collect();
        expected.sort();
        assert_eq!(ids, expected);
        assert!(merged.iter().all(|p| p.live.is_none()));
        assert!(merged.iter().all(|p| p.write.append.is_some()));

        let kept = prepare_all(jobs(&payloads[..4]), &actor, true).expect("merged");
        assert!(kept.iter().all(|p| p.live.is_some()));
    }

    /// A damaged document among many, or a store read that fails while the
    /// workers run, ends the merge with that error (and does not hang).
    #[test]
    fn one_bad_document_fails_the_whole_merge() {
        let mut payloads: Vec<DocPayload> = (0..THREADED_FROM * 3).map(payload).collect();
        payloads[40].data = b"not an automerge chunk".to_vec();
        let actor = ActorId::random();
        let err = prepare_all(jobs(&payloads), &actor, false).err();
        assert!(
            matches!(err, Some(CoreError::Sync(SyncError::BadDocument(_)))),
            "{err:?}"
        );

        let payloads: Vec<DocPayload> = (0..THREADED_FROM * 3).map(payload).collect();
        let failing = payloads.iter().enumerate().map(|(i, payload)| {
            if i == 50 {
                Err(CoreError::Internal("the store went away".into()))
            } else {
                Ok(Job {
                    payload,
                    kind: Kind::Ambassador,
                    chunks: None,
                    previous: None,
                })
            }
        });
        let err = prepare_all(failing, &actor, false).err();
        assert!(
            matches!(&err, Some(CoreError::Internal(m)) if m == "the store went away"),
            "{err:?}"
        );
    }
}
