//! Restricting an unlocked store to one document, for an ambassador's
//! self-view on a coordinator's laptop.
//!
//! The store key is wiped from memory and every cached document key but one
//! is dropped, so nothing in this process can decrypt any other person's data
//! until the passphrase is given again. The one document stays readable and
//! writable (its suggestions land in it), since that needs only its own key.

use crate::{Keys, SecretString, Store, StoreError, crypto, derive, schema};

impl Keys {
    /// The store key, or `Restricted` while only one document is open.
    pub(crate) fn store_key(&self) -> Result<&crypto::Key, StoreError> {
        self.store_key.as_ref().ok_or(StoreError::Restricted)
    }
}

impl Store {
    /// Keeps only `doc`'s key: the store key and every other document key
    /// are dropped (and zeroised). Reading or writing any other document, or
    /// a setting, fails with [`StoreError::Restricted`] until [`Store::unrestrict`].
    pub fn restrict_to(&mut self, doc: &str) -> Result<(), StoreError> {
        // Make sure the one key we keep is unwrapped while we still can.
        self.read_snapshot(doc)?
            .ok_or_else(|| StoreError::UnknownDocument(doc.to_owned()))?;
        let mut keys = self.keys.doc_keys.borrow_mut();
        keys.retain(|id, _| id == doc);
        self.keys.store_key = None;
        Ok(())
    }

    pub fn is_restricted(&self) -> bool {
        self.keys.store_key.is_none()
    }

    /// Unwraps the store key again with the passphrase. A wrong passphrase
    /// leaves the store restricted.
    pub fn unrestrict(&mut self, passphrase: &SecretString) -> Result<(), StoreError> {
        self.keys.store_key = Some(self.unwrap_with(passphrase)?);
        Ok(())
    }

    /// Whether `passphrase` is this store's, without changing anything: for
    /// asking again before a sensitive step such as changing it.
    pub fn check_passphrase(&self, passphrase: &SecretString) -> Result<(), StoreError> {
        self.unwrap_with(passphrase).map(drop)
    }

    fn unwrap_with(&self, passphrase: &SecretString) -> Result<crypto::Key, StoreError> {
        let header = schema::read_header(&self.conn)?;
        let (kek, _) = derive(passphrase, &header.salt, header.kdf)?;
        crypto::unwrap_key(
            &kek,
            &crate::aad::store_key(&header.store_id),
            &header.wrapped_key,
        )
        .map_err(|_| StoreError::WrongPassphrase)
    }
}
