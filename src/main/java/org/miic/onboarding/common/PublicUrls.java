package org.miic.onboarding.common;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Absolute links to this application for emails, the WSDL and API answers. {@code miic.public-base-url}
 * ({@code MIIC_PUBLIC_BASE_URL}) sets them in production. Unset, they follow the server: within a request, the address
 * the client used (behind a proxy, its X-Forwarded headers, trusted by Tomcat from internal proxies only); elsewhere (an
 * email sent by a job) {@code http://localhost:<the server's port>}.
 */
@Component
public class PublicUrls {

  private final String configured;
  private final Environment environment;
  /** The base outside requests, once the server's port is known (a property lookup walks every property source). */
  private volatile String serverBase;

  public PublicUrls(@Value("${miic.public-base-url:}") String configured, Environment environment) {
    this.configured = trimSlash(configured == null ? "" : configured.trim());
    this.environment = environment;
  }

  /** The base URL without a trailing slash. */
  public String base() {
    if (!configured.isEmpty()) {
      return configured;
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      int port = request.getServerPort();
      boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
      return request.getScheme() + "://" + request.getServerName() + (defaultPort || port <= 0 ? "" : ":" + port) + request.getContextPath();
    }
    String known = serverBase;
    if (known != null) {
      return known;
    }
    String local = environment.getProperty("local.server.port");
    String port = local != null ? local : environment.getProperty("server.port", "8080");
    String base = "http://localhost:" + ("0".equals(port) ? "8080" : port);
    if (local != null) {
      serverBase = base; // the port the server listens on, fixed from now on
    }
    return base;
  }

  /** An absolute link to a path of this application ("/status/abc"). */
  public String of(String path) {
    return base() + (path.startsWith("/") ? path : "/" + path);
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
