package io.senchat.web.messages;

import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageKind;
import io.senchat.domain.message.MessageStatus;
import io.senchat.domain.message.OutgoingMessage;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.permission.Action;
import io.senchat.domain.text.RichText;
import io.senchat.domain.timeline.PendingMessage;
import io.senchat.domain.timeline.TimelineEntry;
import io.senchat.domain.unread.ReceiptMarks;
import io.senchat.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link MessageListModel} into row specs: grouping by sender and day, statuses, previews, actions. */
final class RowPlanner {

  /** A run by one sender is broken after this much silence, as messengers do. */
  static final long GROUP_GAP_MILLIS = 10 * 60 * 1000L;
  /** Reply previews show at most this many characters. */
  static final int PREVIEW_CHARS = 120;
  /** At most this many distinct reactions are shown (the domain allows 50). */
  static final int MAX_CHIPS = 50;

  /** The local calendar day of a time, as any number equal for equal days. */
  interface DayKeys {
    int dayOf(long millis);
  }

  private RowPlanner() {
  }

  static List<RowSpec> plan(MessageListModel model, DayKeys days) {
    List<TimelineEntry> entries = model.entries();
    List<Message> bySeq = new ArrayList<>(entries.size());
    for (TimelineEntry e : entries) {
      if (e instanceof TimelineEntry.Confirmed c) {
        bySeq.add(c.message());
      }
    }
    List<RowSpec> rows = new ArrayList<>(entries.size());
    Context ctx = new Context(model);
    UserId prevSender = null;
    long prevTime = 0;
    int prevDay = 0;
    boolean prevSystem = false;
    boolean unreadPlaced = false;
    for (int i = 0; i < entries.size(); i++) {
      TimelineEntry e = entries.get(i);
      UserId sender;
      long time;
      MessageKind kind;
      if (e instanceof TimelineEntry.Confirmed c) {
        sender = c.message().senderId();
        time = c.message().sentAtMillis();
        kind = c.message().kind();
      } else {
        PendingMessage p = (PendingMessage) e;
        sender = p.senderId();
        time = p.createdAtMillis();
        kind = p.message().kind();
      }
      int day = days.dayOf(time);
      boolean dayBreak = i == 0 || day != prevDay;
      boolean system = kind == MessageKind.SYSTEM;
      boolean unread = false;
      if (!unreadPlaced && model.firstUnreadSeq() > 0 && e instanceof TimelineEntry.Confirmed c
          && c.message().seq() >= model.firstUnreadSeq() && !c.message().senderId().equals(model.ownUserId())) {
        unread = true;
        unreadPlaced = true;
      }
      boolean groupStart = dayBreak || unread || system || prevSystem || !sender.equals(prevSender)
          || time - prevTime > GROUP_GAP_MILLIS;
      if (groupStart && !rows.isEmpty()) {
        rows.set(rows.size() - 1, withGroupEnd(rows.get(rows.size() - 1)));
      }
      rows.add(e instanceof TimelineEntry.Confirmed c
          ? confirmed(ctx, c.message(), bySeq, dayBreak, groupStart, unread)
          : local(ctx, (PendingMessage) e, bySeq, dayBreak, groupStart));
      prevSender = sender;
      prevTime = time;
      prevDay = day;
      prevSystem = system;
    }
    if (!rows.isEmpty()) {
      rows.set(rows.size() - 1, withGroupEnd(rows.get(rows.size() - 1)));
    }
    return rows;
  }

  /** Per-render values shared by all rows, so 10,000 rows do not each redo them. */
  private static final class Context {
    final MessageListModel model;
    final ReceiptMarks least;
    private UserId lastUser;
    private String lastName;

    Context(MessageListModel model) {
      this.model = model;
      this.least = model.leastMarks();
    }

    MessageStatus statusOf(long seq) {
      return least == null ? MessageStatus.SENT : least.statusOf(seq);
    }

    /** Consecutive rows are mostly by one sender: remember the last name looked up. */
    String name(UserId user) {
      if (!user.equals(lastUser)) {
        lastUser = user;
        lastName = model.displayName(user);
      }
      return lastName;
    }
  }

  private static RowSpec confirmed(Context ctx, Message m, List<Message> bySeq, boolean dayBreak,
      boolean groupStart, boolean unread) {
    MessageListModel model = ctx.model;
    boolean own = m.senderId().equals(model.ownUserId());
    MessageStatus status = own ? ctx.statusOf(m.seq()) : null;
    List<RowSpec.ReactionChip> chips = new ArrayList<>();
    for (Reaction r : m.reactions()) {
      if (chips.size() == MAX_CHIPS) {
        break;
      }
      chips.add(new RowSpec.ReactionChip(r.emoji(), r.users().size(), r.users().contains(model.ownUserId())));
    }
    MessageRules rules = model.rules();
    long now = model.nowMillis();
    return new RowSpec("s" + m.seq(), m.seq(), null, m, own, status, ctx.name(m.senderId()),
        m.sentAtMillis(), m.kind(), m.deletedForEveryone() ? "" : m.text(), m.mentions(), m.attachment(),
        m.isEdited(), m.deletedForEveryone(), dayBreak, groupStart, false, unread,
        preview(ctx, m.replyToSeq(), bySeq), List.copyOf(chips), rules.can(Action.REACT, m, now),
        rules.can(Action.EDIT, m, now), rules.can(Action.DELETE_FOR_EVERYONE, m, now));
  }

  private static RowSpec local(Context ctx, PendingMessage p, List<Message> bySeq,
      boolean dayBreak, boolean groupStart) {
    OutgoingMessage m = p.message();
    MessageStatus status = p.status() == MessageStatus.FAILED ? MessageStatus.FAILED : MessageStatus.SENDING;
    return new RowSpec("l" + p.clientId(), 0, p.clientId(), null, true, status, ctx.name(p.senderId()),
        p.createdAtMillis(), m.kind(), m.text(), m.mentions(), m.attachment(), false, false, dayBreak, groupStart,
        false, false, preview(ctx, m.replyToSeq(), bySeq), List.of(), false, false, false);
  }

  private static RowSpec.ReplyPreview preview(Context ctx, long seq, List<Message> bySeq) {
    if (seq <= 0) {
      return null;
    }
    Message target = find(bySeq, seq);
    if (target == null) {
      return new RowSpec.ReplyPreview(seq, false, "", "Original message");
    }
    String text = target.deletedForEveryone() ? "Message deleted"
        : target.text().isEmpty() ? describe(target)
        : RichText.plainText(RichText.parse(clip(target.text(), PREVIEW_CHARS * 4), target.mentions()));
    String sender = ctx.model.displayName(target.senderId());
    return new RowSpec.ReplyPreview(seq, true, sender, clip(text, PREVIEW_CHARS));
  }

  /** The confirmed message {@code seq} by binary search (entries are in seq order), or {@code null}. */
  static Message find(List<Message> bySeq, long seq) {
    int lo = 0;
    int hi = bySeq.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long s = bySeq.get(mid).seq();
      if (s == seq) {
        return bySeq.get(mid);
      } else if (s < seq) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  /** What a message without text is, for previews and labels. */
  static String describe(Message m) {
    return switch (m.kind()) {
      case STICKER -> "Sticker";
      case VOICE -> "Voice message";
      case IMAGE -> "Photo";
      case VIDEO -> "Video";
      case FILE -> m.attachment() == null ? "File" : clip(m.attachment().name(), PREVIEW_CHARS);
      default -> "Message";
    };
  }

  static String clip(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    // Never cut a surrogate pair in half.
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }

  private static RowSpec withGroupEnd(RowSpec r) {
    if (r.groupEnd()) {
      return r;
    }
    return new RowSpec(r.key(), r.seq(), r.localId(), r.message(), r.own(), r.status(), r.senderName(),
        r.timeMillis(), r.kind(), r.text(), r.mentions(), r.attachment(), r.edited(), r.deleted(), r.dayBreak(),
        r.groupStart(), true, r.unreadDivider(), r.reply(), r.reactions(), r.canReact(), r.canEdit(),
        r.canDeleteForEveryone());
  }

  /**
   * A height guess for a row never rendered, from its text length and parts, for a list {@code widthPx} wide;
   * close guesses keep the scrollbar steady while rows are measured.
   */
  static int estimateHeight(RowSpec r, int widthPx) {
    int charsPerLine = Math.max(20, (int) (Math.max(200, widthPx) * 0.62 / 7.5));
    // Explicit lines plus wrapping by length; native indexOf keeps this cheap for 10,000 rows.
    String text = r.text();
    int lines = 0;
    int from = 0;
    while (lines < 400) {
      int nl = text.indexOf('\n', from);
      int end = nl < 0 ? text.length() : nl;
      lines += 1 + (end - from) / charsPerLine;
      if (nl < 0) {
        break;
      }
      from = nl + 1;
    }
    int h = 12 + 20 * Math.min(lines, 400) + 14;
    if (r.attachment() != null) {
      h += 48;
    }
    if (r.groupStart() && !r.own()) {
      h += 18;
    }
    if (r.groupEnd()) {
      h += 6;
    }
    if (r.dayBreak()) {
      h += 36;
    }
    if (r.unreadDivider()) {
      h += 30;
    }
    if (r.reply() != null) {
      h += 42;
    }
    if (!r.reactions().isEmpty()) {
      h += 26;
    }
    return h;
  }
}
