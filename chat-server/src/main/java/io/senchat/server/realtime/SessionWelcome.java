package io.senchat.server.realtime;

import io.senchat.domain.common.Clock;
import io.senchat.domain.protocol.ServerFrame.Welcome;
import io.senchat.server.sync.FeedReplay;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Builds a session's {@code welcome}: its user and id, the feed's head now, the server time, the heartbeat. */
@Singleton
final class SessionWelcome {

  private final FeedReplay feed;
  private final Clock clock;
  private final RealtimeOptions options;

  @Inject
  SessionWelcome(FeedReplay feed, Clock clock, RealtimeOptions options) {
    this.feed = feed;
    this.clock = clock;
    this.options = options;
  }

  Welcome of(ClientSession session) {
    return new Welcome(session.userId(), session.sessionId(), feed.head(), clock.nowMillis(),
        options.heartbeatMillis());
  }
}
