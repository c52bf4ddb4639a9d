package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.protocol.ClientFrame.MarkReceipts;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ReceiptMark;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.ReceiptEvent;
import io.senchat.server.fanout.FanOut;
import io.senchat.server.membership.Memberships;
import io.senchat.server.sync.WriteBarrier;
import io.senchat.store.ChatStore;
import io.senchat.store.receipt.ReceiptMarks;
import io.senchat.store.receipt.ReceiptUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code receipt.mark}: all marks of the frame in one transaction; the store only ever raises them. Marks for
 * conversations the user is not in are skipped (all of them skipped is {@code not_member}). Every conversation whose
 * marks may have moved gets a {@code receipt} event with the marks now.
 */
@Singleton
final class ReceiptHandler implements CommandHandler {

  private final Memberships memberships;
  private final ChatStore store;
  private final FanOut fanOut;
  private final WriteBarrier barrier;

  @Inject
  ReceiptHandler(Memberships memberships, ChatStore store, FanOut fanOut, WriteBarrier barrier) {
    this.memberships = memberships;
    this.store = store;
    this.fanOut = fanOut;
    this.barrier = barrier;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    List<ReceiptUpdate> updates = new ArrayList<>();
    Map<ConversationId, ReceiptMark> requested = new HashMap<>();
    for (ReceiptMark mark : ((MarkReceipts) command.frame()).marks()) {
      boolean member = memberships.find(mark.conversationId())
          .map(members -> members.isMember(session.userId())).orElse(false);
      if (member) {
        updates.add(new ReceiptUpdate(mark.conversationId(), mark.deliveredSeq(), mark.readSeq()));
        requested.merge(mark.conversationId(), mark, ReceiptHandler::higher);
      }
    }
    if (updates.isEmpty()) {
      throw new ChatException(ErrorCode.NOT_MEMBER, "you are not a member of these conversations");
    }
    barrier.around(() -> {
      for (ReceiptMarks marks : store.receipts().mark(session.userId(), updates)) {
        if (mayHaveMoved(marks, requested.get(marks.conversationId()))) {
          fanOut.toConversation(marks.conversationId(),
              new ReceiptEvent(marks.conversationId(), marks.userId(), marks.deliveredSeq(), marks.readSeq()));
        }
      }
    });
    if (command.requestId() != null) {
      session.output().reply(command.requestId(), Ack.EMPTY);
    }
  }

  /**
   * False only when the stored marks are above everything asked for, so this request cannot have raised them; equal
   * may be a raise, and lower means capped at the conversation's last seq, which may be a raise too.
   */
  static boolean mayHaveMoved(ReceiptMarks now, ReceiptMark asked) {
    if (asked == null) {
      return true;
    }
    long askedDelivered = Math.max(asked.deliveredSeq(), asked.readSeq());
    boolean delivered = askedDelivered > 0 && now.deliveredSeq() <= askedDelivered;
    boolean read = asked.readSeq() > 0 && now.readSeq() <= asked.readSeq();
    return delivered || read;
  }

  private static ReceiptMark higher(ReceiptMark a, ReceiptMark b) {
    return new ReceiptMark(a.conversationId(), Math.max(a.deliveredSeq(), b.deliveredSeq()),
        Math.max(a.readSeq(), b.readSeq()));
  }

  @Override
  public String toString() {
    return "receipt.mark";
  }
}
