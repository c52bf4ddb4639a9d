package io.senchat.domain.user;

/** Server-assigned identifier of a user account. */
public record UserId(long value) implements Comparable<UserId> {

  public UserId {
    if (value <= 0) {
      throw new IllegalArgumentException("user id must be positive: " + value);
    }
  }

  public static UserId of(long value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "u" + value;
  }
}
