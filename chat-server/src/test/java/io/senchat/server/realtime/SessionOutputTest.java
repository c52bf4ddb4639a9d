package io.senchat.server.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.MessageHidden;
import io.senchat.domain.protocol.ServerFrame.Pong;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.protocol.ServerFrame.TypingEvent;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Connection;
import io.senchat.domain.user.UserId;
import io.senchat.server.fanout.LiveSession;
import io.senchat.server.fanout.Push;
import io.senchat.server.fanout.SessionRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionOutputTest {

  private static final ConversationId CONVERSATION = ConversationId.of(42);

  private final RecordingConnection connection = new RecordingConnection();
  private final SessionOutput output = new SessionOutput(connection,
      new RealtimeMetrics(new SimpleMeterRegistry(), new NoSessions()), 3);

  @Test
  void feedEventsWaitForTheFirstFrameButRepliesAndEphemeralEventsDoNot() {
    output.push(Push.of(hidden(1)));
    output.push(Push.of(new TypingEvent(CONVERSATION, UserId.of(9), true)));
    output.reply("p1", new Pong());
    assertEquals(List.of("typing", "pong"), connection.types());

    output.firstFrame(false);
    assertEquals(List.of("typing", "pong", "message.hidden"), connection.types());
  }

  @Test
  void aReplayHoldsLiveEventsUntilItsLastBatchThenReleasesThemInOrder() {
    output.firstFrame(true);
    output.push(Push.of(hidden(1)));
    output.push(Push.of(hidden(2)));
    output.replayBatch(null, new SyncBatch(List.of(), SyncToken.of(5, 1), true));
    assertEquals(List.of("sync.batch"), connection.types());
    output.replayBatch("y1", new SyncBatch(List.of(), SyncToken.of(5, 2), false));
    assertEquals(List.of("sync.batch", "sync.batch", "message.hidden", "message.hidden"), connection.types());
    assertEquals(List.of(1L, 2L), connection.hiddenSeqs());

    output.push(Push.of(hidden(3)));
    assertEquals(3L, connection.hiddenSeqs().get(2), "live again");
  }

  @Test
  void tooManyHeldEventsEndTheSessionWithARetryableReason() {
    output.firstFrame(true);
    for (int i = 1; i <= 4; i++) {
      output.push(Push.of(hidden(i)));
    }
    assertEquals(List.of("error"), connection.types());
    assertEquals(SessionOutput.HELD_OVERFLOW, connection.closedWith);
    assertTrue(SessionOutput.HELD_OVERFLOW.shouldReconnect());
    output.endReplay(null, null);
    assertEquals(List.of("error"), connection.types(), "nothing after the end");
  }

  private static MessageHidden hidden(long seq) {
    return new MessageHidden(CONVERSATION, seq);
  }

  /** A connection that records what is sent. */
  private static final class RecordingConnection implements Connection {

    final List<ServerFrame> sent = new ArrayList<>();
    CloseReason closedWith;

    @Override
    public String id() {
      return "test-1";
    }

    @Override
    public boolean send(String frame) {
      if (closedWith != null) {
        return false;
      }
      sent.add(ProtocolCodec.decodeServer(frame).frame());
      return true;
    }

    @Override
    public void close(CloseReason reason) {
      closedWith = reason;
    }

    List<String> types() {
      return sent.stream().map(ServerFrame::type).toList();
    }

    List<Long> hiddenSeqs() {
      return sent.stream().filter(MessageHidden.class::isInstance).map(f -> ((MessageHidden) f).seq()).toList();
    }
  }

  /** Metrics need a registry to gauge; this test has no sessions. */
  private static final class NoSessions implements SessionRegistry {

    @Override
    public void add(LiveSession session) {
    }

    @Override
    public void remove(LiveSession session) {
    }

    @Override
    public List<LiveSession> sessionsOf(UserId userId) {
      return List.of();
    }

    @Override
    public List<LiveSession> all() {
      return List.of();
    }

    @Override
    public int size() {
      return 0;
    }
  }
}
