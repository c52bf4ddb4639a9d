package io.senchat.domain.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The requests of one connection that await their reply, each with the time by which it must come. */
final class Requests {

  private static final class Entry {
    final Reply reply;
    long deadline;

    Entry(Reply reply, long deadline) {
      this.reply = reply;
      this.deadline = deadline;
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  void add(String id, long deadline, Reply reply) {
    entries.put(id, new Entry(reply, deadline));
  }

  /** Removes and returns the request with this id, or {@code null}. */
  Reply take(String id) {
    Entry entry = entries.remove(id);
    return entry == null ? null : entry.reply;
  }

  /** The earliest deadline, or {@link Long#MAX_VALUE} when nothing is pending. */
  long earliestDeadline() {
    long earliest = Long.MAX_VALUE;
    for (Entry entry : entries.values()) {
      earliest = Math.min(earliest, entry.deadline);
    }
    return earliest;
  }

  /** Moves every deadline already passed at {@code now} to {@code newDeadline}. */
  void extendOverdue(long now, long newDeadline) {
    for (Entry entry : entries.values()) {
      if (entry.deadline <= now) {
        entry.deadline = newDeadline;
      }
    }
  }

  /** Removes everything, returning the replies in the order their requests were sent. */
  List<Reply> drain() {
    List<Reply> replies = new ArrayList<>(entries.size());
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      replies.add(it.next().reply);
      it.remove();
    }
    return replies;
  }

  int size() {
    return entries.size();
  }
}
