package io.senchat.web.platform;

/** Random ids for messages ({@code clientId}) and installations ({@code deviceId}). */
public final class Ids {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private Ids() {}

  /** {@code prefix} followed by {@code length} random characters of {@code [a-z0-9]}. */
  public static String random(String prefix, int length) {
    StringBuilder b = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt((int) (Math.random() * ALPHABET.length())));
    }
    return b.toString();
  }
}
