package io.senchat.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senchat.domain.protocol.ClientFrame;
import io.senchat.domain.protocol.ProtocolCodec;
import io.senchat.domain.protocol.ServerFrame;
import io.senchat.server.realtime.RawClient;
import io.senchat.server.web.WebAppServer.User;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A conversation of 10,000 messages in Chromium: the message list stays virtual (fewer than 150 rows in the DOM at
 * every scroll position from the newest message to the first), and a scroll benchmark prints frame times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongConversationIT {

  private static final int MESSAGES = 10_000;
  /**
   * Below the server's per-connection burst of 200 frames (hello takes one), so that no loader connection is
   * throttled.
   */
  private static final int PER_CONNECTION = 190;
  private static final int MAX_ROWS = 150;

  private WebAppServer server;
  private ChromiumBrowser browser;
  private User reader;
  private User writer;

  @BeforeAll
  void fillAConversation() {
    if (!ChromiumBrowser.installed()) {
      return; // chromiumInstalled() skips or fails the test itself, so that it is counted
    }
    server = WebAppServer.start();
    reader = server.register("Reader Long");
    writer = server.register("Writer Long");
    long conversation = server.direct(writer, reader);
    long started = System.nanoTime();
    URI ws = URI.create("ws://" + server.url().getAuthority() + "/ws");
    // Sequential connections: each gets a full token bucket and only its own share of the fan-out.
    for (int first = 1; first <= MESSAGES; first += PER_CONNECTION) {
      try (RawClient client = RawClient.connect(server.http(), ws, writer.token())) {
        client.send(ProtocolCodec.encodeClient("h", new ClientFrame.Hello(writer.token(), null, "", "fill")));
        client.await("welcome", frame -> frame instanceof ServerFrame.Welcome);
        int last = Math.min(MESSAGES, first + PER_CONNECTION - 1);
        for (int n = first; n <= last; n++) {
          client.send("{\"v\":1,\"type\":\"message.send\",\"id\":\"s" + n + "\",\"data\":{\"conversationId\":"
              + conversation + ",\"clientId\":\"fill-" + n + "\",\"kind\":\"text\",\"text\":\"Message number " + n
              + (n % 7 == 0 ? ", a longer one that wraps onto a second line in the message list of the app" : "")
              + "\"}}");
        }
        for (int n = first; n <= last; n++) {
          ServerFrame answer = client.await("answer to message " + n, frame -> frame instanceof ServerFrame.Ack
              || frame instanceof ServerFrame.ErrorFrame);
          assertInstanceOf(ServerFrame.Ack.class, answer, "message " + n + " refused");
        }
      }
    }
    System.out.printf("LongConversationIT: %,d messages stored in %.1f s%n", MESSAGES,
        (System.nanoTime() - started) / 1e9);
  }

  @BeforeEach
  void chromiumInstalled() {
    ChromiumBrowser.assumeInstalled();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void tenThousandMessagesKeepTheDomSmallFromBottomToTopAndScrollingIsMeasured() {
    browser = ChromiumBrowser.start();
    ChatUi ui = new ChatUi(browser, server.url(), "Reader").openLogin()
        .login(reader.username(), reader.password(), reader.displayName())
        .openConversation(writer.displayName());
    ui.awaitMessage("Message number " + MESSAGES);
    Screenshots.save("06-long-conversation", browser.screenshot());

    Map<String, Object> bench = scrollBenchmark();
    System.out.printf("LongConversationIT: scroll benchmark over %s frames: median frame %.1f ms, p95 %.1f ms, "
        + "max %.1f ms, rows in DOM at most %s%n", bench.get("frames"), number(bench.get("median")),
        number(bench.get("p95")), number(bench.get("max")), bench.get("maxRows"));

    // From the newest message up to the first, sampling the rows in the DOM at each position.
    browser.json("(function(l){ l.scrollTop = l.scrollHeight; return 0; })(document.querySelector('#message-list'))");
    List<Integer> samples = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (true) {
      Map<String, Object> state = stepUp();
      int rows = ((Number) state.get("rows")).intValue();
      samples.add(rows);
      assertTrue(rows < MAX_ROWS, "rows in the DOM at scrollTop " + state.get("top") + ": " + rows);
      if (((Number) state.get("minSeq")).longValue() == 1 && ((Number) state.get("top")).doubleValue() <= 0) {
        break;
      }
      assertTrue(System.nanoTime() < deadline, "did not reach the first message within 4 minutes; at " + state);
    }
    int max = samples.stream().mapToInt(Integer::intValue).max().orElse(0);
    System.out.printf("LongConversationIT: scrolled from message %,d to 1 through %d positions; rows in the DOM: "
        + "max %d, last %d (data-rendered=%s)%n", MESSAGES, samples.size(), max, samples.get(samples.size() - 1),
        ui.string("String(document.querySelector('#message-list').getAttribute('data-rendered'))"));
    assertTrue(samples.size() > 20, "sampled at many positions: " + samples.size());
    assertEquals("Message number 1", ui.messages().get(0).text(), "the first message is at the top");
  }

  /**
   * Scrolls up by most of a screen and waits two frames for the list to render; when at the top with older
   * messages still unloaded, waits (in the page, up to 10 s) for them to arrive. Returns rows, minSeq and top.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> stepUp() {
    return (Map<String, Object>) browser.async("""
        const list = document.querySelector('#message-list');
        const state = () => {
          const rows = list.querySelectorAll('[data-seq]');
          let min = Infinity;
          rows.forEach(r => { const s = Number(r.getAttribute('data-seq')); if (s > 0 && s < min) { min = s; } });
          return {rows: rows.length, minSeq: min === Infinity ? -1 : min, top: list.scrollTop};
        };
        const before = state();
        list.scrollTop = Math.max(0, list.scrollTop - list.clientHeight * 0.8);
        list.dispatchEvent(new Event('scroll'));
        const started = performance.now();
        const settle = () => requestAnimationFrame(() => requestAnimationFrame(() => {
          const now = state();
          const stuckAtTop = now.top <= 0 && now.minSeq > 1 && now.minSeq >= before.minSeq;
          if (stuckAtTop && performance.now() - started < 10000) { setTimeout(settle, 20); } else { done(now); }
        }));
        settle();
        """);
  }

  /** Scrolls 300 frames upwards, 120 px a frame from the bottom, timing each frame with requestAnimationFrame. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> scrollBenchmark() {
    return (Map<String, Object>) browser.async("""
        const list = document.querySelector('#message-list');
        list.scrollTop = list.scrollHeight;
        const times = [];
        let maxRows = 0;
        let last = 0;
        const frame = (t) => {
          if (last) { times.push(t - last); }
          last = t;
          maxRows = Math.max(maxRows, list.querySelectorAll('[data-seq]').length);
          if (times.length >= 300) {
            const sorted = times.slice().sort((a, b) => a - b);
            done({frames: times.length, median: sorted[Math.floor(sorted.length / 2)],
                p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted[sorted.length - 1], maxRows: maxRows});
            return;
          }
          list.scrollTop = Math.max(0, list.scrollTop - 120);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        """);
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }
}
