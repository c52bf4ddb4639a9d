/**
 * The SenChat browser app (GWT + elemental2), packaged by feature: {@code app} (shell, controller, Dagger
 * component), {@code state} (one store: actions, pure reducer, immutable state), {@code auth}, {@code rest},
 * {@code realtime} (the domain's {@link io.senchat.domain.client.ChatClient} on browser transports and localStorage),
 * {@code sidebar}, {@code chat}, {@code newchat}, {@code info} and {@code emoji} (the last two behind split points),
 * {@code messages} (the message list), {@code platform} and {@code ui}. Views build DOM with {@code textContent}
 * only; user content is never parsed as HTML.
 */
package io.senchat.web;
