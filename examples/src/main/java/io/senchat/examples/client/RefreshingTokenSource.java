package io.senchat.examples.client;

import io.senchat.domain.client.AccessTokenSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AccessTokenSource} for long-running JVM clients: access tokens live 15 minutes, so when the server refuses
 * one (on a reconnect) it trades the refresh token for a new pair over REST, and if the refresh token is refused too,
 * signs in again (e.g. with the bot's password). Transient failures (server unreachable, 5xx) are retried with a
 * growing delay before giving up, because giving up makes the client stop for good.
 *
 * <p>Called by the engine on the client's loop; it answers on the same loop.
 */
public final class RefreshingTokenSource implements AccessTokenSource {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshingTokenSource.class);
  private static final int ATTEMPTS = 5;
  private static final long FIRST_RETRY_MILLIS = 1_000;

  private final SenChatRest rest;
  private final JvmClientRuntime loop;
  private final Supplier<CompletableFuture<SenChatRest.Session>> signIn;
  private SenChatRest.Session session;

  /**
   * @param session the tokens to start with
   * @param signIn signs in from scratch when the refresh token is refused; may be {@code null} when the program
   *     cannot (the client then stops with {@code unauthenticated})
   */
  public RefreshingTokenSource(SenChatRest rest, JvmClientRuntime loop, SenChatRest.Session session,
      Supplier<CompletableFuture<SenChatRest.Session>> signIn) {
    if (rest == null || loop == null || session == null) {
      throw new IllegalArgumentException("rest, loop and session must not be null");
    }
    this.rest = rest;
    this.loop = loop;
    this.session = session;
    this.signIn = signIn;
  }

  @Override
  public String currentToken() {
    return session.accessToken();
  }

  @Override
  public void refresh(RefreshCallback callback) {
    attempt(callback, 1, FIRST_RETRY_MILLIS);
  }

  private void attempt(RefreshCallback callback, int attempt, long retryMillis) {
    CompletableFuture<SenChatRest.Session> renewed = session.refreshToken().isEmpty()
        ? failed(new SenChatRest.RestException(401, "unauthenticated", "no refresh token"))
        : rest.refresh(session.refreshToken());
    renewed.exceptionallyCompose(error -> refused(error) && signIn != null ? signIn.get() : failed(error))
        .whenCompleteAsync((next, error) -> {
          if (error == null) {
            session = next;
            callback.onRefreshed(true);
          } else if (!refused(error) && attempt < ATTEMPTS) {
            LOG.info("token refresh for user {} failed ({}); retrying in {} ms", session.userId(),
                cause(error).toString(), retryMillis);
            loop.runtime().scheduler().schedule(retryMillis, () -> attempt(callback, attempt + 1, retryMillis * 2));
          } else {
            LOG.warn("user {} cannot get a new access token: {}", session.userId(), cause(error).toString());
            callback.onRefreshed(false);
          }
        }, loop.executor());
  }

  /** True when the server answered "no" (4xx): asking again will not help. */
  private static boolean refused(Throwable error) {
    return cause(error) instanceof SenChatRest.RestException rest && rest.status() >= 400 && rest.status() < 500
        && rest.status() != 429;
  }

  private static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }

  private static <T> CompletableFuture<T> failed(Throwable error) {
    return CompletableFuture.failedFuture(cause(error));
  }

  @Override
  public String toString() {
    return "RefreshingTokenSource[" + session + "]";
  }
}
