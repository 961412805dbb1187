/**
 * Cloud Scheduler v1: jobs fire on the emulator clock and call their HTTP target inside the
 * process. A Cloud Run Admin API {@code jobs/NAME:run} target runs the emulated job when it
 * carries an OAuth token and fails with UNAUTHENTICATED when it carries an OIDC token.
 */
package dev.terrace.emulator.scheduler;
