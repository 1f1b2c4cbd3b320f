//! Known-answer and misuse tests for the crypto layer.

use super::*;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("test hex is valid"))
        .collect()
}

fn key(bytes: &[u8]) -> [u8; KEY_LEN] {
    bytes.try_into().expect("test keys are 32 bytes")
}

/// The GCM specification (McGrew & Viega), test case 14: zero key, zero IV, one zero block.
#[test]
fn aes_256_gcm_known_answer_test_case_14() {
    let blob = [
        vec![0u8; 12],
        hex("cea7403d4d606b6e074ec5d3baf39d18"),
        hex("d0d1c8a799996bf0265b98b5d48ab919"),
    ]
    .concat();
    assert_eq!(open(&[0u8; 32], b"", &blob), Ok(vec![0u8; 16]));
}

/// The GCM specification, test case 16: 256-bit key with associated data.
#[test]
fn aes_256_gcm_known_answer_test_case_16() {
    let k = key(&hex(
        "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
    ));
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    let plain = hex(
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
         1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
    );
    let blob = [
        hex("cafebabefacedbaddecaf888"),
        hex(
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
             8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
        ),
        hex("76fc6ece0f4e1768cddf8853bb2d551b"),
    ]
    .concat();
    assert_eq!(open(&k, &aad, &blob), Ok(plain));
    assert_eq!(open(&k, b"other", &blob), Err(AuthError));
}

/// RFC 9106 section 5.3, the Argon2id test vector, through the same crate,
/// algorithm and version we use (the RFC adds a secret and associated data).
#[test]
fn argon2id_rfc9106_vector() {
    let params = argon2::ParamsBuilder::new()
        .m_cost(32)
        .t_cost(3)
        .p_cost(4)
        .data(argon2::AssociatedData::new(&[4u8; 12]).expect("12 bytes of data are allowed"))
        .output_len(32)
        .build()
        .expect("RFC parameters are valid");
    let argon = Argon2::new_with_secret(&[3u8; 8], Algorithm::Argon2id, Version::V0x13, params)
        .expect("an 8-byte secret is allowed");
    let mut out = [0u8; 32];
    argon
        .hash_password_into(&[1u8; 32], &[2u8; 16], &mut out)
        .expect("hashing succeeds");
    assert_eq!(
        out.to_vec(),
        hex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")
    );
}

/// `derive_kek` at the minimum parameters; the expected value was computed
/// independently with OpenSSL's Argon2id (via Python `cryptography`).
#[test]
fn derive_kek_matches_independent_implementation() {
    let kek = derive_kek(
        b"correct horse battery staple",
        b"sanctuary-salt16",
        KdfParams::MINIMUM,
    )
    .expect("minimum parameters are valid");
    assert_eq!(
        kek.to_vec(),
        hex("2b45fe91fe2f8786048fb62793e6dadf4b6e4b80dae040859086a88e6ade6ebe")
    );
}

#[test]
fn sealing_twice_gives_different_ciphertexts() {
    let k = random_key().expect("rng works");
    let a = seal(&k, b"ctx", b"same plaintext").expect("rng works");
    let b = seal(&k, b"ctx", b"same plaintext").expect("rng works");
    assert_ne!(a, b);
    assert_eq!(a.len(), 12 + 14 + 16);
    assert_eq!(open(&k, b"ctx", &a).as_deref(), Ok(&b"same plaintext"[..]));
    assert_eq!(open(&k, b"ctx", &b).as_deref(), Ok(&b"same plaintext"[..]));
}

#[test]
fn wrong_key_or_context_fails() {
    let k = random_key().expect("rng works");
    let other = random_key().expect("rng works");
    let blob = seal(&k, b"ctx", b"secret").expect("rng works");
    assert_eq!(open(&other, b"ctx", &blob), Err(AuthError));
    assert_eq!(open(&k, b"ctx2", &blob), Err(AuthError));
}

#[test]
fn any_flipped_byte_or_truncation_fails() {
    let k = random_key().expect("rng works");
    let blob = seal(&k, b"ctx", b"a plaintext of a few bytes").expect("rng works");
    for i in 0..blob.len() {
        for bit in [0x01u8, 0x80] {
            let mut bad = blob.clone();
            bad[i] ^= bit;
            assert_eq!(open(&k, b"ctx", &bad), Err(AuthError), "flip at byte {i}");
        }
    }
    for len in 0..blob.len() {
        assert_eq!(
            open(&k, b"ctx", &blob[..len]),
            Err(AuthError),
            "truncated to {len}"
        );
    }
}

#[test]
fn key_wrapping_round_trips_and_checks_length() {
    let kek = random_key().expect("rng works");
    let k = random_key().expect("rng works");
    let wrapped = wrap_key(&kek, b"ctx", &k).expect("rng works");
    assert_eq!(wrapped.len(), WRAPPED_KEY_LEN);
    assert_eq!(*unwrap_key(&kek, b"ctx", &wrapped).expect("unwraps"), *k);
    let not_a_key = seal(&kek, b"ctx", &[0u8; 31]).expect("rng works");
    assert!(unwrap_key(&kek, b"ctx", &not_a_key).is_err());
}
