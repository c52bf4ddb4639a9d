/**
 * Conversations (direct and group), their members and roles, and each member's private view (pinned, muted,
 * archived, hidden, cleared history). Permission checks that depend on roles and group settings run inside the
 * transaction that acts, under the conversation's row lock, so they cannot race with a concurrent role change.
 */
package io.senchat.store.conversation;
