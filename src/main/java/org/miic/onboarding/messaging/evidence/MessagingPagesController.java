package org.miic.onboarding.messaging.evidence;

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
import org.springframework.web.bind.annotation.ResponseStatus;

/** Organization pages without login: the one-time credentials page and the test-message report. */
@Controller
class MessagingPagesController {

  private final CredentialService credentials;
  private final ReportLinks reports;
  private final MessageEvidence evidence;
  private final WorksheetService worksheets;

  MessagingPagesController(CredentialService credentials, ReportLinks reports, MessageEvidence evidence, WorksheetService worksheets) {
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

  @GetMapping("/report/{token}")
  String report(@PathVariable String token, Model model) {
    long requestId = reports.requestOf(token).orElseThrow(() -> new NotFoundException("This report link is not valid."));
    OnboardingRequest request = worksheets.request(requestId);
    model.addAttribute("request", request);
    model.addAttribute("messages", evidence.messages(requestId));
    model.addAttribute("verdict", evidence.verdict(requestId));
    return "report";
  }

  @ExceptionHandler({NotFoundException.class, ConflictException.class})
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String problem(RuntimeException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "not-found";
  }
}
