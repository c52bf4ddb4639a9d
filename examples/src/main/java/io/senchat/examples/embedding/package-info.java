/**
 * Embedding SenChat in an existing Undertow application: the application keeps its routes and its login, and
 * SenChat answers under {@code /chat}. Start reading at {@link io.senchat.examples.embedding.EmbeddingExample}.
 */
package io.senchat.examples.embedding;
