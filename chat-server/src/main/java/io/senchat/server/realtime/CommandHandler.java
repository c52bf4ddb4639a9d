package io.senchat.server.realtime;

import io.senchat.domain.protocol.Inbound;

/**
 * One stage of the dispatch pipeline: a guard that checks and passes on, or the handler of one command type. A
 * handler replies through the session's output; a {@link io.senchat.domain.common.ChatException} it throws becomes
 * the command's {@code error} reply.
 */
interface CommandHandler {

  void handle(ClientSession session, Inbound command);
}
