package org.miic.onboarding.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import java.util.stream.Collectors;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every API error as RFC 9457 problem details; validation errors carry {@code errors}: one message per field, named by
 * its JSON path.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError f : e.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(f.getField(), f.getDefaultMessage());
    }
    e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
    return problem(HttpStatus.BAD_REQUEST, "The request has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
        + "; nothing was stored.", errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (e.getCause() instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
      errors.put(path(f), valueMessage(f));
    } else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      errors.put(path(m), typeMessage(m instanceof MismatchedInputException mi ? mi.getTargetType() : null));
    }
    return problem(HttpStatus.BAD_REQUEST, errors.isEmpty() ? bodyProblem(e.getCause()) : "The request has errors; nothing was stored.", errors);
  }

  /** A value of the right JSON type that does not fit the field: 1 or "yes" for true/false, 1.5 for a count, an unknown option. */
  private static String valueMessage(InvalidFormatException f) {
    Class<?> target = f.getTargetType();
    String value = "'" + abbreviate(String.valueOf(f.getValue())) + "'";
    if (target != null && target.isEnum()) {
      return value + " is not a valid value. Allowed: "
          + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + ".";
    }
    if (target == Boolean.class || target == boolean.class) {
      return value + " is not true or false. Send true or false, without quotes.";
    }
    if (isWholeNumber(target)) {
      return value + " is not a whole number. Send a whole number, without quotes.";
    }
    return value + " is not a valid value.";
  }

  /** A value of the wrong JSON type: text for a number, a number for text, an object for a list. */
  private static String typeMessage(Class<?> target) {
    if (target == Boolean.class || target == boolean.class) {
      return "Send true or false, without quotes.";
    }
    if (isWholeNumber(target)) {
      return "Send a whole number, without quotes.";
    }
    if (target == String.class) {
      return "Send text (in quotes) here.";
    }
    if (target != null && target.isEnum()) {
      return "Send one of: " + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + ".";
    }
    if (target != null && java.util.Collection.class.isAssignableFrom(target)) {
      return "Send a list ([...]) here.";
    }
    return "This value has the wrong type.";
  }

  private static boolean isWholeNumber(Class<?> target) {
    return target == Integer.class || target == int.class || target == Long.class || target == long.class
        || target == Short.class || target == short.class;
  }

  /** The body as a whole cannot be read: where, and (for text after the JSON value, or not an object) what. */
  private static String bodyProblem(Throwable cause) {
    String at = "";
    if (cause instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
      at = " (at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
    }
    boolean trailing = cause instanceof MismatchedInputException m && m.getOriginalMessage() != null
        && m.getOriginalMessage().startsWith("Trailing token")
        || cause instanceof JsonParseException p && afterTheRootValue(p);
    if (trailing) {
      return "The body has more after the end of its JSON value" + at + "; send one JSON object and nothing after it. Nothing was stored.";
    }
    if (cause instanceof MismatchedInputException) {
      return "The body must be one JSON object with the fields of the request; nothing was stored.";
    }
    return "The body is not valid JSON" + at + "; nothing was stored.";
  }

  /**
   * The parser failed at the top level after a whole value: the text after the JSON value is the problem. The root
   * context counts a value when it starts one, so past the first value it counts two, except for a stray closing
   * bracket, which is refused before it counts.
   */
  private static boolean afterTheRootValue(JsonParseException e) {
    JsonParser parser = e.getProcessor();
    if (parser == null || parser.getParsingContext() == null || !parser.getParsingContext().inRoot()) {
      return false;
    }
    int values = parser.getParsingContext().getEntryCount();
    return values >= 2 || values == 1 && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected close marker");
  }

  private static String abbreviate(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }

  @ExceptionHandler(AgreementService.InvalidAgreementException.class)
  ProblemDetail agreement(AgreementService.InvalidAgreementException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of(e.field(), e.getMessage()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badArgument(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage(), Map.of());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage(), Map.of());
  }

  /** Spring's own request errors (wrong method, missing parameter, …) keep their status. */
  @ExceptionHandler(ErrorResponseException.class)
  ProblemDetail springError(ErrorResponseException e) {
    return e.getBody();
  }

  /** Anything unexpected: logged with a reference the caller can quote; the transaction rolled back, nothing stored. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) throws Exception {
    if (e instanceof ErrorResponse || e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e; // handled by Spring MVC or Spring Security
    }
    String reference = UUID.randomUUID().toString();
    LOG.error("Unexpected error, reference {}", reference, e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR,
        "An unexpected error occurred and nothing was stored. Please try again; if it persists, contact MIIC with reference "
            + reference + ".", Map.of());
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static ProblemDetail problem(HttpStatus status, String detail, Map<String, String> errors) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      p.setProperty("errors", errors);
    }
    return p;
  }
}
