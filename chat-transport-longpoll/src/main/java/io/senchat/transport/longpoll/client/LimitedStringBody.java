package io.senchat.transport.longpoll.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A response body read as UTF-8 text, failing with {@link TooLargeException} beyond a byte cap instead of growing. */
final class LimitedStringBody implements HttpResponse.BodySubscriber<String> {

  private final long maxBytes;
  private final CompletableFuture<String> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  LimitedStringBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A handler for bodies of at most {@code maxBytes} (a character takes one to three bytes). */
  static HttpResponse.BodyHandler<String> handler(long maxBytes) {
    return info -> new LimitedStringBody(maxBytes);
  }

  @Override
  public CompletionStage<String> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    subscription = newSubscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + (long) buffer.remaining() > maxBytes) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(maxBytes));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toString(StandardCharsets.UTF_8));
  }

  /** The body passed the cap. */
  static final class TooLargeException extends RuntimeException {

    TooLargeException(long maxBytes) {
      super("response body over " + maxBytes + " bytes", null, false, false);
    }
  }
}
