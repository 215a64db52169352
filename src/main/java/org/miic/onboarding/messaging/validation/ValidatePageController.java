package org.miic.onboarding.messaging.validation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The self-service check as a page: an interface analyst pastes an HL7 message and reads the acknowledgement MIIC would
 * send and every finding, without an account. Nothing is stored; the same limits as {@code POST /api/hl7/validate}.
 */
@Controller
class ValidatePageController {

  private final MessageValidator validator;
  private final AckBuilder acks;
  private final ValidationProperties properties;
  private final ValidateRateLimit limit;

  ValidatePageController(MessageValidator validator, AckBuilder acks, ValidationProperties properties, ValidateRateLimit limit) {
    this.validator = validator;
    this.acks = acks;
    this.properties = properties;
    this.limit = limit;
  }

  @GetMapping("/validate")
  String page() {
    return "validate";
  }

  @PostMapping("/validate")
  String check(@RequestParam(required = false) String message, HttpServletRequest request, Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    String text = message == null ? "" : message;
    model.addAttribute("message", text);
    long retryAfter = limit.retryAfterSeconds(request.getRemoteAddr());
    if (retryAfter > 0) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      model.addAttribute("error", "At most " + limit.perMinute() + " checks a minute are answered from one address; try again in "
          + retryAfter + " seconds.");
      return "validate";
    }
    if (text.isBlank()) {
      model.addAttribute("error", "Paste an HL7 message (MSH segment first) into the box.");
      return "validate";
    }
    if (text.length() > properties.maxMessageBytes()) {
      model.addAttribute("error", "The message is longer than MIIC takes (" + properties.maxMessageBytes() + " bytes).");
      return "validate";
    }
    // A pasted message has line breaks where HL7 has carriage returns.
    ValidationResult result = validator.validate(text.strip().replace("\r\n", "\r").replace('\n', '\r'));
    model.addAttribute("result", result);
    model.addAttribute("findings", result.findings().stream().sorted(Comparator.comparing(Finding::severity)).limit(500).toList());
    model.addAttribute("ack", acks.ack(result).replace('\r', '\n').strip());
    return "validate";
  }
}
