package io.senchat.examples.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server's own view of a send, from its {@code /metrics} page: the {@code senchat.send.latency} histogram (frame
 * received to ack queued, the durable commit and the fan-out included). Read before and after the sending window, it
 * splits the end-to-end latency into the server's part and the rest (transports, both clients' loops).
 */
final class ServerSendLatency {

  private static final String BUCKET = "senchat_send_latency_seconds_bucket{le=\"";
  /** More bucket lines than this means the page is not what we think it is. */
  private static final int MAX_BUCKETS = 1_000;

  private ServerSendLatency() {}

  /** Cumulative counts by upper bound in seconds ({@code +Inf} as {@link Double#POSITIVE_INFINITY}). */
  record Histogram(TreeMap<Double, Long> cumulative) {

    long count() {
      return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /** The sends recorded since {@code earlier}. */
    Histogram minus(Histogram earlier) {
      TreeMap<Double, Long> delta = new TreeMap<>();
      cumulative.forEach((bound, count) -> delta.put(bound, count - earlier.cumulative.getOrDefault(bound, 0L)));
      return new Histogram(delta);
    }

    /** The upper bound of the bucket holding the {@code percentile}th value, in microseconds; -1 when empty. */
    long percentileMicros(double percentile) {
      long total = count();
      if (total <= 0) {
        return -1;
      }
      long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
      for (var bucket : cumulative.entrySet()) {
        if (bucket.getValue() >= rank) {
          double bound = bucket.getKey();
          return Double.isInfinite(bound) ? Long.MAX_VALUE : Math.round(bound * 1e6);
        }
      }
      return Long.MAX_VALUE;
    }
  }

  /** Reads the histogram; empty when the server has no metrics page (or it cannot be read within 5 s). */
  static Optional<Histogram> scrape(HttpClient http, URI base) {
    try {
      HttpRequest request = HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(5)).GET()
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? parse(response.body()) : Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The histogram in a Prometheus text page, or empty when the page has none. */
  static Optional<Histogram> parse(String page) {
    TreeMap<Double, Long> buckets = new TreeMap<>();
    for (String line : page.split("\n")) {
      if (!line.startsWith(BUCKET) || buckets.size() >= MAX_BUCKETS) {
        continue;
      }
      int close = line.indexOf('"', BUCKET.length());
      int space = line.lastIndexOf(' ');
      if (close < 0 || space < close) {
        continue;
      }
      try {
        String bound = line.substring(BUCKET.length(), close);
        double le = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
        buckets.put(le, (long) Double.parseDouble(line.substring(space + 1).trim()));
      } catch (NumberFormatException e) {
        // Not a bucket line after all.
      }
    }
    return buckets.isEmpty() ? Optional.empty() : Optional.of(new Histogram(buckets));
  }
}
