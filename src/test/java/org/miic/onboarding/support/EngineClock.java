package org.miic.onboarding.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The application's clock in tests: the engine's ClockUtil time, so one call moves timers and business dates together. */
public class EngineClock extends Clock {

  private static final ZoneId ZONE = ZoneId.of("America/Chicago");

  @Override
  public ZoneId getZone() {
    return ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
