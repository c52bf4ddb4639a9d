package io.senchat.domain.client;

import io.senchat.domain.common.RandomSource;

/**
 * Request ids unique within one engine: a random prefix (so that two clients' ids differ in server logs) and a
 * counter, e.g. {@code "k3f9za.1c"}.
 */
final class RequestIds {

  private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final int PREFIX_CHARS = 6;

  private final String prefix;
  private long counter;

  RequestIds(RandomSource random) {
    StringBuilder out = new StringBuilder(PREFIX_CHARS + 1);
    for (int i = 0; i < PREFIX_CHARS; i++) {
      int digit = (int) (random.nextDouble() * DIGITS.length());
      // Guards for a RandomSource outside [0, 1).
      out.append(DIGITS.charAt(Math.max(0, Math.min(DIGITS.length() - 1, digit))));
    }
    prefix = out.append('.').toString();
  }

  String next() {
    counter++;
    return prefix + Long.toString(counter, 36);
  }
}
