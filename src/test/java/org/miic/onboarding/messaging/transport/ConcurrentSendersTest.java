package org.miic.onboarding.messaging.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.miic.onboarding.ProcessConstants.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.messaging.validation.Hl7Fixtures;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One organization's EHR sending in parallel (issue 9: 110 of 511 submissions from 16 concurrent SOAP clients failed on
 * engine writes): sixteen senders at once over HTTPS POST and SOAP, every submission answered with its acknowledgement
 * and stored once with its findings. Runs in the database run too (PostgreSQL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSendersTest extends ProcessTestSupport {

  static final int SENDERS = 16;
  static final int EACH = 20;

  @LocalServerPort int port;
  @Autowired CredentialService credentials;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;

  @Test
  void sixteenConcurrentSendersOfOneOrganizationLoseNothing() throws Exception {
    long org = organizations.findOrCreate("Tamarack Clinic", START).id();
    agreements.record(org, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submit(Worksheets.complete("Tamarack Clinic"));
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    String vxu = Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    List<Future<List<String>>> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      boolean soap = s % 2 == 0;
      int sender = s;
      senders.add(pool.submit(() -> {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
          String message = vxu.replace("NIST-IZ-AD-2.1_Send_V04_Z22", "S" + sender + "-" + i);
          HttpResponse<String> r = http.send(soap ? soap(login, message) : post(login, message), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200 || !r.body().contains("MSA|AA|S" + sender + "-" + i)) {
            problems.add(r.statusCode() + " " + r.body());
          }
        }
        return problems;
      }));
    }
    List<String> problems = new ArrayList<>();
    for (Future<List<String>> f : senders) {
      problems.addAll(f.get());
    }
    pool.shutdown();

    assertThat(problems).as("every submission answered with its acknowledgement").isEmpty();
    assertThat(jdbc.queryForObject("select count(*) from miic_test_message where request_id = ?", Integer.class, request.id()))
        .isEqualTo(SENDERS * EACH);
    assertThat(jdbc.queryForObject("select count(distinct control_id) from miic_test_message where request_id = ?", Integer.class,
        request.id())).as("each stored once").isEqualTo(SENDERS * EACH);
    int findingsPerMessage = jdbc.queryForObject("select count(*) from miic_test_finding f join miic_test_message m on m.id = f.message_id "
        + "where m.control_id = 'S0-0'", Integer.class);
    assertThat(findingsPerMessage).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from miic_test_finding f join miic_test_message m on m.id = f.message_id "
        + "where m.request_id = ?", Integer.class, request.id())).as("every message with all its findings")
        .isEqualTo(SENDERS * EACH * findingsPerMessage);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where name_ = 'testEvidence'", Integer.class))
        .as("no engine write per message: the evidence variable is the one the task was created with").isEqualTo(1);
  }

  private HttpRequest post(CredentialService.Revealed login, String message) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/hl7/messages"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login.username() + ":" + login.password())
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(message)).build();
  }

  private HttpRequest soap(CredentialService.Revealed login, String message) {
    String envelope = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:urn=\"urn:cdc:iisb:2011\"><soap:Body>"
        + "<urn:submitSingleMessage><urn:username>" + login.username() + "</urn:username><urn:password>" + login.password()
        + "</urn:password><urn:facilityID>" + login.facilityId() + "</urn:facilityID><urn:hl7Message>"
        + message.replace("&", "&amp;").replace("<", "&lt;") + "</urn:hl7Message></urn:submitSingleMessage></soap:Body></soap:Envelope>";
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/iis/soap"))
        .header("Content-Type", "application/soap+xml; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
  }
}
