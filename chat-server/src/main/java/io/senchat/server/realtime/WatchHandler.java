package io.senchat.server.realtime;

import io.senchat.domain.protocol.ClientFrame.WatchPresence;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.server.presence.PresenceService;
import javax.inject.Inject;
import javax.inject.Singleton;

/** {@code presence.watch}: {@code ack}, then the current presence of each watched user, then their changes. */
@Singleton
final class WatchHandler implements CommandHandler {

  private final PresenceService presence;

  @Inject
  WatchHandler(PresenceService presence) {
    this.presence = presence;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    WatchPresence watch = (WatchPresence) command.frame();
    if (command.requestId() != null) {
      session.output().reply(command.requestId(), Ack.EMPTY);
    }
    presence.watch(session, watch.userIds());
  }

  @Override
  public String toString() {
    return "presence.watch";
  }
}
