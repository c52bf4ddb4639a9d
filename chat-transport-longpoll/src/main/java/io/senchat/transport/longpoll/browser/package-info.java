/**
 * Browser client of the long-poll transport on elemental2's {@code XMLHttpRequest}, compiled by the web app's GWT
 * build (module {@code io.senchat.transport.longpoll.LongPollBrowser}). The rules live in {@code ..shared}; this is
 * only the thin shell around the requests, so it must stay GWT-translatable: no {@code java.net}, no regular
 * expressions, no {@code String.format}.
 */
package io.senchat.transport.longpoll.browser;
