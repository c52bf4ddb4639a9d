package io.senchat.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Where the token-signing secret comes from: configuration, a file kept beside the data, or a fresh random one. */
public final class TokenSecret {

  private static final int BYTES = 32;

  private TokenSecret() {}

  /**
   * The configured secret (hex, at least 32 bytes) if given; otherwise the one in {@code file}, created on first
   * start, so that a restart does not log every user out.
   */
  public static byte[] load(String configuredHex, Path file) {
    if (configuredHex != null && !configuredHex.isBlank()) {
      return parse(configuredHex.trim(), "--token-secret");
    }
    try {
      if (Files.exists(file)) {
        return parse(Files.readString(file).trim(), file.toString());
      }
      byte[] secret = random();
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, HexFormat.of().formatHex(secret));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // Not a POSIX file system: the file keeps the platform's default permissions.
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the token secret " + file
          + "; make its directory writable or pass --token-secret <64 hex chars>", e);
    }
  }

  /** A fresh random secret (tokens then die with the process). */
  public static byte[] random() {
    byte[] secret = new byte[BYTES];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  private static byte[] parse(String hex, String source) {
    try {
      byte[] secret = HexFormat.of().parseHex(hex);
      if (secret.length >= BYTES) {
        return secret;
      }
    } catch (IllegalArgumentException ignored) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("the token secret from " + source + " must be at least " + BYTES * 2
        + " hex characters");
  }
}
