/** Typing indicators: relayed to the other members, rate-limited, never stored. */
package io.senchat.server.typing;
