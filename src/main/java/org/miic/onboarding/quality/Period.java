package org.miic.onboarding.quality;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The days a scorecard covers, from {@code start} up to but not including {@code end}: a calendar week (Monday to
 * Sunday), a calendar month, or the month before a periodic review.
 */
public record Period(Kind kind, LocalDate start, LocalDate end) {

  public enum Kind {
    WEEK,
    MONTH,
    /** The month before a review, ending the day before the review ran. */
    REVIEW
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.US);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

  public Period {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("A period ends after it starts: " + start + " to " + end);
    }
  }

  public static Period weekOf(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new Period(Kind.WEEK, monday, monday.plusWeeks(1));
  }

  public static Period monthOf(LocalDate day) {
    LocalDate first = day.withDayOfMonth(1);
    return new Period(Kind.MONTH, first, first.plusMonths(1));
  }

  /** The month before a review on {@code reviewDay}: from the same day a month earlier up to the review day. */
  public static Period beforeReview(LocalDate reviewDay) {
    return new Period(Kind.REVIEW, reviewDay.minusMonths(1), reviewDay);
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }

  /** The period of the same kind just before this one. */
  public Period previous() {
    return switch (kind) {
      case WEEK -> new Period(kind, start.minusWeeks(1), start);
      case MONTH -> new Period(kind, start.minusMonths(1), start);
      case REVIEW -> new Period(kind, start.minusMonths(1), start);
    };
  }

  /** The next period of the same kind. */
  public Period next() {
    return switch (kind) {
      case WEEK -> new Period(kind, end, end.plusWeeks(1));
      case MONTH -> new Period(kind, end, end.plusMonths(1));
      case REVIEW -> new Period(kind, end, end.plusMonths(1));
    };
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  /** "November 2026", "Week of Nov 23, 2026", "Nov 1 – Nov 30, 2026". */
  public String label() {
    LocalDate last = end.minusDays(1);
    return switch (kind) {
      case MONTH -> MONTH.format(start);
      case WEEK -> "Week of " + DAY.format(start);
      case REVIEW -> (start.getYear() == last.getYear() ? SHORT.format(start) : DAY.format(start)) + " – " + DAY.format(last);
    };
  }

  /** A short axis label for a trend chart: "Nov" for a month, "11/23" for a week. */
  public String tick() {
    return switch (kind) {
      case MONTH -> DateTimeFormatter.ofPattern("MMM", Locale.US).format(start);
      case WEEK, REVIEW -> start.getMonthValue() + "/" + start.getDayOfMonth();
    };
  }
}
