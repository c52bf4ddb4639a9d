package io.senchat.domain.client;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.ProtocolLimits;
import io.senchat.domain.protocol.ReceiptMark;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coalesces delivery and read marks per conversation and sends them as one {@code receipt.mark} at most every flush
 * interval (scrolling through a conversation marks many seqs; only the highest matters). Marks only move forward, so
 * marks whose {@code ack} was lost with the connection are simply sent again after the next {@code welcome}.
 */
final class ReceiptBatcher {

  private static final class Marks {
    long deliveredSeq;
    long readSeq;
  }

  private final Connector connector;
  private final Scheduler scheduler;
  private final ChatClientListener listener;
  private final long flushMillis;
  private final Map<ConversationId, Marks> pending = new LinkedHashMap<>();
  private Cancellable flushTimer;

  ReceiptBatcher(Connector connector, Scheduler scheduler, ChatClientListener listener, long flushMillis) {
    this.connector = connector;
    this.scheduler = scheduler;
    this.listener = listener;
    this.flushMillis = flushMillis;
  }

  /** Raises the marks of a conversation (0 leaves one unchanged) and schedules a flush. */
  void mark(ConversationId conversationId, long deliveredSeq, long readSeq) {
    if (conversationId == null || deliveredSeq < 0 || readSeq < 0) {
      throw new IllegalArgumentException("need a conversation and non-negative seqs");
    }
    if (deliveredSeq == 0 && readSeq == 0) {
      return;
    }
    merge(conversationId, deliveredSeq, readSeq);
    if (flushTimer == null && connector.isOnline()) {
      flushTimer = scheduler.schedule(flushMillis, () -> {
        flushTimer = null;
        flush();
      });
    }
  }

  /** Sends the pending marks now, if online; otherwise they wait for the next {@code welcome}. */
  void flush() {
    cancelTimer();
    if (pending.isEmpty() || !connector.isOnline()) {
      return;
    }
    List<ReceiptMark> marks = new ArrayList<>(pending.size());
    for (Map.Entry<ConversationId, Marks> entry : pending.entrySet()) {
      marks.add(new ReceiptMark(entry.getKey(), entry.getValue().deliveredSeq, entry.getValue().readSeq));
    }
    pending.clear();
    for (int from = 0; from < marks.size(); from += ProtocolLimits.MAX_RECEIPT_MARKS) {
      List<ReceiptMark> chunk = marks.subList(from, Math.min(marks.size(), from + ProtocolLimits.MAX_RECEIPT_MARKS));
      List<ReceiptMark> sent = List.copyOf(chunk);
      if (connector.request(new ClientFrame.MarkReceipts(sent), new MarkReply(sent)) == null) {
        // Not sent: keep this chunk and the rest for the next connection.
        for (ReceiptMark mark : marks.subList(from, marks.size())) {
          putBack(mark);
        }
        return;
      }
    }
  }

  int pendingCount() {
    return pending.size();
  }

  void stop() {
    cancelTimer();
  }

  private void putBack(ReceiptMark mark) {
    merge(mark.conversationId(), mark.deliveredSeq(), mark.readSeq());
  }

  private void merge(ConversationId conversationId, long deliveredSeq, long readSeq) {
    Marks marks = pending.get(conversationId);
    if (marks == null) {
      marks = new Marks();
      pending.put(conversationId, marks);
    }
    marks.deliveredSeq = Math.max(marks.deliveredSeq, deliveredSeq);
    marks.readSeq = Math.max(marks.readSeq, readSeq);
  }

  private void cancelTimer() {
    if (flushTimer != null) {
      flushTimer.cancel();
      flushTimer = null;
    }
  }

  /** The answer to one {@code receipt.mark}. */
  private final class MarkReply implements Reply {

    private final List<ReceiptMark> marks;

    MarkReply(List<ReceiptMark> marks) {
      this.marks = marks;
    }

    @Override
    public void onReply(ServerFrame frame) {
      // Done: the server has the marks.
    }

    @Override
    public void onError(ErrorFrame error) {
      if (error.retryable()) {
        for (ReceiptMark mark : marks) {
          putBack(mark);
        }
      } else {
        // E.g. not_member for one of the conversations: resending the same marks would fail again.
        listener.onServerError(error);
      }
    }

    @Override
    public void onLost() {
      for (ReceiptMark mark : marks) {
        putBack(mark);
      }
    }
  }
}
