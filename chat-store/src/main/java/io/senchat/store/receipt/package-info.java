/**
 * Delivery and read receipts as per-member high-water marks: they only rise, never past the conversation's last
 * seq, and reading implies delivery.
 */
package io.senchat.store.receipt;
