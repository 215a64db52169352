package org.miic.onboarding.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP surface: the worksheet API and form, the status page, the staff APIs, and who may call what. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ApiAndPagesTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identity;
  @Autowired AgreementService agreements;

  @BeforeEach
  void users() {
    user("staff1", GROUP_STAFF);
    user("outsider", null);
  }

  @AfterEach
  void removeUsers() {
    identity.deleteUser("staff1");
    identity.deleteUser("outsider");
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setPassword("secret-" + id);
      identity.saveUser(u);
      if (group != null) {
        identity.createMembership(id, group);
      }
    }
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private String postWorksheet(WorksheetForm form) throws Exception {
    String body = mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", containsString("/api/worksheets/")))
        .andExpect(jsonPath("$.statusUrl", containsString("https://onboarding.test/status/")))
        .andReturn().getResponse().getContentAsString();
    return json.readTree(body).get("trackingId").asText();
  }

  @Test
  void aWorksheetPostedAsJsonStartsAnOnboarding() throws Exception {
    String trackingId = postWorksheet(Worksheets.complete("Alder Clinic"));
    Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingId).count()).isOne();
    mvc.perform(get("/api/worksheets/{id}/status", trackingId))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.organizationName").value("Alder Clinic"))
        .andExpect(jsonPath("$.state").value("RECEIVED"));
  }

  @Test
  void badInputGetsAMessagePerFieldAndStoresNothing() throws Exception {
    WorksheetForm form = Worksheets.complete("Birch Clinic");
    form.setOrganizationName(" ");
    form.getPrimaryContact().setEmail("not-an-email");
    form.setImmunizationsPerYear(-5);
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("The request has 3 errors; nothing was stored."))
        .andExpect(jsonPath("$.errors.organizationName").value("Enter the organization's name."))
        .andExpect(jsonPath("$.errors['primaryContact.email']").value("Enter a valid email address."))
        .andExpect(jsonPath("$.errors.immunizationsPerYear").value("The number of immunizations cannot be negative."));
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON)
            .content("{\"organizationName\":\"X\",\"transport\":\"CARRIER_PIGEON\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.transport", containsString("Allowed: SOAP_WEB_SERVICE, HTTPS_POST, SFTP_BATCH, OTHER")));
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("The body is not valid JSON (at line 1, column 2); nothing was stored."));
    Assertions.assertThat(count("miic_organization") + count("miic_request") + count("miic_worksheet")).isZero();
    Assertions.assertThat(runtime.createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aCorrectedWorksheetIsDeliveredToTheWaitingProcessAndRefusedWhenTooLate() throws Exception {
    String trackingId = postWorksheet(Worksheets.incomplete("Cedar Clinic"));
    runDueJobs();
    OnboardingRequest request = worksheets.request(trackingId);
    agreements.record(request.organizationId(), new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 3, 1)), "t");
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE, VAR_REVIEW_NOTES, "List facilities"));

    mvc.perform(put("/api/worksheets/{id}", "unknownunknownunknown234").contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Worksheets.complete("Cedar Clinic"))))
        .andExpect(status().isNotFound());
    WorksheetForm invalid = Worksheets.complete("Cedar Clinic");
    invalid.getTechnicalContact().setPhone("call me");
    mvc.perform(put("/api/worksheets/{id}", trackingId).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(invalid)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors", hasKey("technicalContact.phone")));
    Assertions.assertThat(worksheets.allVersions(request.id())).hasSize(1);

    mvc.perform(put("/api/worksheets/{id}", trackingId).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Worksheets.complete("Cedar Clinic"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(2));
    runDueJobs();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance(request)).isWaitingAt(TASK_REVIEW_WORKSHEET);

    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    mvc.perform(put("/api/worksheets/{id}", trackingId).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Worksheets.complete("Cedar Clinic"))))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("past worksheet review")));
    Assertions.assertThat(worksheets.allVersions(request.id())).hasSize(2);
  }

  @Test
  void theWebFormIsCsrfProtectedAndShowsErrorsNextToEachField() throws Exception {
    mvc.perform(get("/worksheet")).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"_csrf\"")));
    mvc.perform(post("/worksheet").param("organizationName", "Dogwood Clinic")).andExpect(status().isForbidden());

    mvc.perform(post("/worksheet").with(csrf()).param("organizationName", "Dogwood Clinic")
            .param("primaryContact.email", "nope"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Please correct the fields marked below")))
        .andExpect(content().string(containsString("Enter a valid email address.")))
        .andExpect(content().string(containsString("Choose the organization type.")))
        .andExpect(content().string(containsString("value=\"Dogwood Clinic\"")));
    Assertions.assertThat(count("miic_request")).isZero();

    WorksheetForm f = Worksheets.complete("Dogwood Clinic");
    String location = mvc.perform(post("/worksheet").with(csrf())
            .param("organizationName", f.getOrganizationName()).param("organizationType", "PRIMARY_CARE")
            .param("requestType", "NEW_SUBMISSION").param("immunizationsPerYear", "4000")
            .param("sourceSystem.vendor", "athenahealth").param("sourceSystem.product", "athenaClinicals").param("sourceSystem.version", "24")
            .param("messageFormat", "HL7_2_5_1").param("transport", "HTTPS_POST")
            .param("capabilities.submissionMode", "REAL_TIME").param("capabilities.receivesAcks", "true").param("capabilities.sendsQueries", "false")
            .param("primaryContact.name", "Ann").param("primaryContact.email", "ann@dogwood.example").param("primaryContact.phone", "612 555 0100")
            .param("technicalContact.name", "Raj").param("technicalContact.email", "raj@dogwood.example").param("technicalContact.phone", "612 555 0101")
            .param("authorizedRepresentative.name", "Kim").param("authorizedRepresentative.email", "kim@dogwood.example")
            .param("authorizedRepresentative.phone", "612 555 0102")
            .param("submittingFor[0].name", "Dogwood Main").param("submittingFor[0].facilityId", "DW1")
            .param("submittingFor[1].name", "").param("submittingFor[1].facilityId", ""))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/status/*?submitted"))
        .andReturn().getResponse().getRedirectedUrl();
    String trackingId = location.substring("/status/".length(), location.indexOf('?'));
    Assertions.assertThat(worksheets.currentWorksheet(worksheets.request(trackingId).id()).submittingFor()).hasSize(1);

    mvc.perform(get("/status/{id}", trackingId)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Dogwood Clinic")))
        .andExpect(content().string(containsString("Correct or complete the worksheet")));
    mvc.perform(get("/worksheet/{id}/edit", trackingId)).andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"athenaClinicals\"")));
    mvc.perform(get("/status/{id}", "doesnotexistdoesnotexist")).andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("No request has tracking id")));
    mvc.perform(get("/api/worksheets/{id}/status", "doesnotexistdoesnotexist")).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail", containsString("No request has tracking id")));
  }

  @Test
  void onlyTheIntakeStatusAndHealthAreAnonymous() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    mvc.perform(get("/api/queue")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/queue").with(httpBasic("outsider", "secret-outsider"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/queue").with(httpBasic("staff1", "secret-staff1"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.capacity").value(1));
    mvc.perform(get("/api/worksheets/{id}", "abcdefghjkmnpqrstuvwxyz2")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/organizations/1/emails")).andExpect(status().isUnauthorized());
    mvc.perform(get("/some/other/path")).andExpect(status().isForbidden());
  }

  @Test
  void staffSeeTheQueueEmailsAndAgreementsAndActWithReasons() throws Exception {
    String trackingId = postWorksheet(Worksheets.complete("Elm Clinic"));
    runDueJobs();
    OnboardingRequest request = worksheets.request(trackingId);
    var staff = httpBasic("staff1", "secret-staff1");

    mvc.perform(post("/api/organizations/{id}/agreements", request.organizationId()).with(staff).contentType(MediaType.APPLICATION_JSON)
            .content("{\"signerName\":\"Dr. Elm\",\"signedOn\":\"2030-01-01\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.signedOn", containsString("in the future")));
    mvc.perform(post("/api/organizations/{id}/agreements", request.organizationId()).with(staff).contentType(MediaType.APPLICATION_JSON)
            .content("{\"signerName\":\"Dr. Elm\",\"signerEmail\":\"elm@elm.example\",\"signedOn\":\"2026-03-02\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.expiresOn").value("2029-03-02"))
        .andExpect(jsonPath("$.recordedBy").value("staff1"));
    runDueJobs();
    mvc.perform(get("/api/organizations/{id}", request.organizationId()).with(staff)).andExpect(status().isOk())
        .andExpect(jsonPath("$.agreement.state").value("CURRENT"));

    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    String other = postWorksheet(Worksheets.lowPriority("Fir Clinic"));
    runDueJobs();
    OnboardingRequest second = worksheets.request(other);
    agreements.record(second.organizationId(), new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 3, 1)), "t");
    runDueJobs();
    completeTask(second, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));

    mvc.perform(get("/api/queue").with(staff)).andExpect(status().isOk())
        .andExpect(jsonPath("$.onboarding").value(1))
        .andExpect(jsonPath("$.waiting[0].trackingId").value(other))
        .andExpect(jsonPath("$.waiting[0].position").value(1))
        .andExpect(jsonPath("$.waiting[0].breakdown[0].factor").value("COMPLETENESS"))
        .andExpect(jsonPath("$.waiting[0].breakdown[0].reason").isNotEmpty());
    mvc.perform(post("/api/queue/pause").with(staff).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
    mvc.perform(post("/api/queue/pause").with(staff).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Year-end freeze\"}"))
        .andExpect(status().isOk()).andExpect(jsonPath("$.paused").value(true)).andExpect(jsonPath("$.pausedBy").value("staff1"));
    mvc.perform(post("/api/queue/resume").with(staff)).andExpect(status().isOk()).andExpect(jsonPath("$.paused").value(false));

    mvc.perform(get("/api/organizations/{id}/emails", request.organizationId()).with(staff)).andExpect(status().isOk())
        .andExpect(jsonPath("$[0].template").value("WORKSHEET_RECEIVED"))
        .andExpect(jsonPath("$[0].status").value("SENT"))
        .andExpect(jsonPath("$[0].body", containsString(trackingId)));
    mvc.perform(get("/api/organizations/{id}/emails", 999999).with(staff)).andExpect(status().isNotFound());
    // The one-time credential links in the queue and invitation emails are the organization's alone (issue 7, item 13).
    Assertions.assertThat(jdbc.queryForObject("select count(*) from miic_email_outbox where organization_id = ? and body like '%/credentials/%'",
        Integer.class, request.organizationId())).isPositive();
    String outbox = mvc.perform(get("/api/organizations/{id}/emails", request.organizationId()).with(staff)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    Assertions.assertThat(outbox).contains("/credentials/[one-time link, sent to the organization only]")
        .doesNotContainPattern("/credentials/[A-Za-z0-9]{8,}");
    // Past review, the correction form no longer shows the worksheet's contacts to whoever holds the tracking id.
    mvc.perform(get("/worksheet/{id}/edit", trackingId)).andExpect(status().isConflict())
        .andExpect(content().string(containsString("No correction is open")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("@"))));

    mvc.perform(post("/api/onboardings/{id}/end-exchange", trackingId).with(staff).contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"test\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", not(containsString("Exception"))));
  }

  @Test
  void theFaviconIsServedAndADirectRequestForTheErrorPathIsNotFound() throws Exception {
    mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
    mvc.perform(get("/error")).andExpect(status().isNotFound()).andExpect(content().string("Not found."));
  }

  @Test
  void theStatusOffersACorrectionExactlyWhenOneIsAccepted() throws Exception {
    String trackingId = postWorksheet(Worksheets.incomplete("Sycamore Clinic"));
    runDueJobs();
    OnboardingRequest request = worksheets.request(trackingId);
    agreements.record(request.organizationId(), new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 3, 1)), "t");
    runDueJobs();
    // Review says incomplete; the missing-information email has not gone out yet (its job is pending).
    tasks.complete(task(request, TASK_REVIEW_WORKSHEET).getId(), Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE, VAR_REVIEW_NOTES, "Add VFC PIN"));
    mvc.perform(get("/api/worksheets/{id}/status", trackingId)).andExpect(status().isOk())
        .andExpect(jsonPath("$.correctionAllowed").value(false))
        .andExpect(jsonPath("$.state").value(org.hamcrest.Matchers.not("WAITING_FOR_CORRECTION")));
    mvc.perform(put("/api/worksheets/{id}", trackingId).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Worksheets.complete("Sycamore Clinic")))).andExpect(status().isConflict());
    runDueJobs();
    mvc.perform(get("/api/worksheets/{id}/status", trackingId)).andExpect(status().isOk())
        .andExpect(jsonPath("$.correctionAllowed").value(true))
        .andExpect(jsonPath("$.state").value("WAITING_FOR_CORRECTION"));
    mvc.perform(put("/api/worksheets/{id}", trackingId).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Worksheets.complete("Sycamore Clinic")))).andExpect(status().isOk());
  }

  /**
   * Issue 7, item 10, one case at a time: each hostile value gets 400 and a sentence that names what is wrong (per
   * field where there is one), nothing is stored, and nothing is logged at ERROR.
   */
  @Test
  void eachKindOfHostileValueGetsA400InWordsAndStoresNothing(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    int logStart = output.getOut().length();
    com.fasterxml.jackson.databind.node.ObjectNode valid = json.valueToTree(Worksheets.complete("Juniper Clinic"));

    com.fasterxml.jackson.databind.node.ObjectNode nul = valid.deepCopy();
    nul.put("organizationName", "Juniper\u0000Clinic");
    ((com.fasterxml.jackson.databind.node.ObjectNode) nul.get("technicalContact")).put("name", "Raj\u0000");
    ((com.fasterxml.jackson.databind.node.ObjectNode) nul.withArray("submittingFor").get(1)).put("facilityId", "FAC\u0000S");
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(nul.toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("The request has 3 errors; nothing was stored."))
        .andExpect(jsonPath("$.errors.organizationName").value("Remove the control characters (such as NUL) from this field."))
        .andExpect(jsonPath("$.errors['technicalContact.name']").value("Remove the control characters (such as NUL) from this field."))
        .andExpect(jsonPath("$.errors['submittingFor[1].facilityId']").value("Remove the control characters (such as NUL) from this field."));

    com.fasterxml.jackson.databind.node.ObjectNode numberForBoolean = valid.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) numberForBoolean.get("capabilities")).put("receivesAcks", 1);
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(numberForBoolean.toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("The request has errors; nothing was stored."))
        .andExpect(jsonPath("$.errors['capabilities.receivesAcks']").value("'1' is not true or false. Send true or false, without quotes."));

    com.fasterxml.jackson.databind.node.ObjectNode fractionalCount = valid.deepCopy();
    fractionalCount.put("immunizationsPerYear", 1.5);
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(fractionalCount.toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.immunizationsPerYear").value("'1.5' is not a whole number. Send a whole number, without quotes."));
    com.fasterxml.jackson.databind.node.ObjectNode quotedCount = valid.deepCopy();
    quotedCount.put("immunizationsPerYear", "12000");
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(quotedCount.toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.immunizationsPerYear").value("Send a whole number, without quotes."));

    for (String garbage : new String[] {"}garbage", " garbage", " {\"organizationName\":\"Second\"}", "]"}) {
      mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(valid.toString() + garbage))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.detail", containsString("The body has more after the end of its JSON value (at line 1, column ")))
          .andExpect(jsonPath("$.detail", containsString("send one JSON object and nothing after it. Nothing was stored.")));
    }
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content("[" + valid + "]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("The body must be one JSON object with the fields of the request; nothing was stored."));

    com.fasterxml.jackson.databind.node.ObjectNode shortEmail = valid.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) shortEmail.get("primaryContact")).put("email", "a@b");
    mvc.perform(post("/api/worksheets").contentType(MediaType.APPLICATION_JSON).content(shortEmail.toString()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("The request has 1 error; nothing was stored."))
        .andExpect(jsonPath("$.errors['primaryContact.email']").value("Enter a valid email address."));

    // The web form: a NUL in a field is marked next to it, answered 400; a list index the form cannot hold is a 400 page.
    mvc.perform(post("/worksheet").with(csrf()).param("organizationName", "Juniper\u0000Clinic").param("primaryContact.name", "Ann\u0000"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("Please correct the fields marked below")))
        .andExpect(content().string(containsString("Remove the control characters (such as NUL) from this field.")));
    for (String index : new String[] {"100000", "-1", "abc"}) {
      mvc.perform(post("/worksheet").with(csrf()).param("organizationName", "Juniper Clinic")
              .param("submittingFor[" + index + "].name", "Juniper North"))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
          .andExpect(content().string(containsString("The form sent a field it does not have (submittingFor[" + index + "]"
              + "). A worksheet lists at most 500 facilities, numbered from the first.")))
          .andExpect(content().string(containsString("Nothing was stored.")));
    }

    Assertions.assertThat(count("miic_organization") + count("miic_request") + count("miic_worksheet")).isZero();
    Assertions.assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    String log = output.getOut().substring(logStart);
    Assertions.assertThat(log).as("a client's mistake is not an error of the application").doesNotContain(" ERROR ");
    Assertions.assertThat(log).contains(" WARN ").contains("Worksheet form with an unusable field: submittingFor[abc]");
  }

  /**
   * Issue 7, item 5, while the missing-information email FAILS (SMTP down: the job has failed with retries left, then
   * has an incident): the status, the status page and the correction form all say what PUT says, no correction yet;
   * once the email goes out, all of them open the correction together.
   */
  @Test
  void whileTheMissingInformationEmailFailsTheStatusOffersNoCorrectionThatPutWouldRefuse() throws Exception {
    String trackingId = postWorksheet(Worksheets.incomplete("Hawthorn Clinic"));
    runDueJobs();
    OnboardingRequest request = worksheets.request(trackingId);
    agreements.record(request.organizationId(), new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 3, 1)), "t");
    runDueJobs();
    greenMail.stop();
    tasks.complete(task(request, TASK_REVIEW_WORKSHEET).getId(), Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE, VAR_REVIEW_NOTES, "Add facilities"));
    org.camunda.bpm.engine.runtime.Job email = management.createJobQuery().processInstanceId(instance(request).getId())
        .activityId("Task_EmailMissingInformation").singleResult();
    Assertions.assertThat(email).as("the missing-information email waits in its job").isNotNull();

    for (int attempt = 1; attempt <= 3; attempt++) {
      String id = email.getId();
      Assertions.assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("Couldn't connect");
      org.camunda.bpm.engine.runtime.Job failed = management.createJobQuery().jobId(id).singleResult();
      Assertions.assertThat(failed.getRetries()).isEqualTo(3 - attempt);
      Assertions.assertThat(failed.getExceptionMessage()).contains("Couldn't connect");
      Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(instance(request).getId()).count())
          .as("an incident once the retries are used up").isEqualTo(attempt == 3 ? 1 : 0);
      correctionRefusedEverywhere(trackingId, "Hawthorn Clinic");
    }
    Assertions.assertThat(worksheets.allVersions(request.id())).hasSize(1);

    greenMail.start();
    management.setJobRetries(email.getId(), 1); // the administrator's "Retry" in Cockpit
    management.executeJob(email.getId());
    runDueJobs();
    mvc.perform(get("/api/worksheets/{id}/status", trackingId)).andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("WAITING_FOR_CORRECTION"))
        .andExpect(jsonPath("$.correctionAllowed").value(true));
    mvc.perform(get("/status/{id}", trackingId)).andExpect(content().string(containsString("Correct or complete the worksheet")));
    mvc.perform(get("/worksheet/{id}/edit", trackingId)).andExpect(status().isOk());
    mvc.perform(put("/api/worksheets/{id}", trackingId).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(Worksheets.complete("Hawthorn Clinic")))).andExpect(status().isOk());
    Assertions.assertThat(worksheets.allVersions(request.id())).hasSize(2);
  }

  private void correctionRefusedEverywhere(String trackingId, String organizationName) throws Exception {
    mvc.perform(get("/api/worksheets/{id}/status", trackingId)).andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("UNDER_REVIEW"))
        .andExpect(jsonPath("$.correctionAllowed").value(false));
    mvc.perform(get("/status/{id}", trackingId)).andExpect(status().isOk())
        .andExpect(content().string(not(containsString("Correct or complete the worksheet"))));
    mvc.perform(get("/worksheet/{id}/edit", trackingId)).andExpect(status().isConflict());
    mvc.perform(put("/api/worksheets/{id}", trackingId).contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Worksheets.complete(organizationName))))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("MIIC has reviewed this worksheet and is sending an email that says what to add or "
            + "correct. The worksheet can be corrected here once that email has gone out; the status page then offers the correction."));
  }
}
