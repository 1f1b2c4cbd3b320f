//! Reading and writing the fixed binary layouts by hand: every length is
//! checked against what is left, so untrusted bytes can never make a reader
//! panic or allocate more than the input holds.

use crate::error::SyncError;

/// A cursor over untrusted bytes; every read fails with the given error
/// instead of reading past the end.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    error: SyncError,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], error: SyncError) -> Self {
        Reader {
            bytes,
            at: 0,
            error,
        }
    }

    pub fn position(&self) -> usize {
        self.at
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], SyncError> {
        if n > self.remaining() {
            return Err(self.error.clone());
        }
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }

    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], SyncError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub fn u8(&mut self) -> Result<u8, SyncError> {
        Ok(self.array::<1>()?[0])
    }

    pub fn u16(&mut self) -> Result<u16, SyncError> {
        Ok(u16::from_be_bytes(self.array()?))
    }

    pub fn u32(&mut self) -> Result<u32, SyncError> {
        Ok(u32::from_be_bytes(self.array()?))
    }

    pub fn u64(&mut self) -> Result<u64, SyncError> {
        Ok(u64::from_be_bytes(self.array()?))
    }

    pub fn i64(&mut self) -> Result<i64, SyncError> {
        Ok(i64::from_be_bytes(self.array()?))
    }

    /// A byte string with a one-byte length.
    pub fn short(&mut self) -> Result<&'a [u8], SyncError> {
        let n = self.u8()?;
        self.take(n.into())
    }

    /// A byte string with a four-byte length.
    pub fn long(&mut self) -> Result<&'a [u8], SyncError> {
        let n = self.u32()?;
        self.take(usize::try_from(n).map_err(|_| self.error.clone())?)
    }

    /// A short string of id characters (`[A-Za-z0-9_-]`, 1..=64).
    pub fn id(&mut self) -> Result<String, SyncError> {
        let raw = self.short()?;
        if raw.is_empty()
            || raw.len() > 64
            || !raw
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        {
            return Err(self.error.clone());
        }
        Ok(raw.iter().map(|&b| char::from(b)).collect())
    }

    pub fn finish(&self) -> Result<(), SyncError> {
        if self.remaining() == 0 {
            Ok(())
        } else {
            Err(self.error.clone())
        }
    }
}

/// Appends the same layouts [`Reader`] reads.
#[derive(Default)]
pub(crate) struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn put(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.put(&v.to_be_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.put(&v.to_be_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.put(&v.to_be_bytes());
    }
    pub fn i64(&mut self, v: i64) {
        self.put(&v.to_be_bytes());
    }
    /// Callers pass ids and keys validated to at most 255 bytes.
    pub fn short(&mut self, v: &[u8]) {
        self.u8(u8::try_from(v.len()).unwrap_or(u8::MAX));
        self.put(&v[..v.len().min(255)]);
    }
    pub fn long(&mut self, v: &[u8]) {
        self.u32(u32::try_from(v.len()).unwrap_or(u32::MAX));
        self.put(v);
    }
}
