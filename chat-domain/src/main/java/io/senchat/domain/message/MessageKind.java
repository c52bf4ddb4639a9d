package io.senchat.domain.message;

/** What a message carries. Media kinds carry an {@link Attachment}; SYSTEM messages are written by the server. */
public enum MessageKind {
  TEXT,
  STICKER,
  VOICE,
  IMAGE,
  VIDEO,
  FILE,
  SYSTEM;

  /** True for the kinds that must carry an attachment. */
  public boolean hasAttachment() {
    return this == VOICE || this == IMAGE || this == VIDEO || this == FILE;
  }
}
