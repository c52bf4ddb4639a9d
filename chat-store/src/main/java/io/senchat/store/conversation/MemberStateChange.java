package io.senchat.store.conversation;

/**
 * Changes to a member's private view; a {@code null} field is left unchanged.
 *
 * @param mutedUntilMillis 0 to unmute, {@code MemberState.MUTED_FOREVER} for "until I unmute"
 */
public record MemberStateChange(Boolean pinned, Long mutedUntilMillis, Boolean archived, Boolean hidden) {

  public MemberStateChange {
    if (mutedUntilMillis != null && mutedUntilMillis < 0) {
      throw new IllegalArgumentException("mutedUntilMillis must not be negative");
    }
  }

  public static MemberStateChange pinned(boolean pinned) {
    return new MemberStateChange(pinned, null, null, null);
  }

  public static MemberStateChange mutedUntil(long millis) {
    return new MemberStateChange(null, millis, null, null);
  }

  public static MemberStateChange archived(boolean archived) {
    return new MemberStateChange(null, null, archived, null);
  }

  public static MemberStateChange hidden(boolean hidden) {
    return new MemberStateChange(null, null, null, hidden);
  }
}
