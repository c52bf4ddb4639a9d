package io.senchat.server.faults;

import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Two parties message each other, {@code perSide} messages each, paced by their offline queues, while something
 * breaks the network; then every message must reach the other application exactly once and in conversation order.
 * A failure names what was lost, repeated or reordered.
 */
final class Exchange {

  /** What happened, for the test's printout. */
  record Outcome(long millis, int messages, int orderInversionsBySendOrder) {
  }

  private final Party alice;
  private final Party bob;
  private final long aliceId;
  private final long bobId;
  private final ConversationId conversation;
  private final String prefix;

  Exchange(Party alice, long aliceId, Party bob, long bobId, ConversationId conversation, String prefix) {
    this.alice = alice;
    this.bob = bob;
    this.aliceId = aliceId;
    this.bobId = bobId;
    this.conversation = conversation;
    this.prefix = prefix;
  }

  /**
   * Sends {@code perSide} messages each way and waits, up to {@code timeoutMillis} in all, until both applications
   * have everything; {@code midway} runs once when half the messages are queued (a restart, say).
   */
  Outcome run(int perSide, long timeoutMillis, Runnable midway) {
    return run(perSide, timeoutMillis, midway, 0);
  }

  /**
   * As {@link #run(int, long, Runnable)}, queueing message {@code i} of each side no sooner than
   * {@code i * spreadMillis / perSide} after the start, so that the conversation lasts at least {@code spreadMillis}.
   */
  Outcome run(int perSide, long timeoutMillis, Runnable midway, long spreadMillis) {
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    List<String> fromAlice = new ArrayList<>();
    List<String> fromBob = new ArrayList<>();
    boolean midwayDone = midway == null;
    while (fromAlice.size() < perSide || fromBob.size() < perSide) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("could not even queue the messages in time: alice " + fromAlice.size() + ", bob "
            + fromBob.size() + "; statuses " + alice.status() + " / " + bob.status());
      }
      if (!midwayDone && fromAlice.size() + fromBob.size() >= perSide) {
        midwayDone = true;
        midway.run();
      }
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      int allowed = spreadMillis <= 0 ? perSide : (int) Math.min(perSide, 1 + elapsedMillis * perSide / spreadMillis);
      boolean progressed = offer(alice, "a", fromAlice, allowed) | offer(bob, "b", fromBob, allowed);
      if (!progressed) {
        // Both queues are full, or the pace says wait: let acks make room.
        alice.awaitUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), () -> false);
      }
    }
    boolean done = bob.awaitUntil(deadline, () -> countFrom(bob, aliceId) >= perSide)
        && alice.awaitUntil(deadline, () -> countFrom(alice, bobId) >= perSide)
        && alice.awaitUntil(deadline, () -> alice.acked().size() >= perSide)
        && bob.awaitUntil(deadline, () -> bob.acked().size() >= perSide);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    StringBuilder problems = new StringBuilder();
    int inversions = judge("bob", bob, aliceId, fromAlice, problems) + judge("alice", alice, bobId, fromBob, problems);
    judgeAcks("alice", alice, fromAlice, problems);
    judgeAcks("bob", bob, fromBob, problems);
    if (!done || problems.length() > 0) {
      throw new AssertionError((done ? "" : "timed out after " + millis + " ms; ") + problems + "statuses: alice "
          + alice.status() + ", bob " + bob.status());
    }
    return new Outcome(millis, 2 * perSide, inversions);
  }

  private boolean offer(Party party, String side, List<String> sent, int perSide) {
    if (sent.size() >= perSide) {
      return false;
    }
    String clientId = prefix + "-" + side + sent.size();
    if (!party.trySend(conversation, clientId, "message " + sent.size() + " from " + side)) {
      return false;
    }
    sent.add(clientId);
    return true;
  }

  private int countFrom(Party receiver, long senderId) {
    return (int) receiver.received(conversation).stream().filter(m -> m.senderId().value() == senderId).count();
  }

  /** Adds what is wrong with what {@code receiver} got from the sender; returns inversions against send order. */
  private int judge(String name, Party receiver, long senderId, List<String> sent, StringBuilder problems) {
    List<Message> all = receiver.received(conversation);
    // Conversation order: seqs strictly increasing in arrival order, across both senders.
    List<String> outOfOrder = new ArrayList<>();
    for (int i = 1; i < all.size(); i++) {
      if (all.get(i).seq() <= all.get(i - 1).seq()) {
        outOfOrder.add(all.get(i - 1).seq() + "->" + all.get(i).seq());
      }
    }
    Map<String, Integer> times = new HashMap<>();
    List<String> arrived = new ArrayList<>();
    for (Message message : all) {
      if (message.senderId().value() == senderId) {
        times.merge(message.clientId(), 1, Integer::sum);
        arrived.add(message.clientId());
      }
    }
    Set<String> missing = new LinkedHashSet<>(sent);
    missing.removeAll(times.keySet());
    List<String> duplicated = times.entrySet().stream().filter(e -> e.getValue() > 1)
        .map(e -> e.getKey() + "x" + e.getValue()).sorted().toList();
    if (!missing.isEmpty()) {
      problems.append(name).append(" lost ").append(missing.size()).append(": ").append(first(missing)).append("; ");
    }
    if (!duplicated.isEmpty()) {
      problems.append(name).append(" got twice: ").append(first(duplicated)).append("; ");
    }
    if (!outOfOrder.isEmpty()) {
      problems.append(name).append(" out of order at seqs ").append(first(outOfOrder)).append("; ");
    }
    // The sender's own order: the engine keeps one message per conversation in flight, so even a send refused for
    // a while (rate limited) or lost with a connection cannot be overtaken by a later one.
    int inversions = 0;
    String firstInversion = null;
    for (int i = 1; i < arrived.size(); i++) {
      if (sent.indexOf(arrived.get(i)) < sent.indexOf(arrived.get(i - 1))) {
        inversions++;
        firstInversion = firstInversion == null ? arrived.get(i - 1) + "->" + arrived.get(i) : firstInversion;
      }
    }
    if (inversions > 0) {
      problems.append(name).append(" got ").append(inversions).append(" messages out of send order, first ")
          .append(firstInversion).append("; ");
    }
    return inversions;
  }

  private static void judgeAcks(String name, Party party, List<String> sent, StringBuilder problems) {
    List<String> acked = party.acked();
    Set<String> unique = new LinkedHashSet<>(acked);
    if (unique.size() != acked.size()) {
      problems.append(name).append(" had a send acknowledged twice; ");
    }
    Set<String> unacked = new LinkedHashSet<>(sent);
    unacked.removeAll(unique);
    if (!unacked.isEmpty()) {
      problems.append(name).append(" never got the ack of ").append(first(unacked)).append("; ");
    }
    if (!party.failed().isEmpty()) {
      problems.append(name).append(" had sends refused for good: ").append(party.failed()).append("; ");
    }
  }

  private static String first(java.util.Collection<String> items) {
    List<String> list = new ArrayList<>(items);
    return list.size() <= 10 ? list.toString() : list.subList(0, 10) + " and " + (list.size() - 10) + " more";
  }
}
