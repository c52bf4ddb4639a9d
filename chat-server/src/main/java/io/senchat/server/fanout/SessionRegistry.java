package io.senchat.server.fanout;

import io.senchat.domain.user.UserId;
import java.util.List;

/** The live sessions of this node by user, so that fan-out finds every device of every recipient. */
public interface SessionRegistry {

  /** Registers a session; from now on fan-out reaches it. */
  void add(LiveSession session);

  /** Unregisters a session; harmless when absent. */
  void remove(LiveSession session);

  /** The user's live sessions now, possibly empty. */
  List<LiveSession> sessionsOf(UserId userId);

  /** Every live session now, e.g. to close them all at shutdown. */
  List<LiveSession> all();

  /** How many sessions are live. */
  int size();
}
