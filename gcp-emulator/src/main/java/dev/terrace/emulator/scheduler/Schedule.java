package dev.terrace.emulator.scheduler;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A Cloud Scheduler schedule: a unix-cron expression evaluated in an IANA time zone.
 *
 * <p>Cloud Scheduler accepts the five-field unix-cron format only (no seconds field), and
 * an empty time zone means UTC.
 */
final class Schedule {

  private static final CronParser UNIX_CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final ExecutionTime executionTime;
  private final ZoneId zone;

  private Schedule(ExecutionTime executionTime, ZoneId zone) {
    this.executionTime = executionTime;
    this.zone = zone;
  }

  /**
   * Parses a schedule, or returns empty when the expression or the time zone is invalid.
   */
  static Optional<Schedule> parse(String expression, String timeZone) {
    if (expression == null || expression.isBlank()) {
      return Optional.empty();
    }
    try {
      var cron = UNIX_CRON.parse(expression.trim());
      cron.validate();
      ZoneId zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
      return Optional.of(new Schedule(ExecutionTime.forCron(cron), zone));
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Returns the first time strictly after {@code after} at which the schedule fires. */
  Optional<Instant> nextAfter(Instant after) {
    return executionTime.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
  }
}
