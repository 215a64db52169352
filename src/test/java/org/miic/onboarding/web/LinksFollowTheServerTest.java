package org.miic.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 7, item 3, on a real server with {@code miic.public-base-url} unset (the test configuration sets it; this
 * test clears it): a link in an API answer (statusUrl) and the WSDL's service address follow the host and port the
 * request used, and behind a proxy at 127.0.0.1 its X-Forwarded-Proto and X-Forwarded-Host; a link in an email, sent
 * by a job outside any request, says http://localhost:&lt;the server's port&gt;. Behind HTTPS the session cookie is
 * Secure (item 13).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "miic.public-base-url=")
class LinksFollowTheServerTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder postWorksheet(String host, String organizationName) throws Exception {
    return HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/worksheets"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Worksheets.complete(organizationName))));
  }

  @Test
  void apiLinksAndTheWsdlFollowTheRequestAndEmailLinksTheServerPort() throws Exception {
    HttpResponse<String> direct = send(postWorksheet("127.0.0.1", "Aspen Clinic"));
    assertThat(direct.statusCode()).as(direct.body()).isEqualTo(201);
    String trackingId = json.readTree(direct.body()).get("trackingId").asText();
    assertThat(json.readTree(direct.body()).get("statusUrl").asText()).isEqualTo("http://127.0.0.1:" + port + "/status/" + trackingId);
    assertThat(direct.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/api/worksheets/" + trackingId + "/status");

    HttpResponse<String> byName = send(postWorksheet("localhost", "Balsam Clinic"));
    assertThat(json.readTree(byName.body()).get("statusUrl").asText()).startsWith("http://localhost:" + port + "/status/");

    HttpResponse<String> proxied = send(postWorksheet("127.0.0.1", "Cottonwood Clinic")
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "onboarding.miic.example"));
    assertThat(proxied.statusCode()).isEqualTo(201);
    assertThat(json.readTree(proxied.body()).get("statusUrl").asText()).startsWith("https://onboarding.miic.example/status/");
    assertThat(json.readTree(proxied.body()).get("correctionUrl").asText()).startsWith("https://onboarding.miic.example/worksheet/");

    HttpResponse<String> wsdl = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/iis/soap?wsdl")).GET());
    assertThat(wsdl.statusCode()).isEqualTo(200);
    assertThat(wsdl.body()).contains("location=\"http://127.0.0.1:" + port + "/iis/soap\"").doesNotContain("localhost:8282");
    HttpResponse<String> proxiedWsdl = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/iis/soap?wsdl"))
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "onboarding.miic.example").GET());
    assertThat(proxiedWsdl.body()).contains("location=\"https://onboarding.miic.example/iis/soap\"");

    // The receipt email is sent by its job, outside any request: its link names the server's own port.
    runDueJobs();
    List<MimeMessage> receipts = messagesTo("primary@aspenclinic.example");
    assertThat(receipts).isNotEmpty();
    assertThat(body(receipts.get(0))).contains("http://localhost:" + port + "/status/" + trackingId);
    assertThat(body(receipts.get(0))).doesNotContain("localhost:8080").doesNotContain("onboarding.test");
  }

  @Autowired org.miic.onboarding.agreement.AgreementService agreements;
  @Autowired org.miic.onboarding.organization.OrganizationRepository organizations;
  @Autowired org.camunda.bpm.engine.FormService forms;

  /**
   * Issue 7, item 3: the report link in a testing task's evidence, written by the engine outside any request, names
   * the server's own port (not localhost:8080).
   */
  @Test
  void theReportLinkInATestingTasksEvidenceNamesTheServersPort() throws Exception {
    long organization = organizations.findOrCreate("Dogwood Clinic", START).id();
    agreements.record(organization, new org.miic.onboarding.agreement.AgreementService.Signature("Rep", null, null,
        java.time.LocalDate.of(2026, 1, 2)), "t");
    var request = submit(Worksheets.complete("Dogwood Clinic"));
    runDueJobs();
    completeTask(request, org.miic.onboarding.ProcessConstants.TASK_REVIEW_WORKSHEET, java.util.Map.of(
        org.miic.onboarding.ProcessConstants.VAR_WORKSHEET_DECISION, org.miic.onboarding.ProcessConstants.DECISION_COMPLETE));
    runDueJobs();
    String evidence = (String) forms.getTaskFormVariables(task(request, "Task_SetUpTransport").getId()).get("testEvidence");
    assertThat(evidence).contains("http://localhost:" + port + "/report/").doesNotContain("localhost:8080").doesNotContain("onboarding.test");
  }

  /**
   * Issue 7, item 13: behind HTTPS (here a proxy at 127.0.0.1 saying X-Forwarded-Proto: https) the page session
   * cookie is marked Secure; over plain HTTP it is not (a browser would drop it). HttpOnly and SameSite=Lax always.
   */
  @Test
  void theSessionCookieIsSecureBehindHttps() throws Exception {
    HttpResponse<String> https = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/worksheet"))
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "onboarding.miic.example").GET());
    assertThat(https.statusCode()).isEqualTo(200);
    String cookie = https.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + https.headers().map()));
    assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly").containsIgnoringCase("SameSite=Lax");

    HttpResponse<String> http = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/worksheet")).GET());
    String plain = http.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(plain).doesNotContainIgnoringCase("Secure").containsIgnoringCase("; HttpOnly").containsIgnoringCase("SameSite=Lax");
  }
}
