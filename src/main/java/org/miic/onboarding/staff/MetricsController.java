package org.miic.onboarding.staff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.miic.onboarding.pipeline.Metrics;
import org.miic.onboarding.pipeline.MetricsRepository;
import org.miic.onboarding.pipeline.RequestSearch;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The onboarding metrics as charts with their numbers, and the per-organization durations as CSV. */
@Controller
class MetricsController {

  static final int WEEKS = 26;
  static final int MONTHS = 12;

  private final MetricsRepository repository;
  private final RequestSearch search;
  private final Clock clock;

  MetricsController(MetricsRepository repository, RequestSearch search, Clock clock) {
    this.repository = repository;
    this.search = search;
    this.clock = clock;
  }

  private Metrics compute() {
    return Metrics.compute(repository.requests(), repository.measuredStays(), clock.instant(), clock.getZone(), WEEKS, MONTHS);
  }

  @GetMapping("/staff/metrics")
  String metrics(Model model) {
    Metrics m = compute();
    model.addAttribute("m", m);
    model.addAttribute("durationsChart", SvgCharts.durations("Days in each step: median and 90th percentile", m.durations()));
    model.addAttribute("backlogChart", SvgCharts.bars("Organizations waiting in the queue, week by week", m.backlog(), "waiting"));
    model.addAttribute("goLivesChart", SvgCharts.bars("Go-lives per month", m.goLives(), "go-lives"));
    model.addAttribute("roundsChart", SvgCharts.histogram("Organizations live, by correction rounds", m.correctionRounds()));
    model.addAttribute("stageCounts", search.countsByStage());
    model.addAttribute("weeks", WEEKS);
    model.addAttribute("months", MONTHS);
    return "staff/metrics";
  }

  /** One line per request: how many days it spent in each measure (empty where not completed), with its correction rounds. */
  @GetMapping("/staff/metrics/durations.csv")
  ResponseEntity<byte[]> csv() {
    Metrics m = compute();
    StringBuilder csv = new StringBuilder("tracking_id,organization,request_type,submitted,stage,");
    csv.append(String.join(",", Metrics.measures().stream().map(MetricsController::column).toList()));
    csv.append(",correction_rounds,go_live\r\n");
    for (Metrics.RequestDurations r : m.perRequest()) {
      Metrics.RequestFacts f = r.request();
      csv.append(f.trackingId()).append(',').append(cell(f.organizationName())).append(',').append(f.requestType() == null ? "" : f.requestType())
          .append(',').append(LocalDate.ofInstant(f.submittedAt(), clock.getZone())).append(',').append(f.stage() == null ? "" : f.stage().name());
      for (String measure : Metrics.measures()) {
        Double days = r.days().get(measure);
        csv.append(',').append(days == null ? "" : days.toString());
      }
      csv.append(',').append(f.correctionRounds()).append(',')
          .append(f.goLiveAt() == null ? "" : LocalDate.ofInstant(f.goLiveAt(), clock.getZone()).toString()).append("\r\n");
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("miic-onboarding-durations-" + LocalDate.now(clock) + ".csv").build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** "Waiting in the queue" as a CSV header: "waiting_in_the_queue_days". */
  static String column(String measure) {
    return measure.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "") + "_days";
  }

  /** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains("'")
        ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
