//! What can go wrong with a bundle or an invite, one sentence each.

/// Every refusal of outside input names what is wrong and what to do about it.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum SyncError {
    #[error("this file is not a Sanctuary sync bundle")]
    NotABundle,

    #[error("this bundle has been altered or is incomplete")]
    Altered,

    #[error("this bundle's signature does not match the laptop it names as sender: it was altered")]
    BadSignature,

    #[error(
        "a document in this bundle could not be decrypted with the network key: it was altered"
    )]
    BadSeal,

    #[error("a document in this bundle does not read as one ({0}); nothing was applied")]
    BadDocument(String),

    #[error("this bundle was made by a newer version of Sanctuary; update this laptop")]
    FutureVersion,

    #[error("this bundle is too large to be a Sanctuary sync bundle")]
    TooLarge,

    #[error("this file is not a Sanctuary invite")]
    NotAnInvite,

    #[error("this invite was made by a newer version of Sanctuary; update this laptop")]
    FutureInvite,

    #[error("the code does not match this invite; check it with the coordinator who made it")]
    WrongCode,

    #[error("this invite has expired; ask for a new one")]
    Expired,

    #[error("this bundle is from another network")]
    WrongNetwork,

    #[error(
        "this bundle comes from a laptop this one does not know yet; \
         first sync with the coordinator who invited it"
    )]
    UnknownDevice,

    #[error("this bundle comes from a device that was removed from the network")]
    Revoked,

    #[error("this bundle contains changes by a device that is not a member of the network")]
    NotAMember,

    #[error(
        "this bundle uses a network key this laptop does not have yet; sync with another coordinator first"
    )]
    UnknownEpoch,

    #[error(
        "a person's record in this bundle is sealed under a key this laptop does not have yet; \
         the rest was applied, and this laptop's next bundle asks for it again"
    )]
    MissingDocKey,

    #[error("this bundle registers a second laptop with an invite that was already used")]
    InviteUsed,

    #[error(
        "this bundle removes a device or changes a device's keys without a valid signature from a member"
    )]
    BadSignedChange,

    #[error("could not read or write the sync file or folder: {0}")]
    Io(String),

    #[error("the system random number generator failed")]
    Random,
}

impl SyncError {
    /// A stable code the app and scripts branch on, never the message text.
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::NotABundle => "not-a-bundle",
            SyncError::Altered
            | SyncError::BadSignature
            | SyncError::BadSeal
            | SyncError::BadDocument(_) => "bundle-altered",
            SyncError::FutureVersion | SyncError::FutureInvite => "newer-version",
            SyncError::TooLarge => "bundle-too-large",
            SyncError::NotAnInvite => "not-an-invite",
            SyncError::WrongCode => "wrong-code",
            SyncError::Expired => "invite-expired",
            SyncError::WrongNetwork => "other-network",
            SyncError::UnknownDevice => "unknown-device",
            SyncError::Revoked => "device-revoked",
            SyncError::NotAMember => "not-a-member",
            SyncError::UnknownEpoch => "unknown-key-epoch",
            SyncError::MissingDocKey => "missing-person-key",
            SyncError::InviteUsed => "invite-used",
            SyncError::BadSignedChange => "bad-signed-change",
            SyncError::Io(_) => "io",
            SyncError::Random => "internal",
        }
    }
}

pub type Result<T, E = SyncError> = std::result::Result<T, E>;
