package io.senchat.store.conversation;

import io.senchat.domain.common.Clock;
import io.senchat.store.message.MessageReader;
import org.jdbi.v3.core.Jdbi;

/** Builds this package's PostgreSQL implementations; the Jdbi must come from {@code Database.jdbi}. */
public final class ConversationModule {

  private ConversationModule() {
  }

  /** Conversations; {@code messages} supplies the last message of each listed conversation. */
  public static ConversationStore conversationStore(Jdbi jdbi, MessageReader messages, Clock clock) {
    ConversationMappers.register(jdbi);
    return new PostgresConversationStore(jdbi, messages, clock);
  }

  /** Members and roles. */
  public static MembershipStore membershipStore(Jdbi jdbi, Clock clock) {
    ConversationMappers.register(jdbi);
    return new PostgresMembershipStore(jdbi, clock);
  }

  /** Each member's private view of a conversation. */
  public static MemberStateStore memberStateStore(Jdbi jdbi) {
    ConversationMappers.register(jdbi);
    return new PostgresMemberStateStore(jdbi);
  }
}
