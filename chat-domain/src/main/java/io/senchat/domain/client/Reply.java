package io.senchat.domain.client;

import io.senchat.domain.protocol.ServerFrame;
import io.senchat.domain.protocol.ServerFrame.ErrorFrame;

/** The engine's handler of one pending request: exactly one method is called, once. */
interface Reply {

  /** The reply frame with the request's id (anything but an error). */
  void onReply(ServerFrame frame);

  /** An error frame with the request's id. */
  void onError(ErrorFrame error);

  /** The connection ended before the reply; the request may or may not have taken effect. */
  void onLost();
}
