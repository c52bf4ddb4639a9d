package io.senchat.store.message;

/**
 * A previous version of an edited message.
 *
 * @param version 1 for the original text, then 2, 3...
 * @param writtenAtMillis when this version was sent or written by an edit
 */
public record MessageEdit(int version, String text, long writtenAtMillis) {
}
