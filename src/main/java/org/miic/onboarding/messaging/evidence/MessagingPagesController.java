package org.miic.onboarding.messaging.evidence;

import java.util.List;

import org.miic.onboarding.messaging.transport.CredentialService;

import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Organization pages without login: the one-time credentials page and the test-message report. */
@Controller
class MessagingPagesController {

  private final CredentialService credentials;
  private final ReportLinks reports;
  private final MessageEvidence evidence;
  private final WorksheetService worksheets;
  private final EvidenceQueries queries;
  private final org.miic.onboarding.quality.ScorecardService scorecards;
  private final org.miic.onboarding.exchange.ExchangeService exchanges;

  MessagingPagesController(CredentialService credentials, ReportLinks reports, MessageEvidence evidence, WorksheetService worksheets,
      EvidenceQueries queries, org.miic.onboarding.quality.ScorecardService scorecards, org.miic.onboarding.exchange.ExchangeService exchanges) {
    this.exchanges = exchanges;
    this.queries = queries;
    this.scorecards = scorecards;
    this.credentials = credentials;
    this.reports = reports;
    this.evidence = evidence;
    this.worksheets = worksheets;
  }

  /** The link shows a button first, so that mail scanners following links do not use up the one-time reveal. */
  @GetMapping("/credentials/{token}")
  String confirm(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    CredentialService.LinkState state = credentials.linkState(token);
    model.addAttribute("linkValid", state.valid());
    model.addAttribute("shownAt", state.shownAt() == null ? null : org.miic.onboarding.common.LocalTimes.format(state.shownAt()));
    return "credentials";
  }

  @PostMapping("/credentials/{token}")
  String reveal(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("revealed", credentials.reveal(token));
    return "credentials";
  }

  static final int REPORT_PAGE_SIZE = 25;

  /**
   * The organization's report: a summary first (messages per phase, the go-live criteria and how far each is), the
   * findings grouped by rule, then the messages a page at a time. Test traffic and production traffic (step 4) on
   * their own tabs.
   */
  @GetMapping("/report/{token}")
  String report(@PathVariable String token, @RequestParam(defaultValue = "testing") String tab,
      @RequestParam(defaultValue = "1") int page, Model model) {
    long requestId = requestOf(token);
    boolean production = "production".equals(tab);
    java.util.Set<org.miic.onboarding.onboarding.TestingPhase> phases = production ? EvidenceQueries.PRODUCTION : EvidenceQueries.ALL_TEST;
    int total = queries.count(requestId, phases);
    int pages = Math.max(1, (total + REPORT_PAGE_SIZE - 1) / REPORT_PAGE_SIZE);
    int current = Math.min(Math.max(1, page), pages);
    model.addAttribute("token", token);
    model.addAttribute("tab", production ? "production" : "testing");
    model.addAttribute("request", worksheets.request(requestId));
    model.addAttribute("phaseCounts", queries.phaseCounts(requestId).stream()
        .filter(c -> phases.contains(c.phase())).sorted(java.util.Comparator.comparing(EvidenceQueries.PhaseCount::phase)).toList());
    model.addAttribute("criteria", evidence.criteria(requestId));
    model.addAttribute("verdict", evidence.verdict(requestId));
    model.addAttribute("window", evidence.settings().window());
    model.addAttribute("findings", queries.findingsByRule(requestId, phases, 50));
    model.addAttribute("messages", queries.page(requestId, phases, (current - 1) * REPORT_PAGE_SIZE, REPORT_PAGE_SIZE));
    model.addAttribute("total", total);
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    if (production) {
      // Step 4: this month's scorecard so far, the latest monthly review, and the trend of the monthly scores.
      // The month so far: its expected volume is for the days gone by, not the whole month.
      java.time.LocalDate today = scorecards.today();
      org.miic.onboarding.quality.Scorecard month = scorecards.compute(requestId, new org.miic.onboarding.quality.Period(
          org.miic.onboarding.quality.Period.Kind.MONTH, today.withDayOfMonth(1), today.plusDays(1)));
      List<org.miic.onboarding.quality.Scorecard> reviews = scorecards.reviews(requestId, 1);
      model.addAttribute("scorecard", month);
      model.addAttribute("scorecardLines", org.miic.onboarding.quality.ScorecardText.lines(month, scorecards.thresholds()));
      model.addAttribute("lastReview", reviews.isEmpty() ? null : reviews.get(0));
      model.addAttribute("lastReviewLines", reviews.isEmpty() ? List.of()
          : org.miic.onboarding.quality.ScorecardText.lines(reviews.get(0), scorecards.thresholds()));
      model.addAttribute("suspensionReasons", exchanges.suspensionReasons(requestId));
      model.addAttribute("dataQualityPath", "/status/" + worksheets.request(requestId).trackingId() + "/data-quality");
      model.addAttribute("trendSvg", trendSvg(requestId));
      // Week by week too, computed from the daily sums: the last 12 complete weeks.
      model.addAttribute("weeklySvg", org.miic.onboarding.quality.ScorecardChart.svg("Data-quality score by week",
          scorecards.trend(requestId, org.miic.onboarding.quality.Period.Kind.WEEK, 12), scorecards.thresholds().minScore()));
      model.addAttribute("thresholds", scorecards.thresholds());
    }
    return "report";
  }

  /**
   * The scores of the last 12 monthly reviews (what staff reviewed and the organization was emailed) as an SVG chart: on
   * the report, and as an image in the staff task forms.
   */
  @GetMapping(path = "/report/{token}/trend.svg", produces = "image/svg+xml")
  @org.springframework.web.bind.annotation.ResponseBody
  String trend(@PathVariable String token) {
    return trendSvg(requestOf(token));
  }

  private String trendSvg(long requestId) {
    return org.miic.onboarding.quality.ScorecardChart.svg("Data-quality score of the monthly reviews", scorecards.reviews(requestId, 12),
        scorecards.thresholds().minScore());
  }

  /** One message of the report with its acknowledgement and every finding. */
  @GetMapping("/report/{token}/messages/{messageId}")
  String reportMessage(@PathVariable String token, @PathVariable long messageId, Model model) {
    long requestId = requestOf(token);
    EvidenceQueries.MessageDetail detail = queries.message(requestId, messageId)
        .orElseThrow(() -> new NotFoundException("This report has no such message."));
    model.addAttribute("token", token);
    model.addAttribute("request", worksheets.request(requestId));
    model.addAttribute("detail", detail);
    model.addAttribute("ackText", detail.ack() == null ? "" : detail.ack().replace('\r', '\n').strip());
    model.addAttribute("maxFindings", EvidenceQueries.MAX_FINDINGS);
    return "report-message";
  }

  private long requestOf(String token) {
    return reports.requestOf(token).orElseThrow(() -> new NotFoundException("This report link is not valid."));
  }

  @ExceptionHandler({NotFoundException.class, ConflictException.class})
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String problem(RuntimeException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "not-found";
  }
}
