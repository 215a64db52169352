package org.miic.onboarding.worksheet;

import org.miic.onboarding.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Errors on the organization-facing pages, said in words. */
@ControllerAdvice(assignableTypes = WorksheetPageController.class)
class PageErrors {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "not-found";
  }

  /**
   * A posted field the form cannot hold, e.g. {@code submittingFor[100000].name}, {@code [-1]} or {@code [abc]}
   * (issue 7, item 10: these were 500): a 400 page in words, nothing stored; logged at WARN, not as an error.
   */
  @ExceptionHandler(org.springframework.beans.InvalidPropertyException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String unreadableForm(org.springframework.beans.InvalidPropertyException e, Model model) {
    org.slf4j.LoggerFactory.getLogger(PageErrors.class).warn("Worksheet form with an unusable field: {}", e.getPropertyName());
    model.addAttribute("message", "The form sent a field it does not have (" + abbreviate(e.getPropertyName())
        + "). A worksheet lists at most 500 facilities, numbered from the first.");
    return "bad-request";
  }

  private static String abbreviate(String s) {
    String clean = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }
}
