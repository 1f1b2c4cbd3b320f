//! When the app's automatic sync runs a pass: the rules alone, with the
//! clock passed in, so they are tested without waiting.
//!
//! - A change (a write to the store) asks for a pass `debounce` after the
//!   last write: a burst of edits is one pass. A burst that never pauses
//!   still gets one `debounce * 10` after its first write.
//! - Unlocking, files arriving (already debounced by the folder watch) and
//!   "sync now" ask for a pass at once.
//! - Never two passes at once: a request while a pass runs means exactly one
//!   more pass after it, however many requests came.

use std::time::{Duration, Instant};

/// The pass schedule of one configured folder.
#[derive(Debug, Clone)]
pub struct Schedule {
    debounce: Duration,
    /// The earliest "as soon as possible" request not served yet.
    asap: Option<Instant>,
    /// When the changes being debounced want their pass.
    debounced: Option<Instant>,
    /// The first change of the burst being debounced, for the upper bound.
    burst_start: Option<Instant>,
    running: bool,
}

impl Schedule {
    pub fn new(debounce: Duration) -> Schedule {
        Schedule {
            debounce,
            asap: None,
            debounced: None,
            burst_start: None,
            running: false,
        }
    }

    /// Drops a pass that was asked for (automatic sync was turned off); one
    /// under way still finishes.
    pub fn cancel(&mut self) {
        self.asap = None;
        self.debounced = None;
        self.burst_start = None;
    }

    /// The store was written at `now`.
    pub fn changed(&mut self, now: Instant) {
        let start = *self.burst_start.get_or_insert(now);
        let latest = start + self.debounce * 10;
        // Each write pushes the pass back; an "as soon as possible"
        // request (unlock, files arriving) keeps its own earlier time.
        self.debounced = Some((now + self.debounce).min(latest));
    }

    /// A pass is wanted as soon as possible.
    pub fn now(&mut self, now: Instant) {
        self.asap = Some(self.asap.map_or(now, |t| t.min(now)));
    }

    fn due(&self) -> Option<Instant> {
        match (self.asap, self.debounced) {
            (Some(a), Some(d)) => Some(a.min(d)),
            (a, d) => a.or(d),
        }
    }

    /// When a pass should start, if one is waiting; `None` while one runs
    /// (the runner looks again when it finishes) or when none was asked for.
    pub fn next(&self) -> Option<Instant> {
        if self.running { None } else { self.due() }
    }

    /// Whether a pass is waiting (due or not), or running.
    pub fn waiting(&self) -> bool {
        self.due().is_some()
    }

    pub fn running(&self) -> bool {
        self.running
    }

    /// Starts the pass that is due by `now`, if any: true when the caller
    /// must run one. Requests from here on wait for the next pass.
    pub fn start(&mut self, now: Instant) -> bool {
        match self.next() {
            Some(due) if due <= now => {
                // The pass carries every change made so far.
                self.running = true;
                self.cancel();
                true
            }
            _ => false,
        }
    }

    /// The pass that [`Schedule::start`] began has ended.
    pub fn finish(&mut self) {
        self.running = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: Duration = Duration::from_secs(2);

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nothing_asked_means_no_pass() {
        let t0 = Instant::now();
        let mut s = Schedule::new(D);
        assert_eq!(s.next(), None);
        assert!(!s.start(t0 + ms(60_000)));
        assert!(!s.waiting());
    }

    #[test]
    fn a_change_runs_a_pass_two_seconds_after_the_last_write() {
        let t0 = Instant::now();
        let mut s = Schedule::new(D);
        s.changed(t0);
        s.changed(t0 + ms(1500));
        assert_eq!(s.next(), Some(t0 + ms(3500)));
        assert!(!s.start(t0 + ms(3499)), "too early: the burst may go on");
        assert!(s.start(t0 + ms(3500)));
        assert_eq!(s.next(), None);
    }

    #[test]
    fn a_burst_that_never_pauses_is_still_synced() {
        let t0 = Instant::now();
        let mut s = Schedule::new(D);
        // A write every second for a minute: never two quiet seconds.
        for i in 0..60 {
            s.changed(t0 + ms(i * 1000));
        }
        assert_eq!(s.next(), Some(t0 + D * 10));
        assert!(s.start(t0 + D * 10 + ms(1)));
        s.finish();
        // The next burst is bounded from its own first write.
        s.changed(t0 + ms(61_000));
        assert_eq!(s.next(), Some(t0 + ms(63_000)));
    }

    #[test]
    fn unlock_or_arriving_files_run_a_pass_at_once_even_during_a_burst() {
        let t0 = Instant::now();
        let mut s = Schedule::new(D);
        s.changed(t0);
        s.now(t0 + ms(100));
        assert_eq!(s.next(), Some(t0 + ms(100)));
        // A later write does not push an immediate request back.
        s.changed(t0 + ms(200));
        assert_eq!(s.next(), Some(t0 + ms(100)));
        assert!(s.start(t0 + ms(200)));
    }

    #[test]
    fn requests_during_a_pass_make_exactly_one_more_pass_after_it() {
        let t0 = Instant::now();
        let mut s = Schedule::new(D);
        s.now(t0);
        assert!(s.start(t0));
        // While it runs: files arrive twice, and the coordinator edits.
        s.now(t0 + ms(10));
        s.changed(t0 + ms(20));
        s.now(t0 + ms(30));
        assert_eq!(s.next(), None, "no second pass while one runs");
        assert!(!s.start(t0 + ms(40)));
        assert!(s.running() && s.waiting());
        s.finish();
        assert!(s.start(t0 + ms(50)), "one more pass after it");
        s.finish();
        assert!(!s.start(t0 + ms(60_000)), "and only one");
    }

    #[test]
    fn turning_off_drops_the_waiting_pass_but_not_the_running_one() {
        let t0 = Instant::now();
        let mut s = Schedule::new(D);
        s.now(t0);
        assert!(s.start(t0));
        s.changed(t0 + ms(10));
        s.cancel();
        assert!(s.running() && !s.waiting());
        s.finish();
        assert!(!s.start(t0 + ms(60_000)));
    }

    #[test]
    fn a_pass_with_no_requests_during_it_leaves_nothing_waiting() {
        let t0 = Instant::now();
        let mut s = Schedule::new(D);
        s.changed(t0);
        assert!(s.start(t0 + D));
        s.finish();
        assert!(!s.waiting() && !s.running());
        assert_eq!(s.next(), None);
    }
}
