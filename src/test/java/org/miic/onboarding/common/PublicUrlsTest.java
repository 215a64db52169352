package org.miic.onboarding.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Links follow the server unless MIIC_PUBLIC_BASE_URL says otherwise (issue 7, item 3: they said localhost:8080 on any port). */
class PublicUrlsTest {

  @AfterEach
  void noRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void aConfiguredBaseWins() {
    PublicUrls urls = new PublicUrls("https://onboarding.miic.example/", new MockEnvironment().withProperty("server.port", "18080"));
    assertThat(urls.of("/status/abc")).isEqualTo("https://onboarding.miic.example/status/abc");
  }

  @Test
  void outsideARequestLinksFollowTheServerPort() {
    assertThat(new PublicUrls("", new MockEnvironment().withProperty("server.port", "18080")).of("status/abc"))
        .isEqualTo("http://localhost:18080/status/abc");
    assertThat(new PublicUrls("", new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port", "41234"))
        .base()).isEqualTo("http://localhost:41234");
  }

  @Test
  void theServersPortIsReadOnceKnownAndNotBefore() {
    MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");
    PublicUrls urls = new PublicUrls("", environment);
    // Before the server listens (a job at start-up), its port is not known yet: the default, and no answer kept.
    assertThat(urls.base()).isEqualTo("http://localhost:8080");
    environment.setProperty("local.server.port", "41234");
    assertThat(urls.base()).isEqualTo("http://localhost:41234");
    // Once known it is kept: the port a server listens on does not change, and the lookup walks every property source.
    environment.setProperty("local.server.port", "50000");
    assertThat(urls.of("/status/abc")).isEqualTo("http://localhost:41234/status/abc");
  }

  @Test
  void withinARequestLinksFollowTheAddressTheClientUsed() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/iis/soap");
    request.setScheme("https");
    request.setServerName("onboarding.example.org");
    request.setServerPort(443);
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    assertThat(new PublicUrls("", new MockEnvironment()).of("/iis/soap")).isEqualTo("https://onboarding.example.org/iis/soap");
    request.setScheme("http");
    request.setServerPort(18080);
    assertThat(new PublicUrls("", new MockEnvironment()).base()).isEqualTo("http://onboarding.example.org:18080");
  }
}
