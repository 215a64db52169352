package org.miic.onboarding.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people read them: MIIC's local date and time with the zone ("Nov 25, 2026, 10:16 AM CST"), never raw ISO instants. */
public final class LocalTimes {

  /** MIIC is in Minnesota. */
  public static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US).withZone(ZONE);

  private LocalTimes() {}

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US).withZone(ZONE);

  public static String format(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }

  /** The local date alone: "Nov 25, 2026". */
  public static String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }
}
