package org.miic.onboarding.messaging.evidence;

import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.validation.Hl7Fixtures;

import static org.hamcrest.Matchers.containsString;
import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Message testing inside the onboarding: credentials, messages counted per phase, evidence for staff, report for the organization. */
class MessageTestingProcessTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired CredentialService credentials;
  @Autowired org.camunda.bpm.engine.FormService forms;
  @Autowired EvidenceRefresh refresh;


  private static String link(String body, String path) {
    Matcher m = Pattern.compile("https://onboarding\\.test(/" + path + "/[a-z0-9]+)").matcher(body);
    Assertions.assertThat(m.find()).as(path + " link in:\n" + body).isTrue();
    return m.group(1);
  }

  @Test
  void credentialsComeWithTheQueueEmailAndAreShownOnce() throws Exception {
    OnboardingRequest request = invited("Aspen Clinic");
    String queued = body(messagesTo("primary@aspenclinic.example").get(1));
    String reveal = link(queued, "credentials");
    Assertions.assertThat(body(messagesTo("primary@aspenclinic.example").get(2))).as("invitation repeats the unused link").contains(reveal);

    mvc.perform(get(reveal)).andExpect(status().isOk()).andExpect(content().string(containsString("Show the credentials")));
    String page = mvc.perform(post(reveal).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    Assertions.assertThat(page).contains("miic-test-").contains("FAC-N");
    mvc.perform(post(reveal).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isNotFound()).andExpect(content().string(containsString("shown only once")));
    Assertions.assertThat(jdbc.queryForObject("select password_hash from miic_exchange_credential where request_id = ?", String.class,
        request.id())).startsWith("hmac-sha256:");
  }

  @Test
  void messagesSentDuringTestingAreEvidenceForStaffAndInTheOrganizationsReport() throws Exception {
    OnboardingRequest request = invited("Birch Clinic");
    ExchangeCredential issued = credentials.issue(request.id(), ExchangeCredential.Environment.TEST);
    CredentialService.Revealed login = credentials.reveal(issued.revealToken());

    mvc.perform(post("/api/hl7/messages").contentType(MediaType.TEXT_PLAIN).content(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7")))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), "wrong")).contentType(MediaType.TEXT_PLAIN).content("MSH|"))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
            .content(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7")))
        .andExpect(status().isOk()).andExpect(content().string(containsString("MSA|AA|NIST-IZ-AD-2.1_Send_V04_Z22")));
    completeTask(request, "Task_SetUpTransport", Map.of(VAR_TRANSPORT_OUTCOME, OUTCOME_PASSED));

    for (String sample : new String[] {"defect-cvrs-invalid-cvx-XXX.hl7", "cdcig-vxu-01-basic-message.hl7", "defect-cvrs-invalid-cvx-XXX.hl7"}) {
      mvc.perform(post("/api/hl7/messages").queryParam("facilityID", login.facilityId()).with(httpBasic(login.username(), login.password()))
          .contentType(MediaType.TEXT_PLAIN).content(Hl7Fixtures.sample(sample))).andExpect(status().isOk());
    }
    Assertions.assertThat(refresh.flush()).as("the messages marked their request; the refresh brings its task up to date").isPositive();
    String evidence = (String) forms.getTaskFormVariables(task(request, "Task_MessageFormatTesting").getId()).get("testEvidence");
    Assertions.assertThat(evidence)
        .contains("**3 messages** during message format testing: 1 accepted (AA), 2 accepted with errors (AE), 0 rejected (AR)")
        .contains("2 × CNT-006 error")
        .contains("Historical dose ✔").contains("Refusal ✘")
        .contains("Go-live criteria (last 20 messages): **not met**")
        .contains("error CNT-006 occurred in 2 messages")
        .doesNotContain("(qa)")
        .containsPattern("Latest: [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M C[SD]T")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
    Assertions.assertThat(jdbc.queryForList("select phase from miic_test_message where request_id = ? order by id", String.class, request.id()))
        .containsExactly("TRANSPORT", "FORMAT", "FORMAT", "FORMAT");

    completeTask(request, "Task_MessageFormatTesting", Map.of(VAR_FORMAT_OUTCOME, OUTCOME_CORRECTIONS, VAR_CORRECTION_NOTES, "Use real CVX codes"));
    String report = link(body(messagesTo("tech@birchclinic.example").get(messagesTo("tech@birchclinic.example").size() - 1)), "report");
    mvc.perform(get(report)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Birch Clinic")))
        .andExpect(content().string(containsString("CNT-006")))
        .andExpect(content().string(containsString("Vaccine code &#39;XXX&#39; is not a CVX code.")))
        .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*<td>[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M C[SD]T</td>.*")))
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:.*"))));
    mvc.perform(get("/report/abcdefghjkmnpqrstuvwxyz234567892")).andExpect(status().isNotFound());
  }

  @Autowired org.miic.onboarding.queue.QueueService queue;

  @Test
  void preTestsThatMeetTheGoLiveCriteriaMoveAWaitingOrganizationUp() throws Exception {
    invited("Dogwood Clinic"); // takes the only onboarding slot
    OnboardingRequest first = invited("Elm Clinic");
    advance(java.time.Duration.ofMinutes(1)); // same score: the one that waited longer ranks first
    OnboardingRequest preTester = invited("Fir Clinic");
    Assertions.assertThat(queue.ranked(0, 100)).extracting(org.miic.onboarding.queue.RankedEntry::trackingId)
        .containsExactly(first.trackingId(), preTester.trackingId());

    CredentialService.Revealed login = credentials.reveal(credentials.issue(preTester.id(), ExchangeCredential.Environment.TEST).revealToken());
    Hl7Fixtures.Editor vxu = Hl7Fixtures.cleanVxu().set("MSH", 7, "20260302103000-0600").set("RXA", 1, 3, "20260301")
        .set("OBX", 3, 5, "20260301");
    String refusal = Hl7Fixtures.cleanVxu().set("MSH", 7, "20260302103000-0600").set("RXA", 1, 3, "20260301")
        .set("RXA", 1, 20, "RE").set("RXA", 1, 18, "00^Parental decision^NIP002").text();
    String query = String.join("\r",
        "MSH|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20260302103000-0600||QBP^Q11^QBP_Q11|Q0001|P|2.5.1|||ER|AL|||||Z34^CDCPHINVS",
        "QPD|Z34^Request Immunization History^CDCPHINVS|QT0001|PAT123^^^MYCLINIC^MR|Lakewood^Maya^^^^^L|Rivers^Olivia^^^^^M|20240115|F",
        "RCP|I|5^RD&Records&HL70126");
    for (int i = 0; i < 20; i++) {
      String message = i == 0 ? refusal : i == 1 ? query : vxu.set("MSH", 10, "PRE" + i).text();
      mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
          .content(message)).andExpect(status().isOk()).andExpect(content().string(containsString("|AA|")));
    }
    Assertions.assertThat(queue.ranked(0, 100)).as("not before the refresh").extracting(org.miic.onboarding.queue.RankedEntry::trackingId)
        .containsExactly(first.trackingId(), preTester.trackingId());
    refresh.flush();
    var ranked = queue.ranked(0, 100);
    Assertions.assertThat(ranked).extracting(org.miic.onboarding.queue.RankedEntry::trackingId)
        .containsExactly(preTester.trackingId(), first.trackingId());
    Assertions.assertThat(ranked.get(0).breakdown()).anySatisfy(f -> {
      Assertions.assertThat(f.factor()).isEqualTo(org.miic.onboarding.queue.PriorityFactor.READINESS);
      Assertions.assertThat(f.points()).isEqualTo(15);
    });
    Assertions.assertThat(jdbc.queryForList("select distinct phase from miic_test_message where request_id = ?", String.class,
        preTester.id())).containsExactly("QUEUE");
  }

  @Test
  void hostileInputOnTheMessageEndpointIsAnsweredWithoutStoringIt() throws Exception {
    OnboardingRequest request = invited("Hemlock Clinic");
    CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.APPLICATION_OCTET_STREAM)
            .content(new byte[] {0x4d, 0x53, 0x48, 0x00, (byte) 0xfe}))
        .andExpect(status().isOk()).andExpect(content().string(containsString("MSA|AR|")))
        .andExpect(content().string(containsString("not UTF-8")));
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'A');
    mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN).content(huge))
        .andExpect(status().isPayloadTooLarge());
    Assertions.assertThat(jdbc.queryForObject("select count(*) from miic_test_message", Integer.class)).isZero();
  }


  @Test
  void staffReissueLostCredentialsAndTheOldOnesStopWorking() throws Exception {
    OnboardingRequest request = invited("Ironwood Clinic");
    CredentialService.Revealed old = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    mvc.perform(post("/api/onboardings/{t}/credentials/TEST/reissue", request.trackingId())).andExpect(status().isUnauthorized());
    String body = mvc.perform(post("/api/onboardings/{t}/credentials/test/reissue", request.trackingId()).with(httpBasic("admin", "admin-test")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    String link = link(body, "credentials");
    Assertions.assertThat(credentials.authenticate(old.username(), old.password(), null)).isEmpty();
    CredentialService.Revealed fresh = credentials.reveal(link.substring("/credentials/".length()));
    Assertions.assertThat(credentials.authenticate(fresh.username(), fresh.password(), fresh.facilityId())).isPresent();
    mvc.perform(get("/api/onboardings/{t}/credentials", request.trackingId()).with(httpBasic("admin", "admin-test")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(fresh.username())))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("$2")))).andExpect(content().string(org.hamcrest.Matchers.not(containsString("hmac-sha256"))));
    mvc.perform(post("/api/onboardings/{t}/credentials/STAGING/reissue", request.trackingId()).with(httpBasic("admin", "admin-test")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void goLiveIssuesProductionCredentials() throws Exception {
    OnboardingRequest request = invited("Cedar Clinic");
    for (String[] step : new String[][] {{"Task_SetUpTransport", VAR_TRANSPORT_OUTCOME, OUTCOME_PASSED},
        {"Task_MessageFormatTesting", VAR_FORMAT_OUTCOME, OUTCOME_PASSED},
        {"Task_MessageContentValidation", VAR_CONTENT_OUTCOME, OUTCOME_PASSED},
        {"Task_ApproveMessageContent", VAR_CONTENT_APPROVAL, APPROVAL_APPROVED}}) {
      completeTask(request, step[0], passing(step[1], step[2]));
    }
    completeTask(request, "Task_CoordinateGoLive", Map.of(VAR_GO_LIVE_DATE, "2026-03-03"));
    String goLive = body(messagesTo("primary@cedarclinic.example").get(messagesTo("primary@cedarclinic.example").size() - 1));
    Assertions.assertThat(goLive).contains("production credentials")
        // It goes to the primary and the technical contact, and greets both (issue 7, item 6: only the first).
        .contains("Dear Ann Lee and Raj Patel,");
    String reveal = link(goLive, "credentials");
    Assertions.assertThat(credentials.reveal(reveal.substring("/credentials/".length())).username()).startsWith("miic-prod-");
  }

  @Test
  void aUsedCredentialsLinkSaysWhenItWasShownAndOffersNothingMore() throws Exception {
    OnboardingRequest request = invited("Juniper Clinic");
    String token = credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken();
    mvc.perform(get("/credentials/{t}", token)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Show the credentials")));
    credentials.reveal(token);
    mvc.perform(get("/credentials/{t}", token)).andExpect(status().isOk())
        .andExpect(content().string(containsString("already shown, on")))
        .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*on <span>[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M C[SD]T.*")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Show the credentials"))));
    mvc.perform(get("/credentials/{t}", "no-such-token")).andExpect(status().isOk())
        .andExpect(content().string(containsString("not valid")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Show the credentials"))));
  }

  @Test
  void everyFacilityOnTheWorksheetCanSendWithTheOrganizationsCredentials() throws Exception {
    OnboardingRequest request = invited("Larch Health System");
    CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    Assertions.assertThat(login.facilityId()).isEqualTo("FAC-N");
    for (String facility : new String[] {"FAC-N", "FAC-S", "fac-s"}) {
      mvc.perform(post("/api/hl7/messages").queryParam("facilityID", facility).with(httpBasic(login.username(), login.password()))
          .contentType(MediaType.TEXT_PLAIN).content(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7"))).andExpect(status().isOk());
    }
    mvc.perform(post("/api/hl7/messages").queryParam("facilityID", "FAC-ELSEWHERE").with(httpBasic(login.username(), login.password()))
        .contentType(MediaType.TEXT_PLAIN).content(Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7"))).andExpect(status().isUnauthorized());
    Assertions.assertThat(credentials.authenticate(login.username(), login.password(), "FAC-S")).isPresent();
    Assertions.assertThat(credentials.authenticate(login.username(), login.password(), "FAC-ELSEWHERE")).isEmpty();
  }

  /**
   * A VXU just under the 1 MB limit with thousands of findings (issue 7, item 9: its ACK overflowed the stored column,
   * 500, and the message was lost): stored with every finding, answered with at most 100 ERR and a summary.
   */
  @Test
  void aMessageAtTheSizeLimitWithThousandsOfFindingsIsStoredAndAnsweredCompactly() throws Exception {
    OnboardingRequest request = invited("Buckeye Clinic");
    CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    StringBuilder vxu = new StringBuilder(String.join("\r", java.util.Arrays.copyOf(Hl7Fixtures.cleanVxu().text().split("\r"), 3)));
    String group = "\rORC|RE||ORD-%d^MYCLINIC\rRXA|0|1|20261118||ZZZ^Unknown^CVX|0.5|mL^^UCUM||00^New^NIP001|||||||||||CP|A"
        + "\rRXR|C28161^Intramuscular^NCIT|LT^Left Thigh^HL70163";
    for (int i = 1; vxu.length() < 990_000; i++) {
      vxu.append(String.format(group, i));
    }
    byte[] body = vxu.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Assertions.assertThat(body.length).isBetween(990_000, 1_000_000);
    String ack = mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
        .content(body)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    long errs = ack.lines().flatMap(l -> java.util.Arrays.stream(l.split("\r"))).filter(l -> l.startsWith("ERR|")).count();
    Assertions.assertThat(errs).isEqualTo(101);
    Assertions.assertThat(ack).contains("MSA|AE|").contains("more findings are not listed here");
    Assertions.assertThat(ack.length()).isLessThan(100_000);
    long stored = jdbc.queryForObject("select count(*) from miic_test_finding f join miic_test_message m on m.id = f.message_id "
        + "where m.request_id = ?", Long.class, request.id());
    Assertions.assertThat(stored).isGreaterThan(10_000);
    Assertions.assertThat(jdbc.queryForObject("select length(message) from miic_test_message where request_id = ?", Integer.class,
        request.id())).isEqualTo(body.length);

    String report = mvc.perform(post("/api/hl7/validate").contentType(MediaType.TEXT_PLAIN).content(body)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    Assertions.assertThat(report.length()).isLessThan(400_000);
    Assertions.assertThat(report).contains("\"findingsNotListed\":");
  }

  private void send(CredentialService.Revealed login, String message) throws Exception {
    mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
        .content(message)).andExpect(status().isOk()).andExpect(content().string(containsString("MSA|")));
  }

  /** The evidence the task form shows, once the refresh that follows messages has run. */
  private String evidenceOf(OnboardingRequest request, String taskKey) {
    refresh.flush();
    return (String) forms.getTaskFormVariables(task(request, taskKey).getId()).get("testEvidence");
  }

  /**
   * Issue 7, item 2, end to end: PRODUCTION-credential messages sent during step 3 never count in its evidence (counts,
   * findings, scenarios, go-live criteria), and TEST-credential messages sent after go-live never appear in the step-4
   * (production data quality) evidence.
   */
  @Test
  void testAndProductionTrafficNeverCountForEachOther() throws Exception {
    OnboardingRequest request = invited("Hemlock Clinic");
    CredentialService.Revealed test = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    // Production credentials already in hand during testing (issued early by staff): their traffic is production data.
    CredentialService.Revealed early = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.PRODUCTION).revealToken());
    String refusal = Hl7Fixtures.cleanVxu().set("MSH", 7, "20260302103000-0600").set("RXA", 1, 3, "20260301")
        .set("RXA", 1, 20, "RE").set("RXA", 1, 18, "00^Parental decision^NIP002").text();

    send(test, Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7"));
    completeTask(request, "Task_SetUpTransport", Map.of(VAR_TRANSPORT_OUTCOME, OUTCOME_PASSED));
    send(test, Hl7Fixtures.sample("cdcig-vxu-01-basic-message.hl7"));
    for (int i = 0; i < 3; i++) {
      send(early, Hl7Fixtures.sample("defect-cvrs-invalid-cvx-XXX.hl7"));
    }
    send(early, refusal);
    Assertions.assertThat(jdbc.queryForList("select phase from miic_test_message where request_id = ? order by id", String.class, request.id()))
        .containsExactly("TRANSPORT", "FORMAT", "PRODUCTION", "PRODUCTION", "PRODUCTION", "PRODUCTION");
    String step3 = evidenceOf(request, "Task_MessageFormatTesting");
    Assertions.assertThat(step3)
        .contains("**1 message** during message format testing: 1 accepted (AA), 0 accepted with errors (AE), 0 rejected (AR)")
        .doesNotContain("CNT-006").contains("Refusal ✘")
        .doesNotContain("4 messages").doesNotContain("6 messages");

    for (String[] step : new String[][] {{"Task_MessageFormatTesting", VAR_FORMAT_OUTCOME, OUTCOME_PASSED},
        {"Task_MessageContentValidation", VAR_CONTENT_OUTCOME, OUTCOME_PASSED},
        {"Task_ApproveMessageContent", VAR_CONTENT_APPROVAL, APPROVAL_APPROVED}}) {
      completeTask(request, step[0], passing(step[1], step[2]));
    }
    completeTask(request, "Task_CoordinateGoLive", Map.of(VAR_GO_LIVE_DATE, "2026-03-03"));
    Assertions.assertThat(instance(request)).isNotNull();
    CredentialService.Revealed production = early; // go-live keeps the production credentials already issued

    // After go-live: TEST traffic with errors and a refusal; production traffic clean.
    for (int i = 0; i < 3; i++) {
      send(test, Hl7Fixtures.sample("defect-cvrs-invalid-cvx-XXX.hl7"));
    }
    send(test, refusal);
    send(production, Hl7Fixtures.sample("cdcig-vxu-01-basic-message.hl7"));
    send(production, Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7"));
    Assertions.assertThat(jdbc.queryForObject("select count(*) from miic_test_message where request_id = ? and phase = 'TEST_AFTER_GO_LIVE'",
        Integer.class, request.id())).isEqualTo(4);

    advance(java.time.Duration.ofDays(32)); // the monthly data-quality review
    String step4 = evidenceOf(request, "Task_ReviewDataQuality");
    Assertions.assertThat(step4)
        .contains("**6 messages** during production data quality: 3 accepted (AA), 3 accepted with errors (AE), 0 rejected (AR)")
        .doesNotContain("TEST_AFTER_GO_LIVE").doesNotContain("Test messages after go-live");
    // The step-3 production messages (3 × CNT-006, one refusal) are production data; the test messages after go-live are not.
    Assertions.assertThat(step4).contains("3 × CNT-006 error");
    // Production is judged by its scorecard, not by the go-live criteria of testing.
    Assertions.assertThat(step4).doesNotContain("Go-live criteria").doesNotContain("Scenarios covered").contains("?tab=production");
  }
}
