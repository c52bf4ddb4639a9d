package io.senchat.server.auth;

/** The secret that signs access tokens (at least 32 bytes), kept apart so Dagger can bind it by type. */
public final class TokenKey {

  private final byte[] secret;

  /** A key over a copy of {@code secret}. */
  public TokenKey(byte[] secret) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("the token secret needs at least 32 bytes");
    }
    this.secret = secret.clone();
  }

  /** A copy of the secret. */
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public String toString() {
    return "TokenKey[***]";
  }
}
