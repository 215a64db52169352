package org.miic.onboarding.messaging.transport;

import org.miic.onboarding.messaging.validation.AckBuilder;
import org.miic.onboarding.messaging.validation.MessageValidator;
import org.miic.onboarding.messaging.validation.ValidationProperties;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTPS POST transport: an organization posts one HL7 message (text/plain, UTF-8) with HTTP basic authentication using
 * its MIIC exchange credentials (and optionally its facilityID), and gets the acknowledgement back as HL7 text.
 */
@RestController
@RequestMapping("/api/hl7")
class Hl7MessagesController {

  private final CredentialService credentials;
  private final MessageIntake intake;
  private final MessageValidator validator;
  private final AckBuilder acks;
  private final ValidationProperties properties;

  Hl7MessagesController(CredentialService credentials, MessageIntake intake, MessageValidator validator, AckBuilder acks,
      ValidationProperties properties) {
    this.credentials = credentials;
    this.intake = intake;
    this.validator = validator;
    this.acks = acks;
    this.properties = properties;
  }

  @PostMapping(path = "/messages", produces = "text/plain;charset=UTF-8")
  ResponseEntity<String> submit(HttpServletRequest request, @RequestParam(name = "facilityID", required = false) String facilityId)
      throws IOException {
    Optional<ExchangeCredential> credential;
    try {
      credential = basic(request.getHeader(HttpHeaders.AUTHORIZATION)).flatMap(up -> credentials.authenticate(up[0], up[1], facilityId));
    } catch (ExchangeSuspendedException suspended) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body(suspended.getMessage());
    }
    if (credential.isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"MIIC HL7\", charset=\"UTF-8\"")
          .contentType(MediaType.TEXT_PLAIN)
          .body("Unknown username, wrong password or facilityID: use the MIIC exchange credentials issued to your organization.");
    }
    if (request.getContentLengthLong() > properties.maxMessageBytes()) {
      throw new Hl7Input.TooLargeException(properties.maxMessageBytes());
    }
    Hl7Input.Decoded decoded = Hl7Input.decode(Hl7Input.readBounded(request.getInputStream(), properties.maxMessageBytes()));
    if (decoded.problem() != null) {
      // Unreadable input is answered with an AR and not stored: there is no message to keep.
      return ResponseEntity.ok(acks.ack(validator.unreadable(decoded.problem())));
    }
    return ResponseEntity.ok(intake.receive(credential.get(), MessageIntake.Channel.HTTP, decoded.text()));
  }

  @ExceptionHandler(Hl7Input.TooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(Hl7Input.TooLargeException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage()));
  }

  private static Optional<String[]> basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
