//! Where the passphrase comes from: `--passphrase-file`, the
//! `SANCTUARY_PASSPHRASE` variable, or a hidden prompt, in that order.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, bail};
use sanctuary_core::SecretString;

pub const ENV: &str = "SANCTUARY_PASSPHRASE";
pub const NEW_ENV: &str = "SANCTUARY_NEW_PASSPHRASE";

pub fn read(file: Option<&Path>, env: &str, prompt: &str) -> anyhow::Result<SecretString> {
    if let Some(file) = file {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("could not read the passphrase file {}", file.display()))?;
        // Only the final newline an editor adds is dropped; spaces are part of a passphrase.
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        return non_empty(text.to_string());
    }
    if let Ok(value) = std::env::var(env) {
        return non_empty(value);
    }
    if !std::io::stdin().is_terminal() {
        bail!("no passphrase given: set {env} or use --passphrase-file");
    }
    let value = rpassword::prompt_password(prompt).context("could not read the passphrase")?;
    non_empty(value)
}

fn non_empty(value: String) -> anyhow::Result<SecretString> {
    if value.is_empty() {
        bail!("the passphrase is empty");
    }
    Ok(SecretString::from(value))
}

/// Asks twice for a new passphrase when prompting, so a typo does not lock anyone out.
pub fn read_new(file: Option<&Path>, env: &str) -> anyhow::Result<SecretString> {
    use secrecy::ExposeSecret;
    let first = read(file, env, "New passphrase: ")?;
    if file.is_none() && std::env::var(env).is_err() {
        let again = read(None, env, "New passphrase again: ")?;
        if again.expose_secret() != first.expose_secret() {
            bail!("the two passphrases differ; nothing was changed");
        }
    }
    if first.expose_secret().chars().count() < 8 {
        bail!("a passphrase needs at least 8 characters; nothing was changed");
    }
    Ok(first)
}
