package io.senchat.web.app;

import dagger.Component;
import io.senchat.web.auth.AuthModule;
import io.senchat.web.platform.PlatformModule;
import io.senchat.web.realtime.TransportModule;
import javax.inject.Singleton;

/**
 * The browser app's object graph. Swapping an implementation is changing one module here: e.g. the transport policy
 * lives in {@link TransportModule} alone.
 */
@Singleton
@Component(modules = {PlatformModule.class, AuthModule.class, TransportModule.class})
public interface AppComponent {

  App app();
}
