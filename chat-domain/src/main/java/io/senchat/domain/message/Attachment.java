package io.senchat.domain.message;

/**
 * Metadata of an uploaded media file; the bytes live in blob storage under {@code url}.
 *
 * @param name original file name shown to users
 * @param mimeType declared MIME type, e.g. {@code image/jpeg}
 * @param sizeBytes size in bytes, at most {@link io.senchat.domain.rules.Limits#MAX_ATTACHMENT_BYTES}
 * @param width pixels, 0 when not an image or video
 * @param height pixels, 0 when not an image or video
 * @param durationMillis 0 when not voice or video
 * @param url where the file can be downloaded
 * @param thumbnailUrl a small preview, or {@code ""}
 */
public record Attachment(String name, String mimeType, long sizeBytes, int width, int height, long durationMillis,
    String url, String thumbnailUrl) {

  public Attachment {
    if (name == null || mimeType == null || url == null || thumbnailUrl == null) {
      throw new IllegalArgumentException("attachment fields must not be null");
    }
  }
}
