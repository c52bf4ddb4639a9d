package io.senchat.server.realtime;

import io.senchat.domain.protocol.ClientFrame.WatchPresence;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.user.UserId;
import io.senchat.server.presence.PresenceService;
import io.senchat.store.ChatStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code presence.watch}: {@code ack}, then the current presence of each watched user, then their changes. Only people
 * who share a conversation with the watcher (and the watcher) are watched; other ids are dropped without a word, so
 * that a stranger can neither follow someone's online times nor learn whom they talk to.
 */
@Singleton
final class WatchHandler implements CommandHandler {

  private final PresenceService presence;
  private final ChatStore store;

  @Inject
  WatchHandler(PresenceService presence, ChatStore store) {
    this.presence = presence;
    this.store = store;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    WatchPresence watch = (WatchPresence) command.frame();
    // Before the ack: a refused lookup (database down) then answers with an error frame instead.
    Set<UserId> allowed = new HashSet<>(store.memberships().sharingAConversation(session.userId(),
        watch.userIds()));
    allowed.add(session.userId());
    List<UserId> watched = watch.userIds().stream().filter(allowed::contains).distinct().toList();
    if (command.requestId() != null) {
      session.output().reply(command.requestId(), Ack.EMPTY);
    }
    presence.watch(session, watched);
  }

  @Override
  public String toString() {
    return "presence.watch";
  }
}
