package io.senchat.server.realtime;

import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame.Pong;
import javax.inject.Inject;
import javax.inject.Singleton;

/** {@code ping}: {@code pong}. */
@Singleton
final class PingHandler implements CommandHandler {

  private static final Pong PONG = new Pong();

  @Inject
  PingHandler() {
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    session.output().reply(command.requestId(), PONG);
  }

  @Override
  public String toString() {
    return "ping";
  }
}
