package io.senchat.domain.common;

/** The only source of time for domain rules, so that every rule can be tested with a fake clock. */
@FunctionalInterface
public interface Clock {

  /** Milliseconds since the Unix epoch. */
  long nowMillis();
}
