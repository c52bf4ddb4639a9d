package io.senchat.server.realtime;

import io.senchat.domain.protocol.ClientFrame.Hello;
import io.senchat.domain.protocol.Inbound;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code hello}: answers {@code welcome}, then, when it carries a sync token, the first page of the replay without
 * request id (protocol.md, resume algorithm step 2).
 *
 * <p>Transports authenticate before the session exists and the core already sent an unprompted {@code welcome}, yet
 * the client engine always says hello: it is answered again. The session keeps the identity the transport
 * established; the token in {@code hello} cannot change it.
 */
@Singleton
final class HelloHandler implements CommandHandler {

  private final SessionWelcome welcome;
  private final Replayer replayer;
  private final RealtimeOptions options;

  @Inject
  HelloHandler(SessionWelcome welcome, Replayer replayer, RealtimeOptions options) {
    this.welcome = welcome;
    this.replayer = replayer;
    this.options = options;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    Hello hello = (Hello) command.frame();
    session.output().reply(command.requestId(), welcome.of(session));
    if (hello.syncToken() != null) {
      replayer.replay(session, null, hello.syncToken(), options.helloBatchLimit());
    }
  }

  @Override
  public String toString() {
    return "hello";
  }
}
