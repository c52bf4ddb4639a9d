package io.senchat.web.state;

import io.senchat.domain.client.ConnectionStatus;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.timeline.PendingMessage;
import io.senchat.domain.user.UserProfile;
import java.util.List;

/** Everything that can change the {@link AppState}; the {@link Reducer} is the only code that applies them. */
public sealed interface Action {

  record SignedIn(UserProfile me) implements Action {}

  record SignedOut() implements Action {}

  /** My own profile changed (settings, or a fresher copy from the server). */
  record ProfileUpdated(UserProfile me) implements Action {}

  /** Rows from {@code GET /api/conversations}; {@code replace} drops rows that are not in the list. */
  record ConversationsLoaded(List<ConvEntry> entries, boolean replace) implements Action {}

  /** One row learned from REST (a chat just created or opened, or fetched after {@code conversation.updated}). */
  record ConversationUpserted(ConvEntry entry) implements Action {}

  record Opened(ConversationId id) implements Action {}

  /** A page of history; {@code hasOlder} is the page's {@code hasMoreBefore} when it holds the oldest rows. */
  record HistoryLoaded(ConversationId id, List<Message> messages, Boolean hasOlder, long focusSeq)
      implements Action {}

  record MembersLoaded(ConversationId id, List<MemberInfo> members) implements Action {}

  /** A frame from the real-time client: feed events, typing, presence. */
  record Server(ServerFrame frame, long nowMillis) implements Action {}

  record PendingAdded(PendingMessage message) implements Action {}

  record SendAcked(ConversationId id, String clientId, long seq, long sentAtMillis) implements Action {}

  record SendFailed(ConversationId id, String clientId) implements Action {}

  record Retrying(ConversationId id, String clientId) implements Action {}

  record PendingDiscarded(ConversationId id, String clientId) implements Action {}

  /** I read the conversation up to {@code seq} on this device. */
  record MarkedRead(ConversationId id, long seq) implements Action {}

  record Connection(ConnectionStatus status) implements Action {}

  record FilterChanged(String filter) implements Action {}

  record InfoToggled(boolean open) implements Action {}

  /** Time passed: expires typing indicators that were not refreshed. */
  record Tick(long nowMillis) implements Action {}
}
