package io.senchat.server.config;

/** A configuration error whose message tells the user what to change. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
