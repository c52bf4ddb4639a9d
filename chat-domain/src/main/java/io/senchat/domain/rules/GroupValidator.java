package io.senchat.domain.rules;

import static io.senchat.domain.rules.Violations.require;

/** Rules for groups: titles and the member limit; failures throw {@code ChatException(VALIDATION)}. */
public final class GroupValidator {

  private GroupValidator() {
  }

  /**
   * A group title is 1..100 code points, not blank, single-line, without bidi overrides. Groups always have a
   * title: a client proposes one from the member names before creating the group.
   */
  public static void validateTitle(String title) {
    UserValidator.validateName("group title", title, Limits.MAX_TITLE_CHARS);
  }

  /** Rejects a new group whose member count (creator included) is above {@link Limits#MAX_GROUP_MEMBERS}. */
  public static void validateNewGroupSize(int membersIncludingCreator) {
    require(membersIncludingCreator >= 1, "a group needs at least its creator as a member");
    require(membersIncludingCreator <= Limits.MAX_GROUP_MEMBERS, "a group may have at most "
        + Limits.MAX_GROUP_MEMBERS + " members, got " + membersIncludingCreator);
  }

  /** Rejects adding {@code adding} members to a group of {@code current} when the total would pass the limit. */
  public static void validateAddMembers(int current, int adding) {
    if (current < 0) {
      throw new IllegalArgumentException("current member count must not be negative: " + current);
    }
    require(adding >= 1, "add at least one member");
    // Compared as long so a huge "adding" cannot overflow into an accepted total.
    long total = (long) current + adding;
    require(total <= Limits.MAX_GROUP_MEMBERS, "a group may have at most " + Limits.MAX_GROUP_MEMBERS
        + " members: it has " + current + ", adding " + adding + " would make " + total);
  }
}
