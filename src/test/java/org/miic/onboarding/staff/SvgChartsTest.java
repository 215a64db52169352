package org.miic.onboarding.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.pipeline.Metrics;

class SvgChartsTest {

  @Test
  void chartsAreSvgWithTheirValuesAndEscapedText() {
    String svg = SvgCharts.bars("Go-lives <per> month", List.of(new Metrics.Point("Jan & Feb", LocalDate.of(2026, 1, 1), 3),
        new Metrics.Point("Mar", LocalDate.of(2026, 3, 1), 0)), "go-lives");
    assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("<title>Go-lives &lt;per&gt; month</title>")
        .contains("Jan &amp; Feb: 3 go-lives").doesNotContain("<per>");
    String durations = SvgCharts.durations("Days", List.of(new Metrics.DurationStat("Waiting in the queue", 4, 12.5, 40.0),
        new Metrics.DurationStat("Content approval", 0, null, null)));
    assertThat(durations).contains("Waiting in the queue (4)").contains("12.5 / 40 d").contains("no organization completed it yet");
    assertThat(SvgCharts.niceStep(4)).isEqualTo(1);
    assertThat(SvgCharts.niceStep(37)).isEqualTo(10);
    assertThat(SvgCharts.fmt(null)).isEqualTo("–");
  }

  @Test
  void csvCellsAreQuotedAndNeverFormulas() {
    assertThat(MetricsController.cell("Alder Clinic")).isEqualTo("Alder Clinic");
    assertThat(MetricsController.cell("Smith, Jones & Co")).isEqualTo("\"Smith, Jones & Co\"");
    assertThat(MetricsController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(MetricsController.column("Waiting in the queue")).isEqualTo("waiting_in_the_queue_days");
    assertThat(MetricsController.column("Message content validation (QA)")).isEqualTo("message_content_validation_qa_days");
  }
}
