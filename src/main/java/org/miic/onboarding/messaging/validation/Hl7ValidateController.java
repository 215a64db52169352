package org.miic.onboarding.messaging.validation;

import org.miic.onboarding.messaging.transport.Hl7Input;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The self-service pre-test: anyone may post an HL7 message (text/plain, UTF-8) and get the acknowledgement MIIC would
 * send plus the findings as JSON. Nothing is stored.
 */
@RestController
@RequestMapping("/api/hl7")
class Hl7ValidateController {

  private final MessageValidator validator;
  private final AckBuilder acks;
  private final ValidationProperties properties;

  private final ValidateRateLimit limit;

  Hl7ValidateController(MessageValidator validator, AckBuilder acks, ValidationProperties properties, ValidateRateLimit limit) {
    this.limit = limit;
    this.validator = validator;
    this.acks = acks;
    this.properties = properties;
  }

  record FindingView(String rule, String severity, String location, String readableLocation, String hl7ErrorCode,
      String applicationErrorCode, String message) {}

  /** The findings list stops at {@link #MAX_FINDINGS} (errors first); {@code findingsNotListed} counts the rest. */
  record Report(String ackCode, String messageType, String profile, String controlId, long errors, long warnings, long information,
      List<FindingView> findings, int findingsNotListed, String ack) {}

  static final int MAX_FINDINGS = 500;

  @PostMapping(path = "/validate", produces = MediaType.APPLICATION_JSON_VALUE)
  Report validate(HttpServletRequest request) throws IOException {
    long retryAfter = limit.retryAfterSeconds(request.getRemoteAddr());
    if (retryAfter > 0) {
      throw new TooManyChecksException(limit.perMinute(), retryAfter);
    }
    if (request.getContentLengthLong() > properties.maxMessageBytes()) {
      throw new Hl7Input.TooLargeException(properties.maxMessageBytes());
    }
    byte[] body = Hl7Input.readBounded(request.getInputStream(), properties.maxMessageBytes());
    Hl7Input.Decoded decoded = Hl7Input.decode(body);
    ValidationResult result = decoded.problem() != null ? validator.unreadable(decoded.problem()) : validator.validate(decoded.text());
    return new Report(result.ackCode().name(), result.messageType(), result.profile(), result.controlId(),
        result.count(Severity.ERROR), result.count(Severity.WARNING), result.count(Severity.INFORMATION),
        result.findings().stream().sorted(java.util.Comparator.comparing(Finding::severity)).limit(MAX_FINDINGS).map(f -> new FindingView(f.rule(), f.severity().name(), f.location().erl(), f.location().readable(),
            f.hl7ErrorCode(), f.applicationErrorCode(), f.message())).toList(),
        Math.max(0, result.findings().size() - MAX_FINDINGS), acks.ack(result));
  }

  static final class TooManyChecksException extends RuntimeException {
    final long retryAfter;

    TooManyChecksException(int perMinute, long retryAfter) {
      super("At most " + perMinute + " checks a minute are answered from one address; try again in " + retryAfter + " seconds.");
      this.retryAfter = retryAfter;
    }
  }

  @ExceptionHandler(TooManyChecksException.class)
  org.springframework.http.ResponseEntity<ProblemDetail> tooMany(TooManyChecksException e) {
    return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter))
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
  }

  @ExceptionHandler(Hl7Input.TooLargeException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  ProblemDetail tooLarge(Hl7Input.TooLargeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    p.setProperty("maxMessageBytes", properties.maxMessageBytes());
    return p;
  }

}
