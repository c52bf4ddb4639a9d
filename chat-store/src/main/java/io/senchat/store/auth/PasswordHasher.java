package io.senchat.store.auth;

/** Hashes and verifies passwords; hashes are self-describing strings so parameters can change over time. */
public interface PasswordHasher {

  /** Passwords shorter than this are rejected by {@link #hash}. */
  int MIN_PASSWORD_LENGTH = 8;
  /** Longer passwords are rejected, so that nobody can make the server hash megabytes. */
  int MAX_PASSWORD_LENGTH = 1024;

  /** A new salted hash of {@code password}; VALIDATION failure when its length is out of bounds. */
  String hash(String password);

  /** True if {@code password} matches {@code encodedHash}; compares in constant time, false for unparseable hashes. */
  boolean verify(String password, String encodedHash);

  /** True if {@code encodedHash} was made with other parameters than this hasher's (re-hash after a good login). */
  boolean needsRehash(String encodedHash);

  /** Argon2id (RFC 9106) in PHC string format, {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}. */
  static PasswordHasher argon2id(Argon2Settings settings) {
    return new Argon2idPasswordHasher(settings, new java.security.SecureRandom());
  }
}
