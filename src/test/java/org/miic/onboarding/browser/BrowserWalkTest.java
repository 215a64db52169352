package org.miic.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.miic.onboarding.ProcessConstants.DECISION_COMPLETE;
import static org.miic.onboarding.ProcessConstants.VAR_WORKSHEET_DECISION;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.validation.Hl7Fixtures;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The two walks of issue 8 in a real Chromium: an organization submits its worksheet, follows its status page, uploads
 * its signed agreement and reads its report; staff sign in, search, open an organization, move a queue entry up and read
 * the metrics. Each page is kept as a screenshot under target/screenshots for a reviewer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class BrowserWalkTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired AgreementService agreements;
  @Autowired CredentialService credentials;
  @Autowired QueueService queue;

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void anOrganizationSubmitsItsWorksheetFollowsItsStatusUploadsItsAgreementAndReadsItsReport() throws Exception {
    try (Browser b = Browser.open(base())) {
      b.go("/worksheet");
      b.type(By.name("organizationName"), "Willow Creek Pediatrics");
      b.find(By.name("organizationType")).sendKeys("Pediatrics");
      b.find(By.name("requestType")).sendKeys("New data submission");
      b.type(By.name("mnvfcPin"), "23456");
      b.type(By.name("immunizationsPerYear"), "9000");
      int i = 0;
      for (String c : new String[] {"primaryContact", "technicalContact", "authorizedRepresentative"}) {
        String[] who = {"Ana Ruiz", "Ben Olsen", "Dr. Cora Lind"};
        b.type(By.name(c + ".name"), who[i]);
        b.type(By.name(c + ".email"), c.toLowerCase() + "@willowcreek.example");
        b.type(By.name(c + ".phone"), "651-555-010" + i);
        i++;
      }
      b.type(By.name("sourceSystem.vendor"), "Epic");
      b.type(By.name("sourceSystem.product"), "EpicCare Ambulatory");
      b.type(By.name("sourceSystem.version"), "2024");
      b.find(By.name("messageFormat")).sendKeys("HL7 2.5.1");
      b.find(By.name("transport")).sendKeys("SOAP");
      b.find(By.name("capabilities.submissionMode")).sendKeys("Real time");
      b.click(By.cssSelector("input[name='capabilities.receivesAcks'][value='true']"));
      b.click(By.cssSelector("input[name='capabilities.sendsQueries'][value='false']"));
      b.type(By.name("submittingFor[0].name"), "Willow Creek Pediatrics Main");
      b.type(By.name("submittingFor[0].facilityId"), "WCP-1");
      b.type(By.name("supplementalMaterials"), "Vendor interface specification");
      b.screenshot("org-01-worksheet");
      b.click(By.cssSelector("form button[type=submit]"));

      assertThat(b.text()).contains("Thank you: your worksheet was received").contains("Willow Creek Pediatrics");
      String trackingId = b.url().replaceAll(".*/status/([a-z0-9]+).*", "$1");
      OnboardingRequest request = worksheets.request(trackingId);
      runDueJobs();
      b.go("/status/" + trackingId);
      assertThat(b.text()).contains("Waiting for a signed MIIC User Agreement").contains("What happens next");
      b.screenshot("org-02-status-waiting-for-agreement");

      b.click(By.linkText("Download and upload the MIIC User Agreement"));
      assertThat(b.text()).contains("MIIC has no agreement on file");
      String pdfLink = b.find(By.linkText("Download the MIIC User Agreement")).getAttribute("href");
      HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfLink)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      assertThat(b.find(By.id("agreement-signer")).getAttribute("value")).isEqualTo("Dr. Cora Lind");
      b.screenshot("org-03-documents");

      Path signed = Files.createTempFile("signed-agreement", ".pdf");
      Files.write(signed, pdf.body()); // the form, "signed"
      b.find(By.id("agreement-file")).sendKeys(signed.toAbsolutePath().toString());
      b.click(By.xpath("//button[text()='Upload the signed agreement']"));
      assertThat(b.text()).contains("the signed agreement was received").contains(signed.getFileName().toString());
      b.screenshot("org-04-agreement-uploaded");

      // Staff see the signed copy in "Record MIIC User Agreement", signer prefilled from the worksheet, and record it.
      var record = task(request, ProcessConstants.TASK_RECORD_AGREEMENT);
      var form = engine.getFormService().getTaskFormVariables(record.getId());
      assertThat(form.getValue("agreementDocument", String.class)).contains("Signed copy uploaded by Dr. Cora Lind").contains("/staff/documents/");
      assertThat(form.getValue(ProcessConstants.VAR_SIGNER_NAME, String.class)).isEqualTo("Dr. Cora Lind");
      tasks.complete(record.getId(), Map.of(ProcessConstants.VAR_SIGNER_NAME, "Dr. Cora Lind", ProcessConstants.VAR_SIGNER_EMAIL,
          "authorizedrepresentative@willowcreek.example", ProcessConstants.VAR_SIGNED_ON,
          LocalDate.ofInstant(START, java.time.ZoneId.of("America/Chicago")).minusDays(1).toString()));
      runDueJobs();
      completeTask(request, ProcessConstants.TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
      runDueJobs();

      // In onboarding (the only slot was free): test messages with the test credentials, then the report.
      CredentialService.Revealed login = credentials.reveal(credentials.issue(request.id(), ExchangeCredential.Environment.TEST).revealToken());
      for (String sample : new String[] {"nist-iz-ad-2.1-send-v04-z22.hl7", "defect-cvrs-invalid-cvx-XXX.hl7", "cdcig-vxu-01-basic-message.hl7"}) {
        HttpResponse<String> ack = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/hl7/messages"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login.username() + ":" + login.password()).getBytes()))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(Hl7Fixtures.sample(sample))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).isEqualTo(200);
      }
      b.go("/status/" + trackingId);
      assertThat(b.text()).contains("Onboarding: Transport set-up and testing").contains("Read your test message report");
      b.screenshot("org-05-status-onboarding");
      b.click(By.linkText("Read your test message report"));
      assertThat(b.text()).contains("Go-live criteria").contains("Findings by rule").contains("CNT-006").contains("Messages received (3)");
      b.screenshot("org-06-report");
      b.click(By.linkText("Details"));
      assertThat(b.text()).contains("Acknowledgement MIIC sent").contains("MSA|");
      b.screenshot("org-07-report-message");
    }
  }

  @Test
  void staffSignInSearchOpenAnOrganizationMoveAQueueEntryUpAndReadTheMetrics() throws Exception {
    User user = identity.newUser("walker");
    user.setFirstName("Wanda");
    user.setLastName("Walker");
    user.setPassword("walker-secret");
    identity.saveUser(user);
    identity.createMembership("walker", ProcessConstants.GROUP_STAFF);
    try {
      OnboardingRequest first = queued("Aspen Family Clinic", Worksheets.complete("Aspen Family Clinic"));
      OnboardingRequest second = queued("Basswood Pediatrics", Worksheets.complete("Basswood Pediatrics"));
      advance(Duration.ofDays(8));
      OnboardingRequest low = queued("Chokecherry Allergy", Worksheets.lowPriority("Chokecherry Allergy"));
      assertThat(queue.ranked(0, 10)).extracting(e -> e.trackingId()).containsExactly(second.trackingId(), low.trackingId());

      try (Browser b = Browser.open(base())) {
        b.go("/staff");
        assertThat(b.url()).endsWith("/staff/login");
        b.type(By.id("username"), "walker");
        b.type(By.id("password"), "walker-secret");
        b.click(By.cssSelector("button[type=submit]"));
        assertThat(b.text()).contains("Organizations").contains("3 requests").contains("Aspen Family Clinic").contains("1 of 2");
        b.screenshot("staff-01-organizations");

        b.type(By.id("q"), "FAC-1");
        b.click(By.xpath("//button[text()='Search']"));
        assertThat(b.text()).contains("1 request").contains("Chokecherry Allergy").doesNotContain("Basswood Pediatrics");
        b.screenshot("staff-02-search");

        b.click(By.linkText("Chokecherry Allergy"));
        assertThat(b.text()).contains("In the onboarding queue").contains("queue position 2 of 2").contains("Review worksheet: complete")
            .contains("Entered Step 2 – Review and queue").contains("Worksheet (1 version)").contains("Exchange credentials");
        b.screenshot("staff-03-organization");

        b.click(By.linkText("Queue"));
        assertThat(b.text()).contains("Onboarding now").contains("Aspen Family Clinic").contains("Waiting, best first");
        b.click(By.xpath("//tr[td/a[text()='Chokecherry Allergy']]//summary"));
        b.type(By.id("why-" + low.trackingId()), "County outbreak response needs this clinic's data");
        b.click(By.xpath("//tr[td/a[text()='Chokecherry Allergy']]//button[text()='Move up']"));
        assertThat(b.text()).contains("Chokecherry Allergy is now at position 1");
        assertThat(queue.ranked(0, 10)).extracting(e -> e.trackingId()).containsExactly(low.trackingId(), second.trackingId());
        b.screenshot("staff-04-queue-moved-up");

        b.click(By.linkText("Metrics"));
        assertThat(b.text()).contains("Time in each step").contains("Waiting in the queue").contains("Backlog").contains("Go-lives per month");
        assertThat(b.driver().findElements(By.cssSelector(".chart svg"))).hasSize(4);
        b.screenshot("staff-05-metrics");
      }
      assertThat(first).isNotNull();
    } finally {
      identity.deleteUser("walker");
    }
  }

  /** A request with its agreement recorded and its worksheet reviewed complete: in the queue (or invited, if a slot is free). */
  private OnboardingRequest queued(String name, org.miic.onboarding.worksheet.WorksheetForm form) {
    OnboardingRequest request = submit(form);
    runDueJobs();
    agreements.record(request.organizationId(), new AgreementService.Signature("Dr. Kim", null, "rep@" + Worksheets.domain(name),
        LocalDate.ofInstant(START, java.time.ZoneId.of("America/Chicago")).minusDays(3)), "walker");
    runDueJobs();
    completeTask(request, ProcessConstants.TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    runDueJobs();
    return request;
  }
}
