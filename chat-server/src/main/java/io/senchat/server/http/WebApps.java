package io.senchat.server.http;

import io.senchat.server.config.ConfigException;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.PathResourceManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Chooses what the server shows at {@code /}: a web root on disk, the app on the classpath, or a placeholder. */
public final class WebApps {

  /** Where the packaged web app lives on the classpath (the web module puts its build output there). */
  public static final String CLASSPATH_ROOT = "static/";

  private WebApps() {}

  /**
   * {@code --web-root} when given (it must be a directory), else {@code static/} on the classpath when it holds an
   * {@code index.html}, else {@link PlaceholderPageHandler}.
   */
  public static HttpHandler handler(Optional<Path> webRoot, ClassLoader loader) {
    if (webRoot.isPresent()) {
      Path root = webRoot.get().toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        throw new ConfigException("--web-root " + webRoot.get() + " is not a directory; point it at the folder "
            + "holding the web app's index.html, or leave it out to use the bundled app");
      }
      return new WebAppHandler(new PathResourceManager(root));
    }
    if (loader.getResource(CLASSPATH_ROOT + "index.html") != null) {
      return new WebAppHandler(new ClassPathResourceManager(loader, CLASSPATH_ROOT));
    }
    return new PlaceholderPageHandler();
  }

  /** What {@link #handler} serves, for the startup log. */
  public static String describe(Optional<Path> webRoot, ClassLoader loader) {
    if (webRoot.isPresent()) {
      return "web app from " + webRoot.get();
    }
    return loader.getResource(CLASSPATH_ROOT + "index.html") != null ? "bundled web app"
        : "no web app (placeholder page)";
  }
}
