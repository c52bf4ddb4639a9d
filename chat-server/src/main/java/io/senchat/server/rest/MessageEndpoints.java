package io.senchat.server.rest;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.store.ChatStore;
import io.senchat.store.message.HistoryRequest;
import io.senchat.store.message.MessagePage;
import java.util.Optional;

/** History pages as the caller sees them (without what they deleted for themselves or cleared). */
final class MessageEndpoints {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;
  static final int DEFAULT_EACH_SIDE = 25;
  static final int MAX_EACH_SIDE = 100;
  private static final long MAX_SEQ = (1L << 53) - 1;

  private final ChatStore store;

  MessageEndpoints(ChatStore store) {
    this.store = store;
  }

  /**
   * {@code GET /api/conversations/{id}/messages?before=&after=&limit=}: the newest page without {@code before} and
   * {@code after}; older than {@code before}; newer than {@code after}. Messages ascend by seq.
   */
  Reply history(ApiRequest request) {
    ConversationId id = request.conversationId();
    Optional<Long> before = request.queryLong("before", 1, MAX_SEQ);
    Optional<Long> after = request.queryLong("after", 0, MAX_SEQ);
    int limit = request.limit(DEFAULT_PAGE, MAX_PAGE);
    if (before.isPresent() && after.isPresent()) {
      throw new ChatException(ErrorCode.BAD_FRAME, "give before or after, not both");
    }
    HistoryRequest slice = before.map(seq -> HistoryRequest.before(seq, limit))
        .or(() -> after.map(seq -> HistoryRequest.after(seq, limit)))
        .orElse(HistoryRequest.newest(limit));
    return Reply.ok(RestJson.page(id.value(), store.history().history(id, request.user(), slice)));
  }

  /** {@code GET /api/conversations/{id}/messages/around/{seq}?limit=}: to jump to a message (search, reply). */
  Reply around(ApiRequest request) {
    ConversationId id = request.conversationId();
    long seq = request.pathId("seq");
    int eachSide = request.limit(DEFAULT_EACH_SIDE, MAX_EACH_SIDE);
    MessagePage page = store.history().history(id, request.user(), HistoryRequest.around(seq, eachSide));
    return Reply.ok(RestJson.page(id.value(), page));
  }

  @Override
  public String toString() {
    return "MessageEndpoints";
  }
}
