package io.senchat.transport.ws.server;

import io.senchat.domain.transport.CloseReason;
import io.senchat.domain.transport.Principal;

/**
 * The outcome of the pre-upgrade checks, carried from the HTTP request to the upgraded channel.
 *
 * @param principal who connected, or {@code null} when refused
 * @param refusal why the connection is refused right after the upgrade, or {@code null} when accepted
 */
record Admission(Principal principal, CloseReason refusal) {

  static Admission accepted(Principal principal) {
    return new Admission(principal, null);
  }

  static Admission refused(CloseReason refusal) {
    return new Admission(null, refusal);
  }
}
