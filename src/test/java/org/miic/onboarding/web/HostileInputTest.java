package org.miic.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.miic.onboarding.ProcessConstants.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.validation.Hl7Fixtures;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Generated bad input (issue 7, item 10), seeded so a failure replays: more than 1,000 requests across the worksheet
 * API and web form, the anonymous validator, the HTTPS POST endpoint with credentials and the SOAP service. None may
 * answer 5xx (SOAP: always a SOAP envelope, faults included, and only Sender faults), hang (each request has a
 * deadline of its own), or leave anything half-stored: every refused worksheet stores nothing, every answered message
 * (HTTPS POST and SOAP) is stored once with its findings and acknowledgement, a fault stores nothing.
 */
class HostileInputTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired CredentialService credentials;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  private final ObjectMapper json = new ObjectMapper();
  private final Random random = new Random(20261125);
  /** The longest one request may take (the largest hostile HL7 message is validated well inside it). */
  private static final int PER_REQUEST_SECONDS = 30;
  private final java.util.concurrent.ExecutorService requests = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "hostile-request");
    t.setDaemon(true);
    return t;
  });

  private static final String[] NASTY = {"\u0000", "Nul\u0000name", "İ".repeat(300), "x".repeat(10_000), "\uD83D\uDE00", "<script>alert(1)</script>",
      "' or 1=1--", "${jndi:ldap://x}", "\r\n\r\n", "\u001b[31m", "../../etc/passwd", "", " ", "null", "-1", "1e309", "NaN"};

  private JsonNode nastyJson() {
    return switch (random.nextInt(10)) {
      case 0 -> json.getNodeFactory().numberNode(random.nextInt() * (random.nextBoolean() ? 1 : -1));
      case 1 -> json.getNodeFactory().numberNode(random.nextDouble() * 1e12);
      case 2 -> json.getNodeFactory().booleanNode(random.nextBoolean());
      case 3 -> json.getNodeFactory().nullNode();
      case 4 -> json.createArrayNode().add("a").add(1);
      case 5 -> json.createObjectNode().put("nested", NASTY[random.nextInt(NASTY.length)]);
      default -> json.getNodeFactory().textNode(NASTY[random.nextInt(NASTY.length)]);
    };
  }

  /** A valid worksheet with one or more fields, anywhere in it, replaced by something hostile. */
  private String hostileWorksheet() throws Exception {
    ObjectNode w = (ObjectNode) json.valueToTree(Worksheets.complete("Hostile Clinic " + random.nextInt(1000)));
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      List<ObjectNode> objects = new ArrayList<>();
      collect(w, objects);
      ObjectNode target = objects.get(random.nextInt(objects.size()));
      List<String> names = new ArrayList<>();
      target.fieldNames().forEachRemaining(names::add);
      if (!names.isEmpty()) {
        target.set(names.get(random.nextInt(names.size())), nastyJson());
      }
    }
    String text = w.toString();
    return switch (random.nextInt(12)) {
      case 0 -> text + "}garbage";
      case 1 -> text.substring(0, random.nextInt(text.length()));
      case 2 -> "[" + text + "]";
      default -> text;
    };
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
      o.elements().forEachRemaining(e -> collect(e, out));
    } else if (node instanceof ArrayNode a) {
      a.elements().forEachRemaining(e -> collect(e, out));
    }
  }

  private String hostileHl7() {
    String base = Hl7Fixtures.sample(List.of("nist-iz-ad-2.1-send-v04-z22.hl7", "cdcig-vxu-01-basic-message.hl7",
        "cdcig-qbp-z34-request-immunization-history.hl7", "aira-qbp-z44-M65D50.hl7").get(random.nextInt(4)));
    StringBuilder m = new StringBuilder(base);
    int edits = 1 + random.nextInt(6);
    for (int i = 0; i < edits && m.length() > 0; i++) {
      int at = random.nextInt(m.length());
      switch (random.nextInt(8)) {
        case 0 -> m.setCharAt(at, (char) random.nextInt(0x80));
        case 1 -> m.insert(at, "|^~\\&".charAt(random.nextInt(5)));
        case 2 -> m.insert(at, NASTY[random.nextInt(NASTY.length)]);
        case 3 -> m.delete(at, Math.min(m.length(), at + random.nextInt(200)));
        case 4 -> m.insert(at, "\rZZZ|" + "^".repeat(random.nextInt(2000)));
        case 5 -> m.insert(at, "~".repeat(random.nextInt(5000)));
        case 6 -> m.replace(0, Math.min(3, m.length()), List.of("FHS", "BHS", "MSA", "", "msh").get(random.nextInt(5)));
        default -> m.insert(at, "\r" + "RXA|0|1|" + "9".repeat(random.nextInt(40)) + "||" + NASTY[random.nextInt(NASTY.length)] + "^^CVX");
      }
    }
    return m.toString();
  }

  private void notAServerError(MockHttpServletResponse r, String what) {
    assertThat(r.getStatus()).as(what).isLessThan(500);
  }

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void moreThanAThousandHostileInputsGetNoServerErrorAndStoreNothingHalfway() throws Exception {
    int sent = 0;
    int requestsBefore = count("miic_request");
    int accepted = 0;
    for (int i = 0; i < 450; i++, sent++) {
      String body = hostileWorksheet();
      MockHttpServletResponse r = perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(body),
          "POST /api/worksheets " + abbreviate(body));
      notAServerError(r, "POST /api/worksheets " + abbreviate(body));
      if (r.getStatus() == 201) {
        accepted++;
      }
    }
    String[] indexes = {"-1", "abc", "100000", "2147483648", "", "0x10", "1.5", " 1", "9999999999999"};
    for (int i = 0; i < 150; i++, sent++) {
      var request = post("/worksheet").with(csrf()).param("organizationName", NASTY[random.nextInt(NASTY.length)])
          .param("submittingFor[" + indexes[random.nextInt(indexes.length)] + "].name", NASTY[random.nextInt(NASTY.length)])
          .param(List.of("immunizationsPerYear", "capabilities.receivesAcks", "organizationType", "primaryContact.email").get(random.nextInt(4)),
              NASTY[random.nextInt(NASTY.length)]);
      MockHttpServletResponse r = perform(request, "POST /worksheet");
      notAServerError(r, "POST /worksheet");
      if (r.getStatus() == 302) {
        accepted++;
      }
    }
    assertThat(count("miic_request")).as("a refused worksheet stores nothing").isEqualTo(requestsBefore + accepted);
    assertThat(jdbc.queryForObject("select count(*) from miic_request r where not exists "
        + "(select 1 from miic_worksheet w where w.request_id = r.id)", Integer.class)).as("no request without its worksheet").isZero();

    for (int i = 0; i < 300; i++, sent++) {
      byte[] body = random.nextInt(10) == 0 ? randomBytes() : hostileHl7().getBytes(StandardCharsets.UTF_8);
      notAServerError(perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN).content(body), "POST /api/hl7/validate"),
          "POST /api/hl7/validate");
    }

    long organizationId = organizations.findOrCreate("Hostile Sender", START).id();
    agreements.record(organizationId, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 3, 1)), "t");
    OnboardingRequest request = submit(Worksheets.complete("Hostile Sender"));
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    int messagesBefore = count("miic_test_message");
    int answered = 0;
    for (int i = 0; i < 100; i++, sent++) {
      byte[] body = hostileHl7().getBytes(StandardCharsets.UTF_8);
      MockHttpServletResponse r = perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password()))
          .contentType(MediaType.TEXT_PLAIN).content(body), "POST /api/hl7/messages");
      notAServerError(r, "POST /api/hl7/messages");
      assertThat(r.getContentAsString()).contains("MSA|");
      // Text that is not readable (a NUL, not UTF-8) is answered with AR and not stored: there is no message to keep.
      if (r.getStatus() == 200 && org.miic.onboarding.messaging.transport.Hl7Input.decode(body).problem() == null) {
        answered++;
      }
    }
    assertThat(count("miic_test_message")).as("every answered readable message is stored once").isEqualTo(messagesBefore + answered);
    assertThat(jdbc.queryForObject("select count(*) from miic_test_message m where m.error_count > 0 and not exists "
        + "(select 1 from miic_test_finding f where f.message_id = m.id)", Integer.class)).as("no message stored without its findings").isZero();

    int soapMessagesBefore = count("miic_test_message");
    int soapAnswered = 0;
    for (int i = 0; i < 100; i++, sent++) {
      String hl7 = hostileHl7().replace("&", "&amp;").replace("<", "&lt;").replace("\u0000", "");
      String envelope = switch (random.nextInt(6)) {
        case 0 -> "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>" + "<x>".repeat(random.nextInt(20_000)) + "</env:Body>";
        case 1 -> NASTY[random.nextInt(NASTY.length)];
        case 2 -> "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><submitSingleMessage xmlns=\"urn:cdc:iisb:2011\">"
            + "<username>" + login.username() + "</username><password>wrong</password><hl7Message>" + hl7 + "</hl7Message>"
            + "</submitSingleMessage></env:Body></env:Envelope>";
        default -> "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><submitSingleMessage xmlns=\"urn:cdc:iisb:2011\">"
            + "<username>" + login.username() + "</username><password>" + login.password() + "</password><facilityID>"
            + NASTY[random.nextInt(NASTY.length)].replace("<", "").replace("\u0000", "") + "</facilityID><hl7Message>" + hl7 + "</hl7Message>"
            + "</submitSingleMessage></env:Body></env:Envelope>";
      };
      MockHttpServletResponse r = perform(post("/iis/soap").contentType("application/soap+xml").content(envelope), "POST /iis/soap");
      assertThat(r.getContentType()).as("SOAP answers with SOAP").startsWith("application/soap+xml");
      String answer = r.getContentAsString();
      assertThat(answer).contains("http://www.w3.org/2003/05/soap-envelope");
      if (answer.contains("submitSingleMessageResponse")) {
        assertThat(r.getStatus()).isEqualTo(200);
        soapAnswered++;
      } else {
        // A fault (HTTP 500 by design, README) is the sender's: a Receiver fault would be the service failing.
        assertThat(answer).as("POST /iis/soap " + abbreviate(envelope)).contains("<env:Fault>").contains("env:Sender")
            .doesNotContain("env:Receiver");
      }
    }
    assertThat(soapAnswered).as("some SOAP calls got through to the message intake").isPositive();
    assertThat(count("miic_test_message")).as("every SOAP message answered with an acknowledgement is stored once, a fault stores nothing")
        .isEqualTo(soapMessagesBefore + soapAnswered);
    assertThat(jdbc.queryForObject("select count(*) from miic_test_message m where m.error_count > 0 and not exists "
        + "(select 1 from miic_test_finding f where f.message_id = m.id)", Integer.class)).as("no SOAP message stored without its findings").isZero();
    assertThat(jdbc.queryForObject("select count(*) from miic_test_message where ack is null or ack = ''", Integer.class))
        .as("no message stored without its acknowledgement").isZero();
    assertThat(sent).isGreaterThanOrEqualTo(1000);
  }

  /** One request, with a deadline: a request that does not answer within it is a hang, and fails the test. */
  private MockHttpServletResponse perform(org.springframework.test.web.servlet.RequestBuilder request, String what) throws Exception {
    java.util.concurrent.Future<MockHttpServletResponse> answer = requests.submit(() -> mvc.perform(request).andReturn().getResponse());
    try {
      return answer.get(PER_REQUEST_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      answer.cancel(true);
      throw new AssertionError(what + " did not answer within " + PER_REQUEST_SECONDS + " s: " + "a hang");
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  @org.junit.jupiter.api.AfterEach
  void stopRequests() {
    requests.shutdownNow();
  }

  private byte[] randomBytes() {
    byte[] b = new byte[random.nextInt(4000)];
    random.nextBytes(b);
    return b;
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
