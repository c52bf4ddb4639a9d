package io.senchat.server.realtime;

import io.senchat.domain.protocol.ClientFrame.SetTyping;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.server.typing.TypingService;
import javax.inject.Inject;
import javax.inject.Singleton;

/** {@code typing}: members only; relayed (rate-limited) to the other members, never stored. */
@Singleton
final class TypingHandler implements CommandHandler {

  private final Authorizer authorizer;
  private final TypingService typing;

  @Inject
  TypingHandler(Authorizer authorizer, TypingService typing) {
    this.authorizer = authorizer;
    this.typing = typing;
  }

  @Override
  public void handle(ClientSession session, Inbound command) {
    SetTyping frame = (SetTyping) command.frame();
    authorizer.requireMember(session, frame.conversationId());
    // A repeat dropped by the rate limit is still a success: the indicator the others see is right.
    typing.typing(session.userId(), frame.conversationId(), frame.typing());
    if (command.requestId() != null) {
      session.output().reply(command.requestId(), Ack.EMPTY);
    }
  }

  @Override
  public String toString() {
    return "typing";
  }
}
