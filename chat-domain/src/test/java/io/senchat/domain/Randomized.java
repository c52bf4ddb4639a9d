package io.senchat.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property-style checks without a property-testing library: runs a check against many seeded random cases and
 * names the failing seed, so a failure can be replayed with {@code -Dsenchat.seed=<seed> -Dsenchat.tries=1}.
 *
 * <p>The generators below draw from a {@link Random} only, so a seed fixes the whole case. Numbers and sizes are
 * biased towards the ends of their range (and towards few digits), so boundaries come up in every few tries rather
 * than almost never, as they would with uniform draws.
 */
public final class Randomized {

  private static final long BASE_SEED = Long.getLong("senchat.seed", 20_260_101L);
  private static final int TRIES_OVERRIDE = Integer.getInteger("senchat.tries", 0);

  private Randomized() {
  }

  public static void forAll(int tries, Consumer<Random> check) {
    int n = TRIES_OVERRIDE > 0 ? TRIES_OVERRIDE : tries;
    for (int i = 0; i < n; i++) {
      long seed = BASE_SEED + i;
      try {
        check.accept(random(seed));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed for seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The generator for one seed. {@code new Random(seed)} for consecutive seeds starts out almost alike: the first
   * {@code nextDouble()} moves by about 3e-4 from one seed to the next, so over a hundred tries the first
   * {@code nextBoolean()} or {@code nextInt(4)} hardly ever changes. The seed is scrambled first (SplitMix64).
   */
  public static Random random(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  /** A random string mixing ASCII, markers, accented and CJK letters, emoji halves and whole emoji. */
  public static String anyText(Random random, int maxLength, String alphabet) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      int pick = random.nextInt(10);
      if (pick == 0) {
        out.append("😀");
      } else if (pick == 1) {
        out.append((char) random.nextInt(0x10000));
      } else {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return out.toString();
  }

  /**
   * A long in {@code [min, max]}: a tenth of the time {@code min}, a tenth {@code max}, a tenth next to either end,
   * a tenth within 2 of zero, a fifth with few digits (a random bit length), the rest uniform.
   */
  public static long longBetween(Random random, long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    switch (random.nextInt(10)) {
      case 0:
        return min;
      case 1:
        return max;
      case 2:
        // Next to an end, e.g. 2^53 - 2 or 1 above a minimum of 0.
        long span = max - min; // negative when the range is wider than Long.MAX_VALUE
        long reach = span >= 0 && span < 3 ? span : 3;
        return random.nextBoolean() ? min + uniform(random, 0, reach) : max - uniform(random, 0, reach);
      case 3:
        // Next to zero: -2..2 as far as the range allows.
        if (min <= 2 && max >= -2) {
          return uniform(random, Math.max(min, -2), Math.min(max, 2));
        }
        return uniform(random, min, max);
      case 4:
      case 5:
        // Few digits: a random bit length, a random sign when the range allows it.
        long magnitude = uniform(random, 0, (1L << random.nextInt(63)) - 1);
        long value = min < 0 && random.nextBoolean() ? -magnitude : magnitude;
        return value >= min && value <= max ? value : uniform(random, min, max);
      default:
        return uniform(random, min, max);
    }
  }

  /** Any long, biased as in {@link #longBetween}: zero, the extremes and short values come up often. */
  public static long anyLong(Random random) {
    return longBetween(random, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** An int in {@code [min, max]}, biased as in {@link #longBetween}. */
  public static int intBetween(Random random, int min, int max) {
    return (int) longBetween(random, min, max);
  }

  /** A uniformly drawn long in {@code [min, max]}. */
  public static long uniform(Random random, long min, long max) {
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return random.nextLong(min - 1, max) + 1;
    }
    return random.nextLong();
  }

  /** One of the values, uniformly. */
  @SafeVarargs
  public static <T> T oneOf(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }

  /** One of the values, uniformly. */
  public static <T> T oneOf(Random random, List<? extends T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** One of the constants of an enum, uniformly. */
  public static <E extends Enum<E>> E oneOf(Random random, Class<E> type) {
    return oneOf(random, type.getEnumConstants());
  }

  /** The value of one of the generators, picked uniformly. */
  @SafeVarargs
  public static <T> T either(Random random, Function<Random, ? extends T>... generators) {
    return generators[random.nextInt(generators.length)].apply(random);
  }

  /** {@code null} with the given probability, else a generated value. */
  public static <T> T orNull(Random random, double nullProbability, Function<Random, ? extends T> generator) {
    return random.nextDouble() < nullProbability ? null : generator.apply(random);
  }

  /** A list of {@code min..max} generated elements; the size is biased as in {@link #longBetween}. */
  public static <T> List<T> listOf(Random random, int min, int max, Function<Random, ? extends T> element) {
    int size = intBetween(random, min, max);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(element.apply(random));
    }
    return list;
  }

  /**
   * A string of {@code min..max} UTF-16 code units, each one drawn from the alphabet by itself (so an alphabet with
   * surrogates gives lone ones as well as pairs); the length is biased as in {@link #longBetween}.
   */
  public static String stringOf(Random random, int min, int max, String alphabet) {
    int length = intBetween(random, min, max);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** A string of {@code min..max} code units from {@code lowest..highest}; the length is biased. */
  public static String charsBetween(Random random, int min, int max, char lowest, char highest) {
    int length = intBetween(random, min, max);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) (lowest + random.nextInt(highest - lowest + 1)));
    }
    return out.toString();
  }

  /** Any UTF-16 code unit, with ASCII (controls included) and surrogates more frequent than a uniform draw gives. */
  public static char anyChar(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return (char) random.nextInt(0x80);
      case 1:
        return (char) (0xD800 + random.nextInt(0x800));
      default:
        return (char) random.nextInt(0x10000);
    }
  }

  /** A string of {@code min..max} arbitrary UTF-16 code units: controls, lone surrogates and pairs included. */
  public static String anyChars(Random random, int min, int max) {
    int length = intBetween(random, min, max);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(anyChar(random));
    }
    return out.toString();
  }

  /** {@code min..max} random bytes; the length is biased as in {@link #longBetween}. */
  public static byte[] bytes(Random random, int min, int max) {
    byte[] bytes = new byte[intBetween(random, min, max)];
    random.nextBytes(bytes);
    return bytes;
  }
}
