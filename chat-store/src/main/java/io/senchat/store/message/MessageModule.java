package io.senchat.store.message;

import io.senchat.domain.common.Clock;
import org.jdbi.v3.core.Jdbi;

/** Builds this package's PostgreSQL implementations; the Jdbi must come from {@code Database.jdbi}. */
public final class MessageModule {

  private MessageModule() {
  }

  /** Appends, edits and deletes. */
  public static MessageStore messageStore(Jdbi jdbi, Clock clock) {
    MessageMappers.register(jdbi);
    return new PostgresMessageStore(jdbi, new Appender(jdbi, clock), clock);
  }

  /** Reactions. */
  public static ReactionStore reactionStore(Jdbi jdbi, Clock clock) {
    MessageMappers.register(jdbi);
    return new PostgresMessageStore(jdbi, new Appender(jdbi, clock), clock);
  }

  /** History as one member sees it. */
  public static MessageReader messageReader(Jdbi jdbi) {
    MessageMappers.register(jdbi);
    return new PostgresMessageReader(jdbi);
  }

  /** Starts a group-commit writer; the caller closes it. */
  public static MessageWriter startWriter(Jdbi jdbi, Clock clock, GroupCommitConfig config) {
    MessageMappers.register(jdbi);
    return new GroupCommitWriter(new Appender(jdbi, clock), config);
  }
}
