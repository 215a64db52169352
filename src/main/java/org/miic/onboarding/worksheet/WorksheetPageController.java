package org.miic.onboarding.worksheet;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.onboarding.RequestStatusService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The web form at /worksheet (new request) and /worksheet/{trackingId}/edit (correction), and the status page. */
@Controller
class WorksheetPageController {

  /** Empty facility rows offered by the form. */
  private static final int FACILITY_ROWS = 8;

  private final WorksheetService worksheets;
  private final RequestStatusService statuses;

  WorksheetPageController(WorksheetService worksheets, RequestStatusService statuses) {
    this.worksheets = worksheets;
    this.statuses = statuses;
  }

  @ModelAttribute
  void options(Model model) {
    model.addAttribute("organizationTypes", WorksheetOptions.OrganizationType.values());
    model.addAttribute("requestTypes", WorksheetOptions.RequestType.values());
    model.addAttribute("messageFormats", WorksheetOptions.MessageFormat.values());
    model.addAttribute("transports", WorksheetOptions.Transport.values());
    model.addAttribute("submissionModes", WorksheetOptions.SubmissionMode.values());
  }

  @GetMapping("/")
  String home() {
    return "index";
  }

  @GetMapping("/worksheet")
  String newWorksheet(Model model) {
    model.addAttribute("worksheet", padded(new WorksheetForm()));
    return "worksheet";
  }

  /** A worksheet lists up to 500 facilities (the form's limit), more than the binder's default of 256. */
  @org.springframework.web.bind.annotation.InitBinder("worksheet")
  void binder(org.springframework.web.bind.WebDataBinder binder) {
    binder.setAutoGrowCollectionLimit(501);
  }

  @PostMapping("/worksheet")
  String submit(@Valid @ModelAttribute("worksheet") WorksheetForm form, BindingResult errors, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    if (errors.hasErrors()) {
      // The form again with a message next to each field, answered 400: nothing was stored (issue 7, item 10).
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
      padded(form);
      return "worksheet";
    }
    OnboardingRequest request = worksheets.submit(form);
    return "redirect:/status/" + request.trackingId() + "?submitted";
  }

  @GetMapping("/worksheet/{trackingId}/edit")
  String edit(@PathVariable String trackingId, Model model, jakarta.servlet.http.HttpServletResponse response) {
    OnboardingRequest request = worksheets.request(trackingId);
    if (!worksheets.correctionAllowed(trackingId)) {
      // The form shows every contact's name, email and phone: only while a correction is open (issue 7, item 13).
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_CONFLICT);
      model.addAttribute("trackingId", trackingId);
      model.addAttribute("message", "The worksheet can be corrected here only before MIIC reviews it or while MIIC asks for a "
          + "correction. To change it now, contact MIIC onboarding staff.");
      return "closed";
    }
    model.addAttribute("worksheet", padded(WorksheetForm.from(worksheets.currentWorksheet(request.id()))));
    model.addAttribute("trackingId", trackingId);
    model.addAttribute("status", statuses.status(trackingId));
    return "worksheet";
  }

  @PostMapping("/worksheet/{trackingId}/edit")
  String correct(@PathVariable String trackingId, @Valid @ModelAttribute("worksheet") WorksheetForm form, BindingResult errors,
      Model model, jakarta.servlet.http.HttpServletResponse response) {
    model.addAttribute("trackingId", trackingId);
    model.addAttribute("status", statuses.status(trackingId));
    if (errors.hasErrors()) {
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
      padded(form);
      return "worksheet";
    }
    try {
      worksheets.correct(trackingId, form);
    } catch (ConflictException e) {
      response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_CONFLICT);
      model.addAttribute("conflict", e.getMessage());
      padded(form);
      return "worksheet";
    }
    return "redirect:/status/" + trackingId + "?corrected";
  }

  @GetMapping("/status/{trackingId}")
  String status(@PathVariable String trackingId, Model model) {
    model.addAttribute("status", statuses.status(trackingId));
    return "status";
  }

  private static WorksheetForm padded(WorksheetForm form) {
    List<WorksheetForm.Facility> rows = new ArrayList<>(form.filledFacilities());
    while (rows.size() < Math.max(FACILITY_ROWS, form.filledFacilities().size() + 2)) {
      rows.add(new WorksheetForm.Facility());
    }
    form.setSubmittingFor(rows);
    return form;
  }
}
