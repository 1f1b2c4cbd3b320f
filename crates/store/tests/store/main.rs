//! Integration tests of the encrypted store, one module per concern.

mod canary;
mod common;
mod header;
mod lifecycle;
mod perf;
mod props;
mod restrict;
mod tamper;
mod writes;
