package io.senchat.store.message;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.Clock;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Attachment;
import io.senchat.domain.message.Mention;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.store.internal.StoreErrors;
import io.senchat.store.internal.Times;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Appends messages, any number per call, with gapless seqs and idempotent retries. The protocol (lock, look for an
 * earlier send, check, number, write) runs in the {@code append_messages} function, one round trip per call; this
 * class prepares its arrays and turns its answers into results.
 */
final class Appender {

  /** What became of one message of a batch: a result or a rejection. */
  record Outcome(AppendResult result, ChatException rejection) {

    static Outcome of(AppendResult result) {
      return new Outcome(result, null);
    }

    static Outcome rejected(ChatException rejection) {
      return new Outcome(null, rejection);
    }
  }

  private record SendKey(long senderId, String clientId) {
  }

  private final Jdbi jdbi;
  private final Clock clock;

  Appender(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Appends one message. A unique violation on (sender, client id) means a send with the same key committed
   * concurrently in another conversation; one more attempt sees it and reports it properly.
   */
  AppendResult appendOne(NewMessage message) {
    for (int attempt = 1; ; attempt++) {
      try {
        Outcome outcome = appendAll(List.of(message), true).get(0);
        return outcome.result();
      } catch (RuntimeException e) {
        if (attempt < 2 && StoreErrors.isConstraintViolation(e, "message_client_id_uq")) {
          continue;
        }
        throw StoreErrors.translate(e);
      }
    }
  }

  /**
   * Appends {@code messages} in one transaction. With {@code allOrNothing} nothing is written unless every message
   * is accepted (or a repeat), and the first rejection is thrown; otherwise rejections are per message.
   */
  List<Outcome> appendAll(List<NewMessage> messages, boolean allOrNothing) {
    int n = messages.size();
    if (n == 0) {
      return List.of();
    }
    Outcome[] outcomes = new Outcome[n];

    // Repeats within the batch share their first occurrence's fate; the function sees each send once.
    int[] sameAs = new int[n];
    Arrays.fill(sameAs, -1);
    Map<SendKey, Integer> firstIndex = new HashMap<>();
    List<Integer> firsts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      NewMessage m = messages.get(i);
      Integer first = firstIndex.putIfAbsent(new SendKey(m.senderId().value(), m.clientId()), i);
      if (first == null) {
        firsts.add(i);
      } else if (!messages.get(first).conversationId().equals(m.conversationId())) {
        outcomes[i] = Outcome.rejected(conflict(m));
        if (allOrNothing) {
          throw outcomes[i].rejection();
        }
      } else {
        sameAs[i] = first;
      }
    }

    long now = clock.nowMillis();
    List<MessageDao.AppendStatus> statuses = call(messages, firsts, allOrNothing, now);

    if (allOrNothing) {
      for (int j = 0; j < firsts.size(); j++) {
        String status = statuses.get(j).status();
        if (!status.equals("OK") && !status.equals("DUPLICATE")) {
          // append_messages wrote nothing.
          throw rejection(messages.get(firsts.get(j)), status);
        }
      }
    }
    List<Integer> duplicates = new ArrayList<>();
    List<MessageRef> originals = new ArrayList<>();
    for (int j = 0; j < firsts.size(); j++) {
      int i = firsts.get(j);
      NewMessage m = messages.get(i);
      MessageDao.AppendStatus status = statuses.get(j);
      switch (status.status()) {
        case "OK" -> outcomes[i] = Outcome.of(new AppendResult(newMessage(m, status.seq(), now), false));
        case "DUPLICATE" -> {
          duplicates.add(i);
          originals.add(new MessageRef(m.conversationId(), status.seq()));
        }
        default -> outcomes[i] = Outcome.rejected(rejection(m, status.status()));
      }
    }
    if (!duplicates.isEmpty()) {
      // Repeats of an earlier send get its current state (it may have been edited since).
      List<Message> loaded = load(originals);
      Map<MessageRef, Message> byRef = new HashMap<>();
      loaded.forEach(message -> byRef.put(message.ref(), message));
      for (int k = 0; k < duplicates.size(); k++) {
        outcomes[duplicates.get(k)] = Outcome.of(new AppendResult(byRef.get(originals.get(k)), true));
      }
    }
    for (int i = 0; i < n; i++) {
      if (sameAs[i] >= 0) {
        Outcome first = outcomes[sameAs[i]];
        outcomes[i] = first.rejection() != null ? first
            : Outcome.of(new AppendResult(first.result().message(), true));
      }
    }
    return Arrays.asList(outcomes);
  }

  private List<MessageDao.AppendStatus> call(List<NewMessage> messages, List<Integer> firsts, boolean allOrNothing,
      long now) {
    int k = firsts.size();
    long[] conversationIds = new long[k];
    long[] senders = new long[k];
    String[] clientIds = new String[k];
    String[] kinds = new String[k];
    String[] bodies = new String[k];
    String[] stickers = new String[k];
    long[] replyTo = new long[k];
    Long[] fwdConversations = new Long[k];
    Long[] fwdSeqs = new Long[k];
    Long[] fwdSenders = new Long[k];
    String[] attNames = new String[k];
    String[] attMimes = new String[k];
    Long[] attSizes = new Long[k];
    Integer[] attWidths = new Integer[k];
    Integer[] attHeights = new Integer[k];
    Long[] attDurations = new Long[k];
    String[] attUrls = new String[k];
    String[] attThumbnails = new String[k];
    int mentionCount = 0;
    for (int i : firsts) {
      mentionCount += messages.get(i).mentions().size();
    }
    int[] mentionOrdinals = new int[mentionCount];
    Long[] mentionUsers = new Long[mentionCount];
    int[] mentionStarts = new int[mentionCount];
    int[] mentionLengths = new int[mentionCount];
    int mentionIndex = 0;
    for (int j = 0; j < k; j++) {
      NewMessage m = messages.get(firsts.get(j));
      conversationIds[j] = m.conversationId().value();
      senders[j] = m.senderId().value();
      clientIds[j] = m.clientId();
      kinds[j] = m.kind().name();
      bodies[j] = m.text();
      stickers[j] = m.stickerId();
      replyTo[j] = m.replyToSeq();
      if (m.forwarded() != null) {
        fwdConversations[j] = m.forwarded().original().conversationId().value();
        fwdSeqs[j] = m.forwarded().original().seq();
        fwdSenders[j] = m.forwarded().originalSender().value();
      }
      Attachment a = m.attachment();
      if (a != null) {
        attNames[j] = a.name();
        attMimes[j] = a.mimeType();
        attSizes[j] = a.sizeBytes();
        attWidths[j] = a.width();
        attHeights[j] = a.height();
        attDurations[j] = a.durationMillis();
        attUrls[j] = a.url();
        attThumbnails[j] = a.thumbnailUrl();
      }
      for (Mention mention : m.mentions()) {
        mentionOrdinals[mentionIndex] = j + 1;
        mentionUsers[mentionIndex] = mention.userId() == null ? null : mention.userId().value();
        mentionStarts[mentionIndex] = mention.start();
        mentionLengths[mentionIndex] = mention.length();
        mentionIndex++;
      }
    }
    // Autocommit: the function call is the whole transaction, committed before the results are read.
    return jdbi.withExtension(MessageDao.class, dao -> dao.append(conversationIds, senders, clientIds, kinds,
        bodies, stickers, replyTo, fwdConversations, fwdSeqs, fwdSenders, attNames, attMimes, attSizes, attWidths,
        attHeights, attDurations, attUrls, attThumbnails, mentionOrdinals, mentionUsers, mentionStarts,
        mentionLengths, allOrNothing, Times.at(now)));
  }

  private List<Message> load(List<MessageRef> refs) {
    long[] conversations = refs.stream().mapToLong(r -> r.conversationId().value()).toArray();
    long[] seqs = refs.stream().mapToLong(MessageRef::seq).toArray();
    return jdbi.withExtension(MessageDao.class, dao -> MessageLoader.hydrate(dao, dao.rows(conversations, seqs)));
  }

  private static ChatException rejection(NewMessage m, String status) {
    ConversationId c = m.conversationId();
    return switch (status) {
      case "CONFLICT" -> conflict(m);
      case "NOT_FOUND" -> new ChatException(ErrorCode.NOT_FOUND, "no conversation " + c);
      case "NOT_MEMBER" -> new ChatException(ErrorCode.NOT_MEMBER, m.senderId() + " is not a member of " + c);
      case "FORBIDDEN" -> new ChatException(ErrorCode.FORBIDDEN,
          "the post setting of " + c + " does not let " + m.senderId() + " post");
      case "BAD_REPLY" -> new ChatException(ErrorCode.VALIDATION,
          "reply to message " + m.replyToSeq() + " which does not exist in " + c);
      default -> new ChatException(ErrorCode.INTERNAL, "unknown append status " + status);
    };
  }

  private static ChatException conflict(NewMessage m) {
    return new ChatException(ErrorCode.CONFLICT,
        "client id " + m.clientId() + " was already used for a message in another conversation");
  }

  private static Message newMessage(NewMessage m, long seq, long now) {
    return new Message(m.conversationId(), seq, m.senderId(), m.clientId(), m.kind(), m.text(), m.attachment(),
        m.stickerId(), m.replyToSeq(), m.forwarded(), m.mentions(), List.of(), now, 0, false);
  }
}
