package io.senchat.server.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One browser under test (HtmlUnit or headless Chromium) as the flows need it: real clicks and key strokes on
 * elements found by CSS selector, reads through JavaScript, and waits on conditions.
 */
interface Browser extends AutoCloseable {

  /** Loads {@code url} and returns once the page's own load event has passed. */
  void open(URI url);

  /** Reloads the current page. */
  void reload();

  /** Clicks the first element matching {@code css}. */
  void click(String css);

  /** Types {@code text} key by key into the first element matching {@code css} (focusing it first). */
  void type(String css, String text);

  /** Presses Enter in the first element matching {@code css}. */
  void pressEnter(String css);

  /** Evaluates a JavaScript expression in the page and returns it serialised by {@code JSON.stringify}. */
  String json(String expression);

  /** Polls {@code condition} until it yields a non-null, non-false value, or fails with {@code what}. */
  <T> T await(String what, Duration timeout, Supplier<T> condition);

  /** Texts of {@code alert()} calls so far (none may happen in these tests). */
  List<String> alerts();

  /** A PNG of the window, or nothing when this browser cannot draw. */
  default byte[] screenshot() {
    return new byte[0];
  }

  @Override
  void close();
}
