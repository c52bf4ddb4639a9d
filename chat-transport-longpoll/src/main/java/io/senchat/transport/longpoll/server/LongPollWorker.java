package io.senchat.transport.longpoll.server;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** Qualifies the executor that runs the core's callbacks for long-poll sessions (optional binding). */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface LongPollWorker {}
