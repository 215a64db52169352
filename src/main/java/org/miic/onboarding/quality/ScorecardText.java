package org.miic.onboarding.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A scorecard in words: the same lines for the emails, the staff task form and the report. */
public final class ScorecardText {

  private ScorecardText() {}

  /** One line per measure, e.g. "Acceptance: 96% accepted (AA 90%, AE 6%, AR 4% of 250 messages)". */
  public static List<String> lines(Scorecard s, QualityThresholds thresholds) {
    Scorecard.Inputs in = s.inputs();
    List<String> lines = new ArrayList<>();
    lines.add("Score: " + s.score() + " of 100, band " + s.band() + " (" + s.band().label().toLowerCase(Locale.ROOT) + ")");
    if (in.messages() == 0) {
      lines.add("Messages: none in this period");
    } else {
      lines.add("Acceptance: " + Scorecard.percent(s.acceptanceShare()) + " accepted (AA " + Scorecard.percent(s.acceptedShare()) + ", AE "
          + Scorecard.percent(s.acceptedWithErrorsShare()) + ", AR " + Scorecard.percent(s.rejectedShare()) + " of " + in.messages()
          + " messages)");
      lines.add("Validity: " + Scorecard.percent(s.validityShare()) + " of messages without an error");
    }
    lines.add("Completeness: " + (s.completenessShare() == null ? "no immunization message to measure"
        : Scorecard.percent(s.completenessShare()) + " of required and expected fields filled (" + in.presentFields() + " of "
            + in.expectedFields() + ")"));
    lines.add("Timeliness: " + (s.timelyShare() == null ? "no newly administered dose reported"
        : Scorecard.percent(s.timelyShare()) + " reported within " + thresholds.lateReportingDays() + " days of administration"
            + (s.medianDelayDays() == null ? "" : ", median " + days(s.medianDelayDays()))));
    lines.add("Volume: " + in.administeredDoses() + " administered doses" + (s.expectedDoses() == null ? " (no volume declared on the worksheet)"
        : " against about " + s.expectedDoses() + " expected from the worksheet's " + in.declaredPerYear() + " a year ("
            + Scorecard.percent(s.volumeRatio()) + ")")
        + (in.previousDoses() == null ? "" : "; " + in.previousDoses() + " in the period before"));
    lines.add("Latest message: " + (in.daysSinceLast() == null ? "none yet" : in.daysSinceLast() == 0 ? "today" : days(in.daysSinceLast()) + " ago"));
    return lines;
  }

  /** Markdown for a Camunda form's text view: the measures, the thresholds missed and the top findings. */
  public static String markdown(Scorecard s, QualityThresholds thresholds) {
    StringBuilder md = new StringBuilder();
    md.append("**").append(s.period().label()).append("**\n\n");
    for (String line : lines(s, thresholds)) {
      md.append("- ").append(escape(line)).append('\n');
    }
    if (s.withinThresholds()) {
      md.append("\nWithin every threshold.\n");
    } else {
      md.append("\n**Below a threshold:**\n\n");
      for (Scorecard.Breach b : s.breaches()) {
        md.append("- ").append(escape(b.text())).append('\n');
      }
    }
    if (!s.inputs().topFindings().isEmpty()) {
      md.append("\n**Most frequent findings:**\n\n");
      for (Scorecard.TopFinding f : s.inputs().topFindings()) {
        md.append("- ").append(escape(f.rule())).append(" × ").append(f.count()).append(": ").append(escape(f.label())).append('\n');
      }
    }
    return md.toString();
  }

  /** Plain text of the same, for an email. */
  public static String plain(Scorecard s, QualityThresholds thresholds) {
    StringBuilder text = new StringBuilder();
    for (String line : lines(s, thresholds)) {
      text.append("  ").append(line).append('\n');
    }
    if (!s.withinThresholds()) {
      text.append("\nBelow MIIC's thresholds:\n");
      for (Scorecard.Breach b : s.breaches()) {
        text.append("  - ").append(b.text()).append('\n');
      }
    }
    if (!s.inputs().topFindings().isEmpty()) {
      text.append("\nMost frequent findings:\n");
      for (Scorecard.TopFinding f : s.inputs().topFindings()) {
        text.append("  - ").append(f.rule()).append(" (").append(f.count()).append("x): ").append(f.label()).append('\n');
      }
    }
    return text.toString();
  }

  static String days(int n) {
    return n == 1 ? "1 day" : n + " days";
  }

  /** Markdown's special characters in text that came from messages or organizations. */
  public static String escapeMarkdown(String s) {
    return escape(s);
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if ("\\`*_{}[]<>()#+!|".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
