package org.miic.onboarding.messaging.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.messaging.evidence.TestingPhaseLocator;
import org.miic.onboarding.messaging.validation.Hl7Fixtures;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * HL7 batch files at POST /api/hl7/batches (issue 10, item 1): signed in like a single message, every message stored
 * and answered in order in a batch acknowledgement file, with TEST credentials during step 3 and with PRODUCTION ones.
 */
class BatchUploadTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired CredentialService credentials;
  @Autowired TestingPhaseLocator phases;


  private CredentialService.Revealed login(OnboardingRequest request, ExchangeCredential.Environment environment) {
    return credentials.reveal(credentials.issue(request.id(), environment).revealToken());
  }

  private String send(CredentialService.Revealed login, String batch) throws Exception {
    return mvc.perform(post("/api/hl7/batches").queryParam("facilityID", login.facilityId()).with(httpBasic(login.username(), login.password()))
            .contentType(MediaType.TEXT_PLAIN).content(batch))
        .andExpect(status().isOk()).andExpect(content().contentType("text/plain;charset=UTF-8"))
        .andReturn().getResponse().getContentAsString();
  }

  private List<Map<String, Object>> stored(OnboardingRequest request) {
    return jdbc.queryForList("select channel, phase, control_id, ack_code from miic_test_message where request_id = ?", request.id());
  }

  /** The value at a position of each such segment split at "|": field n of most segments, field n + 1 of MSH and FHS. */
  private static List<String> values(String answer, String segment, int position) {
    return Arrays.stream(answer.split("\r")).filter(s -> s.startsWith(segment + "|")).map(s -> s.split("\\|", -1)[position]).toList();
  }

  @Test
  void everyMessageOfABatchIsStoredAndAcknowledgedInOrder() throws Exception {
    OnboardingRequest request = invited("Juniper Clinic");
    CredentialService.Revealed login = login(request, ExchangeCredential.Environment.TEST);
    String batch = String.join("\r",
        "FHS|^~\\&|MYEHR|MYCLINIC^1234^L|MIIC|MIIC|20260302103000-0600||||FILE-7",
        "BHS|^~\\&|MYEHR|MYCLINIC|MIIC|MIIC|20260302103000-0600||||BATCH-7",
        Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7"),
        Hl7Fixtures.sample("defect-cvrs-invalid-cvx-XXX.hl7"),
        Hl7Fixtures.sample("cdcig-qbp-z34-request-immunization-history.hl7"),
        "BTS|3", "FTS|1") + "\r";

    String answer = send(login, batch);

    List<String> segments = List.of(answer.split("\r"));
    String now = "\\d{14}[+-]\\d{4}";
    String controlId = "[0-9a-f-]{36}";
    assertThat(segments.get(0)).matches("FHS\\|\\^~\\\\&\\|MIIC\\|MIIC\\|MYEHR\\|MYCLINIC\\|" + now + "\\|\\|\\|\\|" + controlId + "\\|FILE-7");
    assertThat(segments.get(1)).matches("BHS\\|\\^~\\\\&\\|MIIC\\|MIIC\\|MYEHR\\|MYCLINIC\\|" + now + "\\|\\|\\|\\|" + controlId + "\\|BATCH-7");
    assertThat(segments.get(2)).startsWith("MSH|");
    assertThat(values(answer, "MSH", 0)).hasSize(3);
    assertThat(values(answer, "MSA", 1)).containsExactly("AA", "AE", "AA");
    assertThat(values(answer, "MSA", 2)).containsExactly("NIST-IZ-AD-2.1_Send_V04_Z22", "1090801", "793543");
    assertThat(values(answer, "MSH", 8)).as("an RSP answers the query").containsExactly("ACK^V04^ACK", "ACK^V04^ACK", "RSP^K11^RSP_K11");
    assertThat(segments.subList(segments.size() - 2, segments.size())).containsExactly("BTS|3", "FTS|1");
    assertThat(answer).endsWith("\r");

    String phase = phases.phaseOf(request.id()).name();
    assertThat(stored(request)).extracting(m -> m.get("CHANNEL") + " " + m.get("PHASE") + " " + m.get("CONTROL_ID") + " " + m.get("ACK_CODE"))
        .containsExactlyInAnyOrder("BATCH " + phase + " NIST-IZ-AD-2.1_Send_V04_Z22 AA", "BATCH " + phase + " 1090801 AE",
            "BATCH " + phase + " 793543 AA");
    assertThat(phase).isEqualTo("TRANSPORT");
  }

  @Test
  void productionCredentialsStoreProductionMessagesUntilTheExchangeIsSuspended() throws Exception {
    OnboardingRequest request = invited("Kestrel Clinic");
    CredentialService.Revealed production = login(request, ExchangeCredential.Environment.PRODUCTION);
    String vxu = Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7");
    // Messages alone, segments ending with line feeds: no FHS, BHS, BTS or FTS.
    String answer = send(production, (vxu + "\r" + vxu.replace("NIST-IZ-AD-2.1_Send_V04_Z22", "SECOND")).replace('\r', '\n') + "\n");

    assertThat(answer).startsWith("FHS|^~\\&|MIIC|MIIC|||").endsWith("\rBTS|2\rFTS|1\r");
    assertThat(values(answer, "FHS", 11)).as("no file control id to refer to").containsExactly("");
    assertThat(values(answer, "MSA", 2)).containsExactly("NIST-IZ-AD-2.1_Send_V04_Z22", "SECOND");
    assertThat(stored(request)).extracting(m -> m.get("CHANNEL") + " " + m.get("PHASE")).containsExactly("BATCH PRODUCTION", "BATCH PRODUCTION");

    credentials.setSuspended(request.id(), "Your exchange is suspended: call MIIC.");
    mvc.perform(post("/api/hl7/batches").with(httpBasic(production.username(), production.password())).contentType(MediaType.TEXT_PLAIN)
            .content(vxu))
        .andExpect(status().isForbidden()).andExpect(content().string("Your exchange is suspended: call MIIC."));
    assertThat(stored(request)).hasSize(2);
  }

  @Test
  void aMessageTooLargeOrNotUtf8IsRejectedAloneAndNotStored() throws Exception {
    OnboardingRequest request = invited("Magnolia Clinic");
    CredentialService.Revealed login = login(request, ExchangeCredential.Environment.TEST);
    String vxu = Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7");
    ByteArrayOutputStream batch = new ByteArrayOutputStream();
    batch.writeBytes((vxu.replace("NIST-IZ-AD-2.1_Send_V04_Z22", "FIRST") + "\r").getBytes(StandardCharsets.UTF_8));
    batch.writeBytes((vxu.replace("NIST-IZ-AD-2.1_Send_V04_Z22", "LARGE") + "\rNTE|1||" + "x".repeat(1_000_000) + "\r")
        .getBytes(StandardCharsets.UTF_8));
    batch.writeBytes(vxu.replace("NIST-IZ-AD-2.1_Send_V04_Z22", "LATIN1").replace("Wong", "Wong\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    batch.writeBytes(("\r" + vxu.replace("NIST-IZ-AD-2.1_Send_V04_Z22", "LAST")).getBytes(StandardCharsets.UTF_8));

    String answer = mvc.perform(post("/api/hl7/batches").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
            .content(batch.toByteArray()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(values(answer, "MSA", 2)).containsExactly("FIRST", "LARGE", "LATIN1", "LAST");
    assertThat(values(answer, "MSA", 1)).containsExactly("AA", "AR", "AR", "AA");
    assertThat(answer).contains("larger than 1000000 bytes").contains("not UTF-8").endsWith("\rBTS|4\rFTS|1\r");
    assertThat(stored(request)).extracting(m -> m.get("CONTROL_ID")).containsExactlyInAnyOrder("FIRST", "LAST");
  }

  @Test
  void withoutCredentialsOrWithoutAMessageNothingIsStored() throws Exception {
    OnboardingRequest request = invited("Linden Clinic");
    CredentialService.Revealed login = login(request, ExchangeCredential.Environment.TEST);
    String vxu = Hl7Fixtures.sample("nist-iz-ad-2.1-send-v04-z22.hl7");

    mvc.perform(post("/api/hl7/batches").contentType(MediaType.TEXT_PLAIN).content(vxu))
        .andExpect(status().isUnauthorized()).andExpect(header().string("WWW-Authenticate", "Basic realm=\"MIIC HL7\", charset=\"UTF-8\""));
    mvc.perform(post("/api/hl7/batches").with(httpBasic(login.username(), "wrong")).contentType(MediaType.TEXT_PLAIN).content(vxu))
        .andExpect(status().isUnauthorized());
    for (String body : new String[] {"", "FHS|^~\\&|MYEHR\rBHS|^~\\&|MYEHR\rBTS|0\rFTS|1\r"}) {
      mvc.perform(post("/api/hl7/batches").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN).content(body))
          .andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.startsWith("The batch has no message")));
    }
    assertThat(stored(request)).isEmpty();
  }
}
