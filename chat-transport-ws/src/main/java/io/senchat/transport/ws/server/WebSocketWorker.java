package io.senchat.transport.ws.server;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** Qualifies the executor that runs the core's callbacks for WebSocket connections (optional binding). */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface WebSocketWorker {}
