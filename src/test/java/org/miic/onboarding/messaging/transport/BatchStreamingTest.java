package org.miic.onboarding.messaging.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.miic.onboarding.ProcessConstants.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * A batch of thousands of messages over a real connection (issue 10, item 1: a 50 MB batch must not need 50 MB of heap):
 * the body is made as it is sent and the answer read as it comes, every message stored and acknowledged in its order
 * although several are processed at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchStreamingTest extends ProcessTestSupport {

  static final int MESSAGES = 3_000;

  @LocalServerPort int port;
  @Autowired CredentialService credentials;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;

  /** FHS, BHS, the messages and BTS, FTS, each made only when the upload reaches it. */
  private static InputStream generated(String vxu) {
    Iterator<String> parts = Stream.concat(Stream.of("FHS|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|||||F1\rBHS|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|||||B1\r"),
        Stream.concat(Stream.iterate(0, i -> i < MESSAGES, i -> i + 1).map(i -> vxu.replace("NIST-IZ-AD-2.1_Send_V04_Z22", "B" + i) + "\r"),
            Stream.of("BTS|" + MESSAGES + "\rFTS|1\r"))).iterator();
    return new SequenceInputStream(new Enumeration<InputStream>() {
      @Override
      public boolean hasMoreElements() {
        return parts.hasNext();
      }

      @Override
      public InputStream nextElement() {
        return new ByteArrayInputStream(parts.next().getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  @Test
  void thousandsOfMessagesAreStoredAndAcknowledgedInTheirOrder() throws Exception {
    long org = organizations.findOrCreate("Mulberry Clinic", START).id();
    agreements.record(org, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submit(Worksheets.complete("Mulberry Clinic"));
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    String vxu = Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7");

    HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/hl7/batches"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login.username() + ":" + login.password())
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "text/plain").timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generated(vxu))).build();
    HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofLines());

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> outOfOrder = new ArrayList<>();
    List<String> trailer = new ArrayList<>();
    int[] acknowledged = {0};
    try (Stream<String> segments = response.body()) {
      segments.forEach(segment -> {
        if (segment.startsWith("MSA|")) {
          String expected = "MSA|AA|B" + acknowledged[0]++;
          if (!segment.equals(expected) && outOfOrder.size() < 10) {
            outOfOrder.add(segment + " where " + expected + " belongs");
          }
        } else if (segment.startsWith("BTS|") || segment.startsWith("FTS|")) {
          trailer.add(segment);
        }
      });
    }
    assertThat(outOfOrder).isEmpty();
    assertThat(acknowledged[0]).isEqualTo(MESSAGES);
    assertThat(trailer).containsExactly("BTS|" + MESSAGES, "FTS|1");
    assertThat(jdbc.queryForObject("select count(distinct control_id) from miic_test_message where request_id = ? and channel = 'BATCH'",
        Integer.class, request.id())).isEqualTo(MESSAGES);
  }
}
