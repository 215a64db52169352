package org.miic.onboarding.messaging.evidence;

import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 2: the organization's report over HTTP. A summary first (go-live criteria with how far each is, then
 * the messages per phase), the findings grouped by rule with their count and one example, then the messages a page
 * of 25 at a time, each with its own page (acknowledgement and findings); production traffic on its own tab, never
 * mixed with the test traffic.
 */
class ReportPageTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired CredentialService credentials;
  @Autowired MessageEvidence evidence;


  private void send(CredentialService.Revealed login, String sample) throws Exception {
    mvc.perform(post("/api/hl7/messages").with(httpBasic(login.username(), login.password())).contentType(MediaType.TEXT_PLAIN)
        .content(Hl7Fixtures.sample(sample))).andExpect(status().isOk());
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void theReportSummarizesFirstGroupsFindingsPagesMessagesAndKeepsProductionApart() throws Exception {
    OnboardingRequest request = invited("Hazel Clinic");
    CredentialService.Revealed test = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
    for (int i = 0; i < 24; i++) {
      send(test, "cdcig-vxu-01-basic-message.hl7");
    }
    for (int i = 0; i < 3; i++) {
      send(test, "defect-cvrs-invalid-cvx-XXX.hl7");
    }
    CredentialService.Revealed production = credentials.reveal(
        credentials.issue(request.id(), ExchangeCredential.Environment.PRODUCTION).revealToken());
    send(production, "nist-iz-ad-2.1-send-v04-z22.hl7");
    send(production, "nist-iz-ad-2.1-send-v04-z22.hl7");

    String report = evidence.reportLink(request.id()).replace("https://onboarding.test", "");
    String first = page(report);
    // Summary first: the criteria and the messages per phase, then the findings by rule, then the messages.
    int criteria = first.indexOf("Go-live criteria");
    int summary = first.indexOf("id=\"summary-h\"");
    int findings = first.indexOf("Findings by rule");
    int list = first.indexOf("Messages received (27)");
    Assertions.assertThat(criteria).isPositive();
    Assertions.assertThat(summary).isGreaterThan(criteria);
    Assertions.assertThat(findings).isGreaterThan(summary);
    Assertions.assertThat(list).isGreaterThan(findings);
    Assertions.assertThat(first).contains("Transport set-up and testing").containsPattern("<td class=\"num\">27</td>");
    // Grouped: the three CNT-006 findings are one row, counted, with one example linked to its message.
    Matcher row = Pattern.compile("(?s)<code>CNT-006</code>.*?<td class=\"num\">(\\d+)</td>\\s*<td class=\"num\">(\\d+)</td>.*?"
        + "Vaccine code &#39;XXX&#39; is not a CVX code\\..*?href=\"(/report/[a-z0-9]+/messages/\\d+)\"").matcher(first);
    Assertions.assertThat(row.find()).as(first).isTrue();
    Assertions.assertThat(row.group(1)).isEqualTo("3");
    Assertions.assertThat(row.group(2)).isEqualTo("3");
    Assertions.assertThat(first.split("Vaccine code &#39;XXX&#39; is not a CVX code\\.", -1)).as("one example, not one per finding").hasSize(2);
    // Paged: 25 messages on the first page, the other 2 on the second.
    Assertions.assertThat(first).contains("Page 1 of 2").contains("rel=\"next\"");
    Assertions.assertThat(first.split(">Details</a>", -1)).hasSize(26);
    String second = page(report + "?page=2");
    Assertions.assertThat(second).contains("Page 2 of 2").contains("rel=\"prev\"");
    Assertions.assertThat(second.split(">Details</a>", -1)).hasSize(3);
    // Test traffic only: the production messages are on their own tab.
    Assertions.assertThat(first).doesNotContain("NIST-IZ-AD-2.1_Send_V04_Z22").doesNotContain(">Production</td>");

    String productionTab = page(report + "?tab=production");
    Assertions.assertThat(productionTab).contains("Messages received (2)").contains("NIST-IZ-AD-2.1_Send_V04_Z22")
        .doesNotContain("CNT-006").doesNotContain("45646ug").doesNotContain("id=\"criteria-h\"");

    // Each message on its own page, with its acknowledgement and every finding.
    String message = page(row.group(3));
    Assertions.assertThat(message).contains("MSA|AE").contains("CNT-006").contains("Vaccine code &#39;XXX&#39; is not a CVX code.");
    mvc.perform(get(report + "/messages/999999")).andExpect(status().isNotFound());
  }
}
