package io.senchat.web.platform;

import io.senchat.domain.common.RandomSource;
import javax.inject.Inject;

/** {@code Math.random()}: good enough for backoff jitter and client ids (they are not secrets). */
final class BrowserRandom implements RandomSource {

  @Inject
  BrowserRandom() {}

  @Override
  public double nextDouble() {
    return Math.random();
  }
}
