package org.miic.onboarding.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.miic.onboarding.ProcessConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The variables MIIC Exchange Onboarding sets itself (the request's and organization's ids, which address emails, the
 * agreement's state, timers) cannot be written through the engine's REST API or the webapps' API: staff set only the
 * fields of their task forms (issue 7, item 13: {@code PUT /engine-rest/task/{id}/variables/organizationId} redirected
 * emails). Covers task completion and form submission, task, process-instance and execution variables, local ones
 * included, message correlation and process starts; answers 403 with a sentence and logs at WARN.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ProtectedVariablesFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ProtectedVariablesFilter.class);
  static final Set<String> PROTECTED = Set.of(ProcessConstants.VAR_TRACKING_ID, ProcessConstants.VAR_REQUEST_ID,
      ProcessConstants.VAR_ORGANIZATION_ID, ProcessConstants.VAR_ORGANIZATION_NAME, ProcessConstants.VAR_COMPLETENESS_FINDING_COUNT,
      ProcessConstants.VAR_AGREEMENT_CURRENT, ProcessConstants.VAR_AGREEMENT_ID, ProcessConstants.VAR_AGREEMENT_LAPSED,
      ProcessConstants.VAR_GO_LIVE_AT, ProcessConstants.VAR_AGREEMENT_EXPIRES_AT, ProcessConstants.VAR_FIRST_REMINDER_AT,
      ProcessConstants.VAR_SECOND_REMINDER_AT, ProcessConstants.VAR_GRACE_ENDS_AT, ProcessConstants.VAR_GRACE_WARNING_AT,
      ProcessConstants.VAR_SCORECARD_ID, ProcessConstants.VAR_QUALITY_WITHIN_THRESHOLDS, ProcessConstants.VAR_EXCHANGE_SUSPENDED,
      ProcessConstants.VAR_EXCHANGE_RESUMED, ProcessConstants.VAR_CHANGE_OF_REQUEST_ID, "dataQualityResponseId");
  private static final Pattern API = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
  /** A variable named in the path: .../variables/{name}, .../localVariables/{name}, optionally .../data. */
  private static final Pattern NAMED = Pattern.compile("^/(task|process-instance|execution)/[^/]+/(variables|localVariables)/([^/]+)(/data)?$");
  /** The keys under which the API takes variables to set, at any depth (modification and start instructions nest them). */
  private static final Set<String> VARIABLE_CONTAINERS = Set.of("variables", "modifications", "processVariables",
      "processVariablesLocal", "localVariables", "variablesLocal", "processVariablesToTriggeredScope");
  private static final int MAX_BODY = 2_000_000;
  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method))
        || !API.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher api = API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    api.matches();
    String path = api.group(2);
    Matcher named = NAMED.matcher(path);
    if (named.matches()) {
      String name = java.net.URLDecoder.decode(named.group(3), StandardCharsets.UTF_8);
      if (PROTECTED.contains(name)) {
        refuse(request, response, name);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      // Variables travel as JSON everywhere but in .../variables/{name}/data (multipart, checked by name above).
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY);
    String forbidden = protectedName(body);
    if (forbidden != null) {
      refuse(request, response, forbidden);
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  /** The first protected variable the JSON body sets, or null (a body that is not JSON is left to the API to refuse). */
  private String protectedName(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    collectVariableNames(root, names, 0);
    return names.stream().filter(PROTECTED::contains).findFirst().orElse(null);
  }

  /**
   * The names set or deleted anywhere in the body: every endpoint that takes variables (complete, submit-form, resolve,
   * bpmnError, bpmnEscalation, message, signal, condition, start, modification, external tasks, variables) names them
   * under one of {@link #VARIABLE_CONTAINERS}, deletions under "deletions".
   */
  private static void collectVariableNames(JsonNode node, List<String> names, int depth) {
    if (depth > 64) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collectVariableNames(child, names, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      if (VARIABLE_CONTAINERS.contains(field.getKey()) && value.isObject()) {
        value.fieldNames().forEachRemaining(names::add);
      } else if ("deletions".equals(field.getKey()) && value.isArray()) {
        value.forEach(d -> names.add(d.asText()));
      }
      collectVariableNames(value, names, depth + 1);
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
    LOG.warn("Refused a write of protected variable '{}' by {} {} from {}", name, request.getMethod(), request.getRequestURI(),
        request.getRemoteAddr());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(json.writeValueAsString(Map.of("type", "ForbiddenVariable", "message", "The variable '" + name
        + "' is set by MIIC Exchange Onboarding itself and cannot be changed here; staff set only the fields of their task forms.")));
  }

  /** The request with its body read once and replayed. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
