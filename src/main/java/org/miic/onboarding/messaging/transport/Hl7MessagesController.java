package org.miic.onboarding.messaging.transport;

import org.miic.onboarding.messaging.validation.AckBuilder;
import org.miic.onboarding.messaging.validation.MessageValidator;
import org.miic.onboarding.messaging.validation.ValidationProperties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * HTTPS POST transport: an organization posts one HL7 message, or an HL7 batch file of many (text/plain, UTF-8), with
 * HTTP basic authentication using its MIIC exchange credentials (and optionally its facilityID), and gets the
 * acknowledgement (or a batch acknowledgement file) back as HL7 text.
 */
@RestController
@RequestMapping("/api/hl7")
class Hl7MessagesController {

  private static final Logger LOG = LoggerFactory.getLogger(Hl7MessagesController.class);

  private final CredentialService credentials;
  private final MessageIntake intake;
  private final BatchIntake batches;
  private final MessageValidator validator;
  private final AckBuilder acks;
  private final ValidationProperties properties;

  Hl7MessagesController(CredentialService credentials, MessageIntake intake, BatchIntake batches, MessageValidator validator,
      AckBuilder acks, ValidationProperties properties) {
    this.credentials = credentials;
    this.intake = intake;
    this.batches = batches;
    this.validator = validator;
    this.acks = acks;
    this.properties = properties;
  }

  @PostMapping(path = "/messages", produces = "text/plain;charset=UTF-8")
  ResponseEntity<String> submit(HttpServletRequest request, @RequestParam(name = "facilityID", required = false) String facilityId)
      throws IOException {
    ExchangeCredential credential = signedIn(request, facilityId);
    if (request.getContentLengthLong() > properties.maxMessageBytes()) {
      throw new Hl7Input.TooLargeException(properties.maxMessageBytes());
    }
    Hl7Input.Decoded decoded = Hl7Input.decode(Hl7Input.readBounded(request.getInputStream(), properties.maxMessageBytes()));
    if (decoded.problem() != null) {
      // Unreadable input is answered with an AR and not stored: there is no message to keep.
      return ResponseEntity.ok(acks.ack(validator.unreadable(decoded.problem())));
    }
    return ResponseEntity.ok(intake.receive(credential, MessageIntake.Channel.HTTP, decoded.text()));
  }

  /**
   * An HL7 batch file, read and answered a message at a time: the batch acknowledgement file is written as the messages
   * are stored, so that a batch of any size needs the memory of a few messages, not of the file.
   */
  @PostMapping(path = "/batches", produces = "text/plain;charset=UTF-8")
  void submitBatch(HttpServletRequest request, HttpServletResponse response,
      @RequestParam(name = "facilityID", required = false) String facilityId) throws IOException {
    ExchangeCredential credential = signedIn(request, facilityId);
    BatchReader batch = new BatchReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8),
        properties.maxMessageBytes());
    BatchReader.Header header = batch.header();
    if (!header.hasMessages()) {
      LOG.warn("Batch of {} refused: it has no MSH segment", credential.username());
      throw new NoMessageException();
    }
    response.setContentType("text/plain;charset=UTF-8");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try {
      batches.answer(credential, header, batch, out);
    } catch (IOException e) {
      // The connection broke off: what was acknowledged is stored, and the sender sends the rest again.
      LOG.warn("Batch of {} broke off: {}", credential.username(), e.toString());
    } catch (RuntimeException e) {
      // The acknowledgements written stand (their messages are stored); the file ends without BTS and FTS, which tells
      // the sender that the messages after them are to be sent again.
      LOG.error("Batch of {} stopped: a message could not be processed", credential.username(), e);
      out.flush();
    }
    if (batch.skipped() > 0) {
      LOG.warn("Batch of {}: {} segments outside any message were skipped", credential.username(), batch.skipped());
    }
  }

  /** The credential the request signs in with (HTTP basic and the optional facilityID); a 401 or 403 otherwise. */
  private ExchangeCredential signedIn(HttpServletRequest request, String facilityId) {
    return basic(request.getHeader(HttpHeaders.AUTHORIZATION)).flatMap(up -> credentials.authenticate(up[0], up[1], facilityId))
        .orElseThrow(NotSignedInException::new);
  }

  private static final class NotSignedInException extends RuntimeException {}

  private static final class NoMessageException extends RuntimeException {}

  @ExceptionHandler(NotSignedInException.class)
  ResponseEntity<String> notSignedIn() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"MIIC HL7\", charset=\"UTF-8\"")
        .contentType(MediaType.TEXT_PLAIN)
        .body("Unknown username, wrong password or facilityID: use the MIIC exchange credentials issued to your organization.");
  }

  @ExceptionHandler(ExchangeSuspendedException.class)
  ResponseEntity<String> suspended(ExchangeSuspendedException suspended) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body(suspended.getMessage());
  }

  @ExceptionHandler(NoMessageException.class)
  ResponseEntity<String> noMessage() {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("The batch has no message: send HL7 v2 messages, each "
        + "starting with an MSH segment, optionally between FHS and BHS and BTS and FTS segments, as UTF-8 text. Nothing was stored.");
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
