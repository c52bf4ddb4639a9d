package io.senchat.domain.transport.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.senchat.domain.common.ChatException;
import io.senchat.domain.common.ErrorCode;
import io.senchat.domain.transport.Connection;
import io.senchat.domain.transport.ConnectionAcceptor;
import io.senchat.domain.transport.ConnectionSession;
import io.senchat.domain.transport.Handshake;
import io.senchat.domain.transport.Principal;
import io.senchat.domain.user.UserId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny core for tests: token {@code user-<n>…} is user n, {@code expired} is expired, anything else is refused;
 * user 99 is refused at open; sessions echo every frame unless told otherwise.
 */
public final class TestAcceptor implements ConnectionAcceptor {

  public static final String REFUSED_AT_OPEN = "user-99";

  private final BlockingQueue<Handshake> handshakes = new LinkedBlockingQueue<>();
  private final BlockingQueue<TestSession> sessions = new LinkedBlockingQueue<>();
  private final boolean echo;
  private final CountDownLatch gate;

  /** An echoing acceptor. */
  public TestAcceptor() {
    this(true, new CountDownLatch(0));
  }

  /**
   * @param echo whether sessions send each frame back
   * @param gate sessions wait on it before taking each frame
   */
  public TestAcceptor(boolean echo, CountDownLatch gate) {
    this.echo = echo;
    this.gate = gate;
  }

  @Override
  public Principal authenticate(Handshake handshake) {
    handshakes.add(handshake);
    String token = handshake.accessToken();
    if (token.isEmpty()) {
      throw new ChatException(ErrorCode.UNAUTHENTICATED, "missing access token");
    }
    if (token.equals("expired")) {
      throw new ChatException(ErrorCode.TOKEN_EXPIRED, "access token expired");
    }
    int end = 5;
    while (end < token.length() && Character.isDigit(token.charAt(end))) {
      end++;
    }
    if (!token.startsWith("user-") || end == 5) {
      throw new ChatException(ErrorCode.UNAUTHENTICATED, "invalid access token");
    }
    // Anything after the digits is ignored, so tests can send tokens with odd characters.
    return new Principal(UserId.of(Long.parseLong(token.substring(5, end))), handshake.header("x-device-id"));
  }

  @Override
  public ConnectionSession open(Connection connection, Principal principal) {
    if (principal.userId().value() == 99) {
      throw new ChatException(ErrorCode.FORBIDDEN, "user is banned");
    }
    TestSession session = new TestSession(connection, principal, echo, gate);
    sessions.add(session);
    return session;
  }

  /** The next handshake seen, waiting up to 5 s. */
  public Handshake nextHandshake() throws InterruptedException {
    Handshake handshake = handshakes.poll(5, TimeUnit.SECONDS);
    assertNotNull(handshake, "no handshake within 5 s");
    return handshake;
  }

  /** The next session opened, waiting up to 5 s. */
  public TestSession nextSession() throws InterruptedException {
    TestSession session = sessions.poll(5, TimeUnit.SECONDS);
    assertNotNull(session, "no session opened within 5 s");
    return session;
  }

  /** True when no session was opened (and none opens within the given wait). */
  public boolean noSessionWithin(long millis) throws InterruptedException {
    return sessions.poll(millis, TimeUnit.MILLISECONDS) == null;
  }

  @Override
  public String toString() {
    return "TestAcceptor[echo=" + echo + "]";
  }
}
