package org.miic.onboarding.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Completing a task with input a listener refuses (a go-live date in the past, a signing date in the future) made the
 * engine answer 500 with {@code ENGINE-03051 There was an exception while invoking the TaskListener. Message: '...'}.
 * For task completion and form submission, on the engine's REST API and on Tasklist's own API, that answer becomes a
 * 400 with the listener's sentence alone (issue 7, item 4). Other failures pass through unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TaskInputErrorFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(TaskInputErrorFilter.class);
  private static final Pattern TASK_COMPLETION = Pattern.compile("(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/(complete|submit-form)");
  /** e.g. "Cannot submit task form ID: ENGINE-03051 ... Message: 'Exception while invoking TaskListener: SENTENCE'". */
  private static final Pattern LISTENER_MESSAGE = Pattern.compile("(?s).*ENGINE-03051 .*?Message: '(?:Exception while invoking TaskListener: )?(.*)'\\s*$");
  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !TASK_COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] body = wrapper.getContentAsByteArray();
    if (wrapper.getStatus() >= 400 && alreadyDone(body)) {
      // Two staff completing one task at once (two nodes, two tabs): the loser is told so, not given a 500 (issue 7, item 14).
      LOG.warn("Task completion lost a race at {}", request.getRequestURI());
      wrapper.resetBuffer();
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      response.setContentType("application/json;charset=UTF-8");
      byte[] conflict = json.writeValueAsBytes(Map.of("type", "TaskAlreadyCompleted", "message",
          "Someone else completed or changed this task at the same moment. Reload Tasklist to see where the request stands."));
      response.setContentLength(conflict.length);
      response.getOutputStream().write(conflict);
      return;
    }
    String sentence = wrapper.getStatus() == 500 ? refusedInput(body) : null;
    if (sentence == null) {
      wrapper.copyBodyToResponse();
      return;
    }
    LOG.warn("Task input refused at {}: {}", request.getRequestURI(), sentence);
    wrapper.resetBuffer();
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    byte[] refusal = json.writeValueAsBytes(Map.of("type", "InvalidRequestException", "message", sentence));
    response.setContentLength(refusal.length);
    response.getOutputStream().write(refusal);
  }

  /** The engine's answers when the task was completed (or updated) by someone else in the meantime. */
  private boolean alreadyDone(byte[] body) {
    try {
      JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
      if (node == null) {
        return false;
      }
      String type = node.path("type").asText("");
      String message = node.path("message").asText("");
      return "OptimisticLockingException".equals(type) || message.contains("OptimisticLockingException")
          || message.contains(org.miic.onboarding.common.TaskCompletionLock.RACE_LOST)
          || message.contains("task is null") || message.contains("Cannot find task with id") || message.contains("NullPointerException");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private String refusedInput(byte[] body) {
    try {
      JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
      String message = node == null || node.get("message") == null ? "" : node.get("message").asText();
      Matcher m = LISTENER_MESSAGE.matcher(message);
      return m.matches() ? m.group(1) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
