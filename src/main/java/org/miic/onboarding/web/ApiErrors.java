package org.miic.onboarding.web;

import com.fasterxml.jackson.databind.JsonMappingException;
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
    if (e.getCause() instanceof InvalidFormatException f) {
      String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
          ? " Allowed: " + Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + "."
          : "";
      errors.put(path(f), "'" + f.getValue() + "' is not a valid value." + allowed);
    } else if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      errors.put(path(m), "This value has the wrong type.");
    }
    return problem(HttpStatus.BAD_REQUEST, errors.isEmpty() ? "The body is not valid JSON; nothing was stored."
        : "The request has errors; nothing was stored.", errors);
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
