package io.senchat.store.message;

import io.senchat.domain.message.Message;

/**
 * A message that mentions the user, directly or with {@code @all}.
 *
 * @param position pass as {@code before} to get older hits
 */
public record MentionHit(long position, Message message) {
}
