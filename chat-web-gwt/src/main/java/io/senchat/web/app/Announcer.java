package io.senchat.web.app;

import elemental2.dom.DomGlobal;
import elemental2.dom.HTMLElement;
import io.senchat.domain.client.Scheduler;
import io.senchat.web.ui.Dom;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Speaks to screen readers through the polite live region {@code #live-region} (new messages, failures). The text is
 * replaced, not appended, so the region never grows.
 */
@Singleton
final class Announcer {

  private final Scheduler scheduler;
  private HTMLElement region;

  @Inject
  Announcer(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** The region element, created and attached to the body on first use if the host page lacks it. */
  HTMLElement region() {
    if (region == null) {
      region = (HTMLElement) DomGlobal.document.getElementById("live-region");
      if (region == null) {
        region = Dom.el("div", "sr-only");
        region.id = "live-region";
        region.setAttribute("aria-live", "polite");
        region.setAttribute("role", "status");
        DomGlobal.document.body.append(region);
      }
    }
    return region;
  }

  void say(String text) {
    HTMLElement r = region();
    // Clearing first makes a repeat of the same text announced again.
    r.textContent = "";
    scheduler.schedule(50, () -> r.textContent = text);
  }
}
