package io.senchat.server.realtime;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.FrameException;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in for every client frame, whatever transport brought it: decode, then the guards as decorators
 * (authenticated session, rate limit), then the handler of the command type.
 *
 * <p>The protocol version is enforced by decoding: {@link ProtocolCodec} answers any other {@code v} with
 * {@code unsupported_version}. A frame that cannot be decoded gets an {@code error} with the code and, when it could
 * be read, the request id; the connection stays open.
 */
@Singleton
final class Pipeline {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final CommandHandler chain;
  private final RealtimeMetrics metrics;

  @Inject
  Pipeline(Dispatcher dispatcher, RealtimeMetrics metrics) {
    this.chain = new AuthenticatedGuard(new RateLimitGuard(dispatcher));
    this.metrics = metrics;
  }

  void accept(ClientSession session, String text) {
    metrics.frameIn();
    Inbound command;
    try {
      command = ProtocolCodec.decodeClient(text);
    } catch (FrameException e) {
      session.firstFrameArrived(false);
      session.output().reply(e.requestId(), ErrorFrame.of(e));
      return;
    }
    boolean startsReplay = startsReplay(command.frame());
    session.firstFrameArrived(startsReplay);
    try {
      chain.handle(session, command);
    } catch (ChatException e) {
      fail(session, command, startsReplay, ErrorFrame.of(e));
    } catch (RuntimeException e) {
      LOG.error("{}: {} failed", session, command.frame().type(), e);
      fail(session, command, startsReplay, ErrorFrame.of(ErrorCode.INTERNAL, "internal error"));
    }
  }

  private static void fail(ClientSession session, Inbound command, boolean startsReplay, ErrorFrame error) {
    if (startsReplay) {
      // Refused before its replay began: nothing else would release the live events held for it.
      session.output().endReplay(command.requestId(), error);
    } else {
      session.output().reply(command.requestId(), error);
    }
  }

  /** True for the commands after which the session replays the feed. */
  static boolean startsReplay(ClientFrame frame) {
    return frame instanceof ClientFrame.Sync
        || frame instanceof ClientFrame.Hello hello && hello.syncToken() != null;
  }

  @Override
  public String toString() {
    return "Pipeline[" + chain + "]";
  }
}
