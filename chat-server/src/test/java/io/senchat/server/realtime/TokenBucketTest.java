package io.senchat.server.realtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void aBurstThenTheSustainedRate() {
    TokenBucket bucket = new TokenBucket(10, 3);
    long start = System.nanoTime();
    assertTrue(bucket.tryTake(start));
    assertTrue(bucket.tryTake(start));
    assertTrue(bucket.tryTake(start));
    assertFalse(bucket.tryTake(start), "burst spent");
    assertFalse(bucket.tryTake(start + 50_000_000L), "half a token after 50 ms at 10/s");
    assertTrue(bucket.tryTake(start + 100_000_000L), "one token after 100 ms");
    assertFalse(bucket.tryTake(start + 100_000_000L));
    assertTrue(bucket.tryTake(start + 10_000_000_000L));
    assertTrue(bucket.tryTake(start + 10_000_000_000L));
    assertTrue(bucket.tryTake(start + 10_000_000_000L));
    assertFalse(bucket.tryTake(start + 10_000_000_000L), "never more than the burst");
  }
}
