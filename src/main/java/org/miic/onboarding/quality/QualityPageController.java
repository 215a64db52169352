package org.miic.onboarding.quality;

import java.util.List;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.exchange.ExchangeService;
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

/**
 * The organization's data-quality page (linked from the follow-up emails and the status page): the latest scorecard,
 * why the exchange is suspended if it is, the answers given, and, while MIIC waits for one, the form to say what the
 * organization changed or plans to change.
 */
@Controller
class QualityPageController {

  private final WorksheetService worksheets;
  private final QualityFollowUpService followUps;
  private final ScorecardService scorecards;
  private final ExchangeService exchanges;
  private final org.miic.onboarding.pipeline.DecisionRepository decisions;
  private final org.miic.onboarding.messaging.evidence.ReportLinks reports;

  QualityPageController(WorksheetService worksheets, QualityFollowUpService followUps, ScorecardService scorecards, ExchangeService exchanges,
      org.miic.onboarding.pipeline.DecisionRepository decisions, org.miic.onboarding.messaging.evidence.ReportLinks reports) {
    this.decisions = decisions;
    this.reports = reports;
    this.worksheets = worksheets;
    this.followUps = followUps;
    this.scorecards = scorecards;
    this.exchanges = exchanges;
  }

  @GetMapping("/status/{trackingId}/data-quality")
  String page(@PathVariable String trackingId, Model model) {
    return show(worksheets.request(trackingId), model);
  }

  @PostMapping("/status/{trackingId}/data-quality")
  String answer(@PathVariable String trackingId, @RequestParam(required = false) String answeredBy,
      @RequestParam(required = false) String text, Model model, jakarta.servlet.http.HttpServletResponse response) {
    OnboardingRequest request = worksheets.request(trackingId);
    try {
      followUps.answer(trackingId, answeredBy, text);
    } catch (QualityFollowUpService.InvalidAnswerException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", e.field());
      model.addAttribute("answeredBy", answeredBy);
      model.addAttribute("text", text);
      return show(request, model);
    } catch (ConflictException e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", "");
      return show(request, model);
    }
    return "redirect:/status/" + trackingId + "/data-quality?answered";
  }

  private String show(OnboardingRequest request, Model model) {
    List<Scorecard> reviews = scorecards.reviews(request.id(), 1);
    model.addAttribute("request", request);
    model.addAttribute("scorecard", reviews.isEmpty() ? null : reviews.get(0));
    model.addAttribute("scorecardLines", reviews.isEmpty() ? List.of() : ScorecardText.lines(reviews.get(0), scorecards.thresholds()));
    model.addAttribute("awaiting", followUps.answerTaken(request.trackingId()));
    // What MIIC staff asked, in their words: the latest data-quality request or suspension.
    model.addAttribute("asked", decisions.forRequest(request.id()).stream()
        .filter(d -> d.notes() != null && ASKING.contains(d.outcome()))
        .reduce((a, b) -> b).orElse(null));
    model.addAttribute("reportUrl", reports.link(request.id()) + "?tab=production");
    model.addAttribute("answers", followUps.all(request.id()));
    model.addAttribute("suspensionReasons", exchanges.suspensionReasons(request.id()));
    model.addAttribute("maxText", QualityFollowUpService.MAX_TEXT);
    return "data-quality";
  }

  /** The decisions whose notes ask the organization something: address issues (first or again), or suspension. */
  private static final java.util.Set<String> ASKING = java.util.Set.of(org.miic.onboarding.ProcessConstants.DATA_QUALITY_ISSUES,
      org.miic.onboarding.ProcessConstants.FOLLOW_UP_SUSPEND);

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "not-found";
  }
}
