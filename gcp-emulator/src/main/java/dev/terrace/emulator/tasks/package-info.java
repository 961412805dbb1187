/**
 * Cloud Tasks v2: queues and tasks. A deleted queue's name stays reserved for the configured
 * tombstone period, and HTTP tasks aimed at this emulator's Cloud Run service URLs are delivered
 * and retried with the queue's backoff.
 */
package dev.terrace.emulator.tasks;
