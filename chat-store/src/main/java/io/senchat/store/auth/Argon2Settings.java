package io.senchat.store.auth;

/**
 * Argon2id cost parameters.
 *
 * @param memoryKib memory per hash in KiB (m)
 * @param iterations passes over the memory (t)
 * @param parallelism lanes (p)
 * @param saltBytes random salt length
 * @param hashBytes output length
 */
public record Argon2Settings(int memoryKib, int iterations, int parallelism, int saltBytes, int hashBytes) {

  /** OWASP Password Storage Cheat Sheet's first Argon2id option: m=19456 KiB (19 MiB), t=2, p=1. */
  public static final Argon2Settings OWASP = new Argon2Settings(19_456, 2, 1, 16, 32);

  public Argon2Settings {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be in 1..64");
    }
    if (memoryKib < 8 * parallelism || memoryKib > Argon2idPasswordHasher.MAX_MEMORY_KIB) {
      throw new IllegalArgumentException("memoryKib must be in 8*p.." + Argon2idPasswordHasher.MAX_MEMORY_KIB);
    }
    if (iterations < 1 || iterations > Argon2idPasswordHasher.MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be in 1.." + Argon2idPasswordHasher.MAX_ITERATIONS);
    }
    if (saltBytes < 16 || saltBytes > 64 || hashBytes < 16 || hashBytes > 64) {
      throw new IllegalArgumentException("salt and hash lengths must be in 16..64 bytes");
    }
  }

  /** Cheap parameters for tests only: hashing takes well under a millisecond. */
  public static Argon2Settings forTests() {
    return new Argon2Settings(64, 1, 1, 16, 32);
  }
}
