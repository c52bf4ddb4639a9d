package io.senchat.domain.client;

import io.senchat.domain.common.Clock;
import io.senchat.domain.conversation.ConversationId;
import io.senchat.domain.presence.TypingDebouncer;
import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.rules.Limits;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns keystrokes into {@code typing} frames through one {@link TypingDebouncer} per conversation being typed in,
 * and sends typing-stop after the idle time. Typing is ephemeral: nothing is sent or kept while offline.
 */
final class TypingSender {

  private static final class Composer {
    final TypingDebouncer debouncer = new TypingDebouncer(Limits.TYPING_IDLE_MILLIS, Limits.TYPING_REFRESH_MILLIS);
    long lastInputAt;
    Cancellable idleTimer;
  }

  private final Connector connector;
  private final Scheduler scheduler;
  private final Clock clock;
  private final Map<ConversationId, Composer> composers = new HashMap<>();

  TypingSender(Connector connector, Scheduler scheduler, Clock clock) {
    this.connector = connector;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** A keystroke in the conversation's composer. */
  void input(ConversationId conversationId) {
    long now = clock.nowMillis();
    Composer composer = composers.get(conversationId);
    if (composer == null) {
      composer = new Composer();
      composers.put(conversationId, composer);
    }
    composer.lastInputAt = now;
    if (composer.debouncer.onInput(now)) {
      connector.sendWithoutReply(new ClientFrame.SetTyping(conversationId, true));
    }
    if (composer.idleTimer == null) {
      armIdle(conversationId, composer, Limits.TYPING_IDLE_MILLIS);
    }
  }

  /** The composer lost focus, or its message was sent: typing-stop if typing-start went out. */
  void stop(ConversationId conversationId) {
    Composer composer = composers.remove(conversationId);
    if (composer == null) {
      return;
    }
    cancel(composer);
    if (composer.debouncer.onBlur()) {
      connector.sendWithoutReply(new ClientFrame.SetTyping(conversationId, false));
    }
  }

  /** Stops every timer, without sending anything (the connection is closing). */
  void stopAll() {
    for (Composer composer : composers.values()) {
      cancel(composer);
    }
    composers.clear();
  }

  int composerCount() {
    return composers.size();
  }

  private void armIdle(ConversationId conversationId, Composer composer, long delayMillis) {
    composer.idleTimer = scheduler.schedule(delayMillis, () -> idleCheck(conversationId, composer));
  }

  private void idleCheck(ConversationId conversationId, Composer composer) {
    composer.idleTimer = null;
    if (composers.get(conversationId) != composer) {
      return;
    }
    long now = clock.nowMillis();
    if (composer.debouncer.poll(now)) {
      composers.remove(conversationId);
      connector.sendWithoutReply(new ClientFrame.SetTyping(conversationId, false));
      return;
    }
    // Keystrokes came meanwhile: check again when the latest one will have gone idle.
    long remaining = composer.lastInputAt + Limits.TYPING_IDLE_MILLIS - now;
    armIdle(conversationId, composer, Math.max(1, remaining));
  }

  private static void cancel(Composer composer) {
    if (composer.idleTimer != null) {
      composer.idleTimer.cancel();
      composer.idleTimer = null;
    }
  }
}
