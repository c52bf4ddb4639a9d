package io.senchat.store.auth;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id with BouncyCastle, encoded as a PHC string. */
final class Argon2idPasswordHasher implements PasswordHasher {

  /** Upper bounds when parsing a stored hash, so a tampered row cannot make verification allocate gigabytes. */
  static final int MAX_MEMORY_KIB = 1 << 20;
  static final int MAX_ITERATIONS = 64;

  private static final String PREFIX = "$argon2id$v=19$";
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Argon2Settings settings;
  private final SecureRandom random;

  Argon2idPasswordHasher(Argon2Settings settings, SecureRandom random) {
    this.settings = settings;
    this.random = random;
  }

  @Override
  public String hash(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
      throw new ChatException(ErrorCode.VALIDATION,
          "password must be " + MIN_PASSWORD_LENGTH + "-" + MAX_PASSWORD_LENGTH + " characters");
    }
    byte[] salt = new byte[settings.saltBytes()];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, settings.memoryKib(), settings.iterations(), settings.parallelism(),
        settings.hashBytes());
    return PREFIX + "m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p=" + settings.parallelism()
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  @Override
  public boolean verify(String password, String encodedHash) {
    Phc phc = Phc.parse(encodedHash);
    if (phc == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
      return false;
    }
    byte[] actual = derive(password, phc.salt, phc.memoryKib, phc.iterations, phc.parallelism, phc.hash.length);
    return MessageDigest.isEqual(actual, phc.hash);
  }

  @Override
  public boolean needsRehash(String encodedHash) {
    Phc phc = Phc.parse(encodedHash);
    return phc == null
        || phc.memoryKib != settings.memoryKib()
        || phc.iterations != settings.iterations()
        || phc.parallelism != settings.parallelism()
        || phc.salt.length != settings.saltBytes()
        || phc.hash.length != settings.hashBytes();
  }

  private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
      int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(secret, out);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return out;
  }

  /** A parsed {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} string. */
  private record Phc(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    static Phc parse(String encoded) {
      if (encoded == null || !encoded.startsWith(PREFIX)) {
        return null;
      }
      String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
      if (parts.length != 3) {
        return null;
      }
      int m = -1;
      int t = -1;
      int p = -1;
      for (String parameter : parts[0].split(",", -1)) {
        int eq = parameter.indexOf('=');
        if (eq < 1) {
          return null;
        }
        int value;
        try {
          value = Integer.parseInt(parameter.substring(eq + 1));
        } catch (NumberFormatException e) {
          return null;
        }
        switch (parameter.substring(0, eq)) {
          case "m" -> m = value;
          case "t" -> t = value;
          case "p" -> p = value;
          default -> {
            return null;
          }
        }
      }
      if (p < 1 || p > 64 || m < 8 * p || m > MAX_MEMORY_KIB || t < 1 || t > MAX_ITERATIONS) {
        return null;
      }
      try {
        byte[] salt = B64_DECODER.decode(parts[1]);
        byte[] hash = B64_DECODER.decode(parts[2]);
        if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
          return null;
        }
        return new Phc(m, t, p, salt, hash);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
