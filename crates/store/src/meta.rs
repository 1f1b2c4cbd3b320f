//! Small encrypted settings (the device's actor id, preferences, ...).
//!
//! Values are sealed under the store key and bound to their name, so a value
//! cannot be moved to another setting. Names are stored in plain text and must
//! therefore never contain personal data; the syntax check keeps them short
//! identifiers.

use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError, aad, corrupt, crypto};

fn check_name(name: &str) -> Result<(), StoreError> {
    let ok = (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(StoreError::InvalidName(name.to_owned()))
    }
}

impl Store {
    /// Stores (or replaces) an encrypted setting, durably.
    pub fn put_meta(&mut self, name: &str, value: &[u8]) -> Result<(), StoreError> {
        check_name(name)?;
        let sealed = crypto::seal(
            self.keys.store_key()?,
            &aad::meta(&self.keys.store_id, name),
            value,
        )?;
        self.conn
            .prepare_cached(
                "INSERT INTO meta (name, data) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET data = excluded.data",
            )?
            .execute(params![name, sealed])?;
        Ok(())
    }

    /// Removes a setting; nothing happens if it was never stored.
    pub fn delete_meta(&mut self, name: &str) -> Result<(), StoreError> {
        check_name(name)?;
        self.conn
            .prepare_cached("DELETE FROM meta WHERE name = ?1")?
            .execute([name])?;
        Ok(())
    }

    /// The names of the stored settings that start with `prefix`, sorted.
    /// Names are plain text by design, so this decrypts nothing.
    pub fn meta_names(&self, prefix: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name FROM meta WHERE substr(name, 1, ?2) = ?1 ORDER BY name")?;
        let names = stmt
            .query_map(params![prefix, prefix.len() as i64], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(names)
    }

    /// Reads and decrypts a setting, or `None` if it was never stored.
    pub fn get_meta(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        check_name(name)?;
        let sealed: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT data FROM meta WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        sealed
            .map(|sealed| {
                crypto::open(
                    self.keys.store_key()?,
                    &aad::meta(&self.keys.store_id, name),
                    &sealed,
                )
                .map_err(|_| corrupt(None, format!("the setting {name} does not authenticate")))
            })
            .transpose()
    }
}
