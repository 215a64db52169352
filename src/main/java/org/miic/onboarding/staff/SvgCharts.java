package org.miic.onboarding.staff;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.miic.onboarding.pipeline.Metrics;

/**
 * The metrics' charts as inline SVG, drawn on the server (no script, nothing loaded from elsewhere). Every text is
 * escaped; every chart has a title for screen readers, and the numbers stand beside it on the page.
 */
public final class SvgCharts {

  private static final String BLUE = "#00589c";
  private static final String LIGHT = "#8fb8de";
  private static final String GRID = "#e2e5e8";
  private static final String TEXT = "#1b1b1b";

  private SvgCharts() {}

  /** Vertical bars, one per period, each with its value above it. */
  static String bars(String title, List<Metrics.Point> points, String unit) {
    int width = 760;
    int height = 260;
    int left = 40;
    int bottom = 50;
    int top = 20;
    int plotHeight = height - bottom - top;
    int max = Math.max(1, points.stream().mapToInt(Metrics.Point::value).max().orElse(1));
    int step = niceStep(max);
    int ceiling = ((max + step - 1) / step) * step;
    double slot = (width - left - 10) / (double) Math.max(1, points.size());
    double bar = Math.max(4, slot * 0.7);
    StringBuilder svg = open(title, width, height);
    for (int v = 0; v <= ceiling; v += step) {
      double y = top + plotHeight - plotHeight * v / (double) ceiling;
      svg.append(line(left, y, width - 10, y, GRID)).append(text(left - 6, y + 4, String.valueOf(v), "end", 11));
    }
    int labelEvery = points.size() > 14 ? (points.size() + 12) / 13 : 1;
    for (int i = 0; i < points.size(); i++) {
      Metrics.Point p = points.get(i);
      double x = left + slot * i + (slot - bar) / 2;
      double h = plotHeight * p.value() / (double) ceiling;
      double y = top + plotHeight - h;
      svg.append(String.format(Locale.US, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d %s</title></rect>",
          x, y, bar, h, BLUE, esc(p.label()), p.value(), esc(unit)));
      if (p.value() > 0) {
        svg.append(text(x + bar / 2, y - 4, String.valueOf(p.value()), "middle", 11));
      }
      boolean last = i == points.size() - 1;
      if (i % labelEvery == 0 && !(labelEvery > 1 && !last && points.size() - 1 - i < labelEvery) || last) {
        svg.append(text(x + bar / 2, height - bottom + 16, p.label(), "middle", 11));
      }
    }
    svg.append(line(left, top + plotHeight, width - 10, top + plotHeight, TEXT));
    return svg.append("</svg>").toString();
  }

  /** Horizontal bars per measure: the median (dark) and the 90th percentile (light), in days. */
  static String durations(String title, List<Metrics.DurationStat> stats) {
    int width = 760;
    int rowHeight = 34;
    int left = 230;
    int top = 30;
    int height = top + rowHeight * stats.size() + 30;
    double max = Math.max(1, stats.stream().mapToDouble(s -> s.p90Days() == null ? 0 : s.p90Days()).max().orElse(1));
    double plotWidth = width - left - 70;
    StringBuilder svg = open(title, width, height);
    svg.append(String.format(Locale.US, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>", left, BLUE))
        .append(text(left + 16, 16, "median", "start", 11))
        .append(String.format(Locale.US, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>", left + 80, LIGHT))
        .append(text(left + 96, 16, "90th percentile", "start", 11));
    for (int i = 0; i < stats.size(); i++) {
      Metrics.DurationStat s = stats.get(i);
      double y = top + i * rowHeight;
      svg.append(text(left - 8, y + 17, s.measure() + " (" + s.count() + ")", "end", 12));
      if (s.medianDays() == null) {
        svg.append(text(left + 4, y + 17, "no organization completed it yet", "start", 11));
        continue;
      }
      double p90 = plotWidth * s.p90Days() / max;
      double median = plotWidth * s.medianDays() / max;
      svg.append(String.format(Locale.US, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"12\" fill=\"%s\"><title>90th percentile %s days</title></rect>",
          left, y + 4, Math.max(1, p90), LIGHT, fmt(s.p90Days())));
      svg.append(String.format(Locale.US, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"12\" fill=\"%s\"><title>median %s days</title></rect>",
          left, y + 16, Math.max(1, median), BLUE, fmt(s.medianDays())));
      svg.append(text(left + Math.max(p90, median) + 6, y + 20, fmt(s.medianDays()) + " / " + fmt(s.p90Days()) + " d", "start", 11));
    }
    return svg.append("</svg>").toString();
  }

  /** Requests that went live by correction rounds ("5+" for five or more). */
  static String histogram(String title, Map<Integer, Integer> counts) {
    List<Metrics.Point> points = new java.util.ArrayList<>();
    for (int rounds = 0; rounds <= 5; rounds++) {
      points.add(new Metrics.Point(rounds == 5 ? "5+" : String.valueOf(rounds), null, counts.getOrDefault(rounds, 0)));
    }
    return bars(title, points, "organizations");
  }

  private static StringBuilder open(String title, int width, int height) {
    return new StringBuilder(String.format(Locale.US,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
            + "font-family=\"system-ui, sans-serif\"><title>%s</title>", width, height, width, height, esc(title)));
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return String.format(Locale.US, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x1, y1, x2, y2, color);
  }

  private static String text(double x, double y, String s, String anchor, int size) {
    return String.format(Locale.US, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>", x, y, anchor, size,
        TEXT, esc(s));
  }

  static int niceStep(int max) {
    int raw = Math.max(1, (int) Math.ceil(max / 5.0));
    int magnitude = (int) Math.pow(10, Math.floor(Math.log10(raw)));
    for (int m : new int[] {1, 2, 5, 10}) {
      if (raw <= m * magnitude) {
        return m * magnitude;
      }
    }
    return raw;
  }

  /** The points the other way round, for the tables beside the charts (the latest period on top). */
  public static List<Metrics.Point> newestFirst(List<Metrics.Point> points) {
    List<Metrics.Point> copy = new java.util.ArrayList<>(points);
    java.util.Collections.reverse(copy);
    return copy;
  }

  public static String fmt(Double days) {
    if (days == null) {
      return "–";
    }
    return days == Math.rint(days) ? String.valueOf(days.longValue()) : String.format(Locale.US, "%.1f", days);
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
