package io.senchat.server.sync;

import io.senchat.domain.conversation.Conversation;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.conversation.Member;
import io.senchat.domain.conversation.MemberState;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.MessageRef;
import io.senchat.domain.protocol.MemberChange;
import io.senchat.domain.protocol.ServerFrame.ConversationUpdated;
import io.senchat.domain.protocol.ServerFrame.FeedEvent;
import io.senchat.domain.protocol.ServerFrame.MemberChanged;
import io.senchat.domain.protocol.ServerFrame.MemberStateChanged;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.MessageUpdated;
import io.senchat.domain.protocol.ServerFrame.ReceiptEvent;
import io.senchat.domain.user.UserId;
import io.senchat.store.ChatStore;
import io.senchat.store.message.MessageReader;
import io.senchat.store.sync.ChangeEvent;
import io.senchat.store.sync.FeedPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one page of change events into protocol feed events for one reader, loading the current state each event
 * points at: messages in bulk, the rest per distinct conversation or member. An event whose subject the reader can no
 * longer see (a message they hid or cleared, a conversation that is gone) yields no frame but still moves the position.
 */
final class FeedEventLoader {

  /** One change event's position and its frame, or {@code null} when it has none for this reader. */
  record Step(FeedPosition position, FeedEvent event) {
  }

  private record MemberKey(ConversationId conversationId, UserId userId) {
  }

  private final ChatStore store;
  private final UserId reader;
  private final Map<MessageRef, Message> messages = new HashMap<>();
  private final Map<ConversationId, Optional<Conversation>> conversations = new HashMap<>();
  private final Map<MemberKey, Optional<Member>> members = new HashMap<>();
  private final Map<ConversationId, Optional<MemberState>> states = new HashMap<>();

  FeedEventLoader(ChatStore store, UserId reader) {
    this.store = store;
    this.reader = reader;
  }

  List<Step> load(List<ChangeEvent> events) {
    loadMessages(events);
    List<Step> steps = new ArrayList<>(events.size());
    for (ChangeEvent event : events) {
      steps.add(new Step(event.position(), frame(event)));
    }
    return steps;
  }

  private void loadMessages(List<ChangeEvent> events) {
    Set<MessageRef> refs = new LinkedHashSet<>();
    for (ChangeEvent event : events) {
      switch (event.kind()) {
        case MESSAGE_NEW, MESSAGE_UPDATED, MESSAGE_DELETED -> {
          if (event.seq() > 0) {
            refs.add(new MessageRef(event.conversationId(), event.seq()));
          }
        }
        default -> {
          // Not about a message's content.
        }
      }
    }
    List<MessageRef> all = new ArrayList<>(refs);
    for (int from = 0; from < all.size(); from += MessageReader.MAX_PAGE) {
      List<MessageRef> chunk = all.subList(from, Math.min(all.size(), from + MessageReader.MAX_PAGE));
      for (Message message : store.history().load(reader, chunk)) {
        messages.put(message.ref(), message);
      }
    }
  }

  private FeedEvent frame(ChangeEvent event) {
    ConversationId conversationId = event.conversationId();
    return switch (event.kind()) {
      case MESSAGE_NEW -> {
        Message message = message(event);
        yield message == null ? null : new MessageNew(message);
      }
      case MESSAGE_UPDATED, MESSAGE_DELETED -> {
        Message message = message(event);
        yield message == null ? null : new MessageUpdated(message);
      }
      case MESSAGE_HIDDEN -> event.seq() > 0 ? new MessageHidden(conversationId, event.seq()) : null;
      // Receipts only move forward, so the event's own mark is as good as the current one.
      case DELIVERED -> event.subject() == null ? null
          : new ReceiptEvent(conversationId, event.subject(), event.seq(), 0);
      case READ -> event.subject() == null ? null
          : new ReceiptEvent(conversationId, event.subject(), event.seq(), event.seq());
      case CONVERSATION_CREATED, CONVERSATION_UPDATED -> conversation(conversationId)
          .map(conversation -> (FeedEvent) new ConversationUpdated(conversation)).orElse(null);
      case MEMBER_ADDED, MEMBER_ROLE, MEMBER_REMOVED -> memberChange(event);
      case MEMBER_STATE -> state(conversationId)
          .map(state -> (FeedEvent) new MemberStateChanged(state)).orElse(null);
    };
  }

  private Message message(ChangeEvent event) {
    return event.seq() > 0 ? messages.get(new MessageRef(event.conversationId(), event.seq())) : null;
  }

  /** The membership as it is now, whatever the event said: replaying an old add after a removal must not re-add. */
  private FeedEvent memberChange(ChangeEvent event) {
    UserId subject = event.subject();
    if (subject == null) {
      return null;
    }
    ConversationId conversationId = event.conversationId();
    Optional<Member> member = members.computeIfAbsent(new MemberKey(conversationId, subject),
        key -> store.memberships().find(key.conversationId(), key.userId()));
    if (member.isEmpty()) {
      return new MemberChanged(conversationId, subject, null, MemberChange.REMOVED);
    }
    MemberChange change = switch (event.kind()) {
      case MEMBER_ROLE -> MemberChange.ROLE;
      default -> MemberChange.ADDED;
    };
    return new MemberChanged(conversationId, subject, member.get().role(), change);
  }

  private Optional<Conversation> conversation(ConversationId conversationId) {
    return conversations.computeIfAbsent(conversationId, id -> store.conversations().find(id));
  }

  private Optional<MemberState> state(ConversationId conversationId) {
    return states.computeIfAbsent(conversationId, id -> store.memberStates().find(id, reader));
  }
}
