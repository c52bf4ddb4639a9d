package io.senchat.domain.common;

/** The only source of randomness for domain rules (backoff jitter, client ids), injectable for tests. */
@FunctionalInterface
public interface RandomSource {

  /** A uniformly distributed double in [0, 1). */
  double nextDouble();
}
