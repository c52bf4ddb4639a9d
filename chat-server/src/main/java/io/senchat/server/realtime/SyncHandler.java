package io.senchat.server.realtime;

import io.senchat.domain.protocol.ClientFrame.Sync;
import io.senchat.domain.protocol.Inbound;
import javax.inject.Inject;
import javax.inject.Singleton;

/** {@code sync}: the next page of the user's feed after the client's token, as {@code sync.batch}. */
@Singleton
final class SyncHandler implements CommandHandler {

  private final Replayer replayer;

  @Inject
  SyncHandler(Replayer replayer) {
    this.replayer = replayer;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    Sync sync = (Sync) command.frame();
    replayer.replay(session, command.requestId(), sync.syncToken(), sync.limit());
  }

  @Override
  public String toString() {
    return "sync";
  }
}
