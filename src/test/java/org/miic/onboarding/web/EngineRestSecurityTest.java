package org.miic.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.support.TestConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The engine's REST API and the Camunda webapps, over real HTTP (they are not Spring MVC, so MockMvc cannot reach them). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
class EngineRestSecurityTest {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void engineRestRequiresAnEngineUser() throws Exception {
    assertThat(get("/engine-rest/process-definition", null, null).statusCode()).isEqualTo(401);
    // A wrong password locks the user for a few seconds (Camunda's login throttling), so try it on a user of its own.
    assertThat(get("/engine-rest/process-definition", "nobody", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> ok = get("/engine-rest/process-definition?key=DataExchangeOnboarding", "admin", "admin-test");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"key\":\"DataExchangeOnboarding\"");
  }

  @Test
  void theWebappsAndTheWorksheetFormAreServed() throws Exception {
    assertThat(get("/camunda/app/tasklist/default/", null, null).statusCode()).isEqualTo(200);
    assertThat(get("/worksheet", null, null).body()).contains("MIIC Data Exchange Worksheet");
    assertThat(get("/actuator/health", null, null).body()).contains("UP");
  }

  @Test
  void thePageSessionCookieIsSameSiteAndHttpOnly() throws Exception {
    HttpResponse<String> form = get("/worksheet", null, null);
    String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
    assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
  }

  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camunda;

  @Test
  void theJobLockTimeIsConfigurable() {
    // application-test.yml sets it to 120000 (MIIC_JOB_LOCK_MILLIS in production; default 300000), issue 7, item 14. The
    // starter hands it to the job executor when job execution is enabled (it is not in tests, which run jobs themselves).
    assertThat(camunda.getJobExecution().getLockTimeInMillis()).isEqualTo(120_000);
  }
}
