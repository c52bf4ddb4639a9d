package io.senchat.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.SilentJavaScriptErrorListener;
import org.htmlunit.javascript.host.event.KeyboardEvent;

/** HtmlUnit (Chrome profile) running the GWT output in the JVM; script errors are collected and reported. */
final class HtmlUnitBrowser implements Browser {

  private final WebClient client;
  private final List<String> alerts = new CopyOnWriteArrayList<>();
  private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

  HtmlUnitBrowser() {
    client = new WebClient(BrowserVersion.CHROME);
    client.getOptions().setThrowExceptionOnScriptError(false);
    client.getOptions().setThrowExceptionOnFailingStatusCode(false);
    client.getOptions().setPrintContentOnFailingStatusCode(false);
    client.setAlertHandler((page, message) -> alerts.add(message));
    client.setJavaScriptErrorListener(new SilentJavaScriptErrorListener() {
      @Override
      public void scriptException(HtmlPage page, ScriptException e) {
        scriptErrors.add(e.getMessage());
      }
    });
  }

  @Override
  public void open(URI url) {
    try {
      client.getPage(url.toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void reload() {
    try {
      page().refresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void click(String css) {
    try {
      element(css).click();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void type(String css, String text) {
    try {
      HtmlElement element = element(css);
      element.focus();
      element.type(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void pressEnter(String css) {
    try {
      element(css).type(KeyboardEvent.DOM_VK_RETURN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String json(String expression) {
    Object result = page().executeJavaScript("JSON.stringify(" + expression + ")").getJavaScriptResult();
    return result == null ? "null" : result.toString();
  }

  @Override
  public <T> T await(String what, Duration timeout, Supplier<T> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = condition.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("HtmlUnit: timed out after " + timeout.toSeconds() + " s waiting for " + what
            + (scriptErrors.isEmpty() ? "" : "; script errors: " + scriptErrors));
      }
      // Runs the page's timers and socket callbacks for a moment; returns early when nothing is pending.
      client.waitForBackgroundJavaScript(50);
    }
  }

  @Override
  public List<String> alerts() {
    return List.copyOf(alerts);
  }

  private HtmlPage page() {
    Page page = client.getCurrentWindow().getEnclosedPage();
    if (!(page instanceof HtmlPage html)) {
      throw new AssertionError("not an HTML page: " + page);
    }
    return html;
  }

  private HtmlElement element(String css) {
    DomNode node = page().querySelector(css);
    if (!(node instanceof HtmlElement element)) {
      throw new AssertionError("no element " + css + " in the page");
    }
    return element;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "HtmlUnit";
  }
}
