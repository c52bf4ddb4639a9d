package io.senchat.server.fanout;

import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.user.UserId;

/** One connected device of a user, as fan-out, presence and shutdown reach it. Implementations are thread-safe. */
public interface LiveSession {

  /** The user this session belongs to. */
  UserId userId();

  /**
   * Queues an event for this session without blocking. Feed events may be held back while the session replays the
   * feed and follow the replay in order; a session that cannot keep up is closed and resumes later.
   */
  void push(Push push);

  /** Ends the session, telling the client why; idempotent. */
  void close(CloseReason reason);
}
