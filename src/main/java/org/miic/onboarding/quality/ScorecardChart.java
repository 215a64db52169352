package org.miic.onboarding.quality;

import java.util.List;
import java.util.Locale;

/**
 * The trend of an exchange's scores as an SVG line chart: one point per period, the DQA bands as shaded stripes, the
 * minimum score as a dashed line. Plain SVG, no script: the report embeds it, the staff task form shows it as an image.
 */
public final class ScorecardChart {

  private ScorecardChart() {}

  static final int WIDTH = 640;
  static final int HEIGHT = 240;
  private static final int LEFT = 44;
  private static final int RIGHT = 16;
  private static final int TOP = 30;
  private static final int BOTTOM = 34;

  public static String svg(String title, List<Scorecard> trend, int minScore) {
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-label=\"")
        .append(esc(title)).append("\" font-family=\"Helvetica, Arial, sans-serif\">");
    svg.append("<title>").append(esc(title)).append("</title>");
    svg.append(text(LEFT, 18, title, "start", 14, "bold"));
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    // Bands: F below 60, D 60-69, C 70-79, B 80-89, A 90-100.
    String[] fills = {"#fbe3e4", "#fdf0d5", "#fff8d6", "#e7f4e4", "#d6eed2"};
    int[] from = {0, 60, 70, 80, 90};
    int[] to = {60, 70, 80, 90, 100};
    String[] names = {"F", "D", "C", "B", "A"};
    for (int i = 0; i < fills.length; i++) {
      double y1 = y(to[i], plotH);
      double y2 = y(from[i], plotH);
      svg.append(String.format(Locale.US, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", LEFT, y1, plotW, y2 - y1,
          fills[i]));
      svg.append(text(WIDTH - RIGHT - 4, (y1 + y2) / 2 + 4, names[i], "end", 10, "normal"));
    }
    for (int v = 0; v <= 100; v += 20) {
      svg.append(text(LEFT - 6, y(v, plotH) + 4, Integer.toString(v), "end", 10, "normal"));
    }
    double yMin = y(minScore, plotH);
    svg.append(String.format(Locale.US, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#b50909\" stroke-dasharray=\"4 3\"/>",
        LEFT, yMin, LEFT + plotW, yMin));
    svg.append(text(LEFT + 4, yMin - 4, "minimum " + minScore, "start", 10, "normal"));
    if (trend.isEmpty()) {
      svg.append(text(LEFT + plotW / 2, TOP + plotH / 2, "No score yet", "middle", 13, "normal"));
    } else {
      double step = trend.size() == 1 ? 0 : plotW / (trend.size() - 1);
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < trend.size(); i++) {
        double x = trend.size() == 1 ? LEFT + plotW / 2 : LEFT + i * step;
        points.append(String.format(Locale.US, "%.1f,%.1f ", x, y(trend.get(i).score(), plotH)));
      }
      svg.append("<polyline fill=\"none\" stroke=\"#00589c\" stroke-width=\"2\" points=\"").append(points.toString().trim()).append("\"/>");
      int labelEvery = Math.max(1, (int) Math.ceil(trend.size() / 12.0));
      for (int i = 0; i < trend.size(); i++) {
        Scorecard s = trend.get(i);
        double x = trend.size() == 1 ? LEFT + plotW / 2 : LEFT + i * step;
        double y = y(s.score(), plotH);
        svg.append(String.format(Locale.US, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %d (%s)</title></circle>", x, y,
            s.withinThresholds() || s.score() >= minScore ? "#00589c" : "#b50909", esc(s.period().label()), s.score(), s.band()));
        if (i % labelEvery == 0 || i == trend.size() - 1) {
          svg.append(text(x, HEIGHT - BOTTOM + 16, s.period().tick(), "middle", 10, "normal"));
        }
      }
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static double y(int score, double plotH) {
    return TOP + plotH * (1 - Math.max(0, Math.min(100, score)) / 100.0);
  }

  private static String text(double x, double y, String s, String anchor, int size, String weight) {
    return String.format(Locale.US, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\" fill=\"#1b1b1b\">%s</text>",
        x, y, anchor, size, weight, esc(s));
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
