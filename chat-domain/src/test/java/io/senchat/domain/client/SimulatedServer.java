package io.senchat.domain.client;

import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.common.RandomSource;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.message.Message;
import io.senchat.domain.message.Reaction;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.Inbound;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.Ack;
import io.senchat.domain.protocol.ServerFrame.FeedEvent;
import io.senchat.domain.protocol.ServerFrame.MessageNew;
import io.senchat.domain.protocol.ServerFrame.SyncBatch;
import io.senchat.domain.protocol.SyncToken;
import io.senchat.domain.transport.ClientTransport;
import io.senchat.domain.transport.ClientTransportFactory;
import io.senchat.domain.transport.ClientTransportListener;
import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.user.UserId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory server for one user that keeps the protocol's promises (docs/protocol.md): a change feed with sync
 * tokens, replay after {@code hello}, live events held back during a replay, and {@code message.send} idempotent by
 * client id. Its network is under the test's control: every server-to-client event waits in a queue until the test
 * delivers it, and connections can be dropped, or silently black-holed, at any moment.
 */
final class SimulatedServer implements ClientTransportFactory {

  static final UserId ME = UserId.of(7);
  static final UserId OTHER = UserId.of(9);

  /** Server-side page size, small so that resuming takes several pages. */
  private final int pageSize;
  private final ManualTime time;
  final List<FeedEvent> feed = new ArrayList<>();
  final Map<String, Message> byClientId = new HashMap<>();
  final Map<ConversationId, Long> lastSeq = new HashMap<>();
  final List<Message> messages = new ArrayList<>();
  final List<Connection> connections = new ArrayList<>();
  /** When positive, the next message.send is refused with rate_limited (retryable) and the count goes down. */
  int refuseNextSends;

  SimulatedServer(ManualTime time, int pageSize) {
    this.time = time;
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "sim";
  }

  @Override
  public ClientTransport create(String baseUrl, String accessToken) {
    Connection connection = new Connection();
    connections.add(connection);
    return connection;
  }

  /** The newest connection that can still carry frames, or {@code null}. */
  Connection live() {
    for (int i = connections.size() - 1; i >= 0; i--) {
      Connection c = connections.get(i);
      if (!c.closed && !c.blackholed) {
        return c;
      }
    }
    return null;
  }

  SyncToken head() {
    return SyncToken.of(feed.size(), 0);
  }

  /** Another member posts a message. */
  void postByOther(ConversationId conversationId) {
    long seq = nextSeq(conversationId);
    Message message = ClientHarness.message(seq, OTHER, "x" + conversationId.value() + "-" + seq);
    message = new Message(conversationId, seq, OTHER, message.clientId(), message.kind(), message.text(), null, "",
        0, null, List.of(), List.of(), time.nowMillis(), 0, false);
    messages.add(message);
    append(new MessageNew(message));
  }

  /** Someone reacts to an existing message: a feed event that is not message.new. */
  void react(RandomSource random) {
    if (messages.isEmpty()) {
      return;
    }
    Message m = messages.get((int) (random.nextDouble() * messages.size()));
    Message updated = new Message(m.conversationId(), m.seq(), m.senderId(), m.clientId(), m.kind(), m.text(), null,
        "", 0, null, List.of(), List.of(new Reaction("👍", List.of(OTHER))), m.sentAtMillis(), 0, false);
    append(new ServerFrame.MessageUpdated(updated));
  }

  /** A token-only batch to the caught-up session, moving its position to the head. */
  void checkpoint() {
    Connection c = live();
    if (c != null && c.caughtUp) {
      c.push(null, new SyncBatch(List.of(), head(), false));
    }
  }

  private long nextSeq(ConversationId conversationId) {
    long seq = lastSeq.getOrDefault(conversationId, 0L) + 1;
    lastSeq.put(conversationId, seq);
    return seq;
  }

  private void append(FeedEvent event) {
    feed.add(event);
    for (Connection c : connections) {
      if (c.caughtUp && !c.closed && !c.blackholed) {
        c.push(null, event);
      }
    }
  }

  /** One connection as both ends see it. */
  final class Connection implements ClientTransport {

    private final Deque<Runnable> toClient = new ArrayDeque<>();
    private ClientTransportListener listener;
    boolean opened;
    boolean closed;
    boolean blackholed;
    boolean welcomed;
    boolean caughtUp;

    @Override
    public void connect(ClientTransportListener newListener) {
      listener = newListener;
      toClient.add(() -> {
        opened = true;
        listener.onOpen();
      });
    }

    @Override
    public boolean send(String frame) {
      if (closed || !opened) {
        return false;
      }
      if (!blackholed) {
        receive(ProtocolCodec.decodeClient(frame));
      }
      return true;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      caughtUp = false;
      toClient.clear();
      listener.onClose(CloseReason.NORMAL);
    }

    /** Delivers the next waiting event to the client; false when none waits. */
    boolean deliverOne() {
      Runnable next = toClient.poll();
      if (next == null || closed || blackholed) {
        return false;
      }
      next.run();
      return true;
    }

    boolean hasPending() {
      return !toClient.isEmpty() && !closed && !blackholed;
    }

    /** The network fails: frames in flight are lost and the client hears of it. */
    void drop(CloseReason reason) {
      if (closed) {
        return;
      }
      closed = true;
      caughtUp = false;
      toClient.clear();
      listener.onClose(reason);
    }

    /** The network fails silently (airplane mode, a dead NAT entry): nothing ever arrives again, either way. */
    void blackhole() {
      blackholed = true;
      caughtUp = false;
      toClient.clear();
    }

    void push(String requestId, ServerFrame frame) {
      String text = ProtocolCodec.encodeServer(requestId, frame);
      toClient.add(() -> listener.onFrame(text));
    }

    private void receive(Inbound inbound) {
      String id = inbound.requestId();
      ClientFrame frame = inbound.frame();
      if (frame instanceof ClientFrame.Hello hello) {
        welcomed = true;
        push(id, new ServerFrame.Welcome(ME, "s-" + connections.size(), head(), time.nowMillis(), 25_000));
        if (hello.syncToken() == null) {
          caughtUp = true;
        } else {
          replay(null, hello.syncToken());
        }
      } else if (!welcomed) {
        push(id, ServerFrame.ErrorFrame.of(ErrorCode.UNAUTHENTICATED, "hello first"));
      } else if (frame instanceof ClientFrame.Sync sync) {
        replay(id, sync.syncToken());
      } else if (frame instanceof ClientFrame.SendMessage send) {
        if (refuseNextSends > 0) {
          refuseNextSends--;
          push(id, ServerFrame.ErrorFrame.of(ErrorCode.RATE_LIMITED, "slow down"));
          return;
        }
        Message existing = byClientId.get(send.message().clientId());
        if (existing == null) {
          existing = send.message().toMessage(nextSeq(send.message().conversationId()), ME, time.nowMillis());
          byClientId.put(existing.clientId(), existing);
          messages.add(existing);
          append(new MessageNew(existing));
        }
        push(id, Ack.forSend(existing));
      } else if (frame instanceof ClientFrame.Ping) {
        push(id, new ServerFrame.Pong());
      } else if (id != null) {
        push(id, Ack.EMPTY);
      }
    }

    /** One page of the feed after {@code from}; live events wait until the replay reaches the head. */
    private void replay(String id, SyncToken from) {
      int start = (int) from.txId();
      int end = Math.min(feed.size(), start + pageSize);
      boolean hasMore = end < feed.size();
      caughtUp = !hasMore;
      push(id, new SyncBatch(List.copyOf(feed.subList(start, end)), SyncToken.of(end, 0), hasMore));
    }
  }
}
