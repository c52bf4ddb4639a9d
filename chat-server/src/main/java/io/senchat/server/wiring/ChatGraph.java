package io.senchat.server.wiring;

/** What a SenChat Dagger component gives its owner: the assembled application. */
public interface ChatGraph {

  /** The application; built (database opened, core started) on the first call. */
  ChatApplication application();

  /** What has been started so far; close it when {@link #application()} fails half way. */
  StartedResources startedResources();
}
