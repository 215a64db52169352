package org.miic.onboarding.document;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload larger than the server takes at all ({@code spring.servlet.multipart.max-request-size}) is refused before any
 * controller runs: a page that says so, with the way back (files up to that size get the documents page's own message).
 */
@ControllerAdvice(annotations = Controller.class)
class UploadLimitAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(UploadLimitAdvice.class);

  private final int maxBytes;

  UploadLimitAdvice(@Value("${miic.documents.max-bytes:10485760}") int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  String tooLarge(HttpServletRequest request, Model model) {
    LOG.warn("Upload refused: larger than the server takes ({})", request.getRequestURI());
    model.addAttribute("title", "The file is too large");
    model.addAttribute("message", "MIIC takes files of at most " + maxBytes / (1024 * 1024) + " MB. Choose a smaller file, or ask MIIC "
        + "onboarding staff how to send it.");
    model.addAttribute("backUrl", request.getRequestURI());
    return "bad-request";
  }
}
