package org.miic.onboarding.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.pipeline.RequestStage;
import org.miic.onboarding.pipeline.StageRepository;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The staff workspace over HTTP: sign-in, who may enter, search and filters, the organization page, queue forms, metrics. */
class StaffWorkspaceTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired QueueService queue;
  @Autowired StageRepository stages;

  @BeforeEach
  void users() {
    user("desk1", GROUP_STAFF);
    user("nobody", null);
  }

  @AfterEach
  void removeUsers() {
    identity.deleteUser("desk1");
    identity.deleteUser("nobody");
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

  private MockHttpSession signIn(String user) throws Exception {
    MvcResult result = mvc.perform(formLogin("/staff/login").user(user).password("secret-" + user))
        .andExpect(redirectedUrl("/staff")).andReturn();
    return (MockHttpSession) result.getRequest().getSession(false);
  }

  private String page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  private OnboardingRequest queued(String name, org.miic.onboarding.worksheet.WorksheetForm form) {
    long org = organizations.findOrCreate(name, START).id();
    agreements.record(org, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submit(form);
    runDueJobs();
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    runDueJobs();
    return request;
  }

  @Test
  void onlyStaffSignInWithTheirCamundaUserAndFormsNeedTheirToken() throws Exception {
    mvc.perform(get("/staff")).andExpect(status().isFound()).andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/staff/login")));
    // (A wrong password delays the user's next sign-in by a few seconds, Camunda's login throttling: "nobody" takes it.)
    mvc.perform(formLogin("/staff/login").user("nobody").password("wrong")).andExpect(redirectedUrl("/staff/login?error"));
    mvc.perform(post("/staff/login").param("username", "desk1").param("password", "secret-desk1")).andExpect(status().isForbidden());

    advance(Duration.ofSeconds(5)); // the throttling counts engine time (ClockUtil), which tests move
    MockHttpSession outsider = signIn("nobody");
    mvc.perform(get("/staff").session(outsider)).andExpect(status().isForbidden())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl("/staff/denied"));
    mvc.perform(get("/staff/denied").session(outsider)).andExpect(status().isForbidden())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .string(org.hamcrest.Matchers.containsString("not a member of")));

    MockHttpSession staff = signIn("desk1");
    assertThat(page(staff, "/staff")).contains("Organizations").contains("desk1");
    mvc.perform(post("/staff/queue/pause").session(staff).param("reason", "no token")).andExpect(status().isForbidden());
    mvc.perform(post("/staff/logout").session(staff).with(csrf())).andExpect(redirectedUrl("/staff/login?signedOut"));
    mvc.perform(get("/staff").session(staff)).andExpect(status().isFound());
  }

  @Test
  void staffFindRequestsByNameFacilityTrackingIdOrEmailAndFilterThem() throws Exception {
    OnboardingRequest alder = queued("Alder Clinic", Worksheets.complete("Alder Clinic")); // takes the only slot
    OnboardingRequest birch = queued("Birch Allergy", Worksheets.lowPriority("Birch Allergy"));
    OnboardingRequest cedar = submit(Worksheets.incomplete("Cedar Pharmacy"));
    runDueJobs();
    MockHttpSession staff = signIn("desk1");

    String all = page(staff, "/staff");
    assertThat(all).contains("3 requests").contains("Alder Clinic").contains("Birch Allergy").contains("Cedar Pharmacy")
        .contains("1 of 1").contains("Waiting for the MIIC User Agreement");
    assertThat(page(staff, "/staff?q=birch")).contains("1 request").contains("Birch Allergy").doesNotContain("Alder Clinic");
    assertThat(page(staff, "/staff?q=FAC-1")).contains("Birch Allergy").doesNotContain("Cedar Pharmacy");
    assertThat(page(staff, "/staff?q=tech@cedarpharmacy.example")).contains("Cedar Pharmacy").doesNotContain("Birch Allergy");
    assertThat(page(staff, "/staff?q=" + alder.trackingId())).contains("1 request").contains("Alder Clinic");
    assertThat(page(staff, "/staff?q=100%25_")).contains("0 requests").contains("No request matches");
    assertThat(page(staff, "/staff?stage=step:3")).contains("1 request").contains("Alder Clinic");
    assertThat(page(staff, "/staff?stage=QUEUED")).contains("Birch Allergy").doesNotContain("Alder Clinic");
    assertThat(page(staff, "/staff?agreement=NONE")).contains("Cedar Pharmacy").doesNotContain("Birch Allergy");
    assertThat(page(staff, "/staff?agreement=CURRENT&type=NEW_SUBMISSION")).contains("2 requests");
    // Sorted on the server: by name, both ways.
    String byName = page(staff, "/staff?sort=ORGANIZATION&dir=asc");
    assertThat(byName.indexOf("Alder Clinic")).isLessThan(byName.indexOf("Birch Allergy"));
    String reversed = page(staff, "/staff?sort=ORGANIZATION&dir=desc");
    assertThat(reversed.indexOf("Cedar Pharmacy")).isLessThan(reversed.indexOf("Alder Clinic"));
    // Nonsense parameters fall back to the defaults, never an error.
    assertThat(page(staff, "/staff?sort=DROP&dir=sideways&page=-4&stage=step:9&agreement=x")).contains("3 requests");
    assertThat(birch.id()).isNotEqualTo(cedar.id());
  }

  @Test
  void theListIsPaginatedOnTheServer() throws Exception {
    for (int i = 0; i < 27; i++) {
      submit(Worksheets.complete(String.format("Clinic %02d", i)));
    }
    MockHttpSession staff = signIn("desk1");
    String first = page(staff, "/staff?sort=ORGANIZATION&dir=asc");
    assertThat(first).contains("27 requests").contains("Page 1 of 2").contains("Clinic 00").contains("Clinic 24").doesNotContain("Clinic 25");
    assertThat(page(staff, "/staff?sort=ORGANIZATION&dir=asc&page=2")).contains("Clinic 25").contains("Clinic 26").doesNotContain("Clinic 24");
  }

  @Test
  void theOrganizationPageShowsTheWholeRequest() throws Exception {
    OnboardingRequest request = submit(Worksheets.incomplete("Dogwood Clinic"));
    runDueJobs();
    agreements.record(request.organizationId(), new AgreementService.Signature("Dr. Kim", "Director", null, LocalDate.of(2026, 1, 2)), "desk1");
    runDueJobs();
    String review = task(request, TASK_REVIEW_WORKSHEET).getId();
    identity.setAuthentication("desk1", java.util.List.of(GROUP_STAFF));
    try {
      tasks.complete(review, Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE, VAR_REVIEW_NOTES, "Add the EHR version"));
    } finally {
      identity.clearAuthentication();
    }
    runDueJobs();
    runDueJobs();
    worksheets.correct(request.trackingId(), Worksheets.complete("Dogwood Clinic"));
    runDueJobs();

    MockHttpSession staff = signIn("desk1");
    String html = page(staff, "/staff/requests/" + request.trackingId());
    assertThat(html).contains("Dogwood Clinic").contains("Worksheet (2 versions)").contains("changes from version 1")
        .contains("Source system (EHR)").contains("Review worksheet: incomplete").contains("by desk1 — Add the EHR version")
        .contains("Entered Step 2 – Review and queue").contains("Email: MIIC data exchange: information missing from your worksheet")
        .contains("Dr. Kim, Director").contains("Open “Review worksheet” in Tasklist").contains("/camunda/app/tasklist/default/#/?task=")
        .contains("/camunda/app/cockpit/default/#/process-instance/");
    assertThat(stages.history(request.id())).extracting(StageRepository.Stay::stage)
        .containsExactly(RequestStage.WORKSHEET, RequestStage.AGREEMENT, RequestStage.REVIEW, RequestStage.CORRECTION, RequestStage.REVIEW);

    long emailId = jdbc.queryForObject("select min(id) from miic_email_outbox where request_id = ?", Long.class, request.id());
    assertThat(page(staff, "/staff/emails/" + emailId)).contains("worksheet received for Dogwood Clinic");
    mvc.perform(get("/staff/requests/abcdefghjkmnpqrstuvwxyz2").session(staff)).andExpect(status().isNotFound());
    mvc.perform(get("/staff/emails/999999").session(staff)).andExpect(status().isNotFound());
  }

  @Test
  void staffRunTheQueueFromItsPage() throws Exception {
    queued("Elm Clinic", Worksheets.complete("Elm Clinic"));
    OnboardingRequest high = queued("Fir Pediatrics", Worksheets.complete("Fir Pediatrics"));
    OnboardingRequest low = queued("Ginkgo Allergy", Worksheets.lowPriority("Ginkgo Allergy"));
    MockHttpSession staff = signIn("desk1");

    String html = page(staff, "/staff/queue");
    assertThat(html).contains("1 of 1").contains("Elm Clinic").contains("Fir Pediatrics").contains("Ginkgo Allergy").contains("Move up");
    mvc.perform(post("/staff/queue/{t}/move-up", low.trackingId()).session(staff).with(csrf()).param("toPosition", "1").param("reason", " "))
        .andExpect(redirectedUrl("/staff/queue?page=1"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error",
            "Give the reason for moving this organization up; it is recorded."));
    mvc.perform(post("/staff/queue/{t}/move-up", low.trackingId()).session(staff).with(csrf()).param("toPosition", "1")
            .param("reason", "Outbreak response")).andExpect(redirectedUrl("/staff/queue?page=1"));
    assertThat(queue.ranked(0, 10)).extracting(e -> e.trackingId()).containsExactly(low.trackingId(), high.trackingId());
    assertThat(page(staff, "/staff/queue")).contains("Moved up by desk1: Outbreak response");

    mvc.perform(post("/staff/queue/pause").session(staff).with(csrf()).param("reason", "")).andExpect(redirectedUrl("/staff/queue"));
    assertThat(queue.view(0, 10).paused()).isFalse();
    mvc.perform(post("/staff/queue/pause").session(staff).with(csrf()).param("reason", "Year-end freeze")).andExpect(redirectedUrl("/staff/queue"));
    assertThat(page(staff, "/staff/queue")).contains("paused").contains("by desk1: Year-end freeze").contains("Resume invitations");
    mvc.perform(post("/staff/queue/resume").session(staff).with(csrf())).andExpect(redirectedUrl("/staff/queue"));
    assertThat(queue.view(0, 10).paused()).isFalse();
  }

  @Test
  void metricsAreChartsWithTheirNumbersAndACsvExport() throws Exception {
    queued("Hazel Clinic", Worksheets.complete("Hazel Clinic"));
    advance(Duration.ofDays(3));
    OnboardingRequest waiting = queued("Ironwood Clinic", Worksheets.complete("Ironwood Clinic"));
    advance(Duration.ofDays(10));
    MockHttpSession staff = signIn("desk1");

    String html = page(staff, "/staff/metrics");
    assertThat(html).contains("Time in each step").contains("<svg").contains("Waiting in the queue").contains("Backlog")
        .contains("Go-lives per month").contains("Correction rounds per organization");
    assertThat(html.split("<svg", -1)).hasSize(5);
    MvcResult csv = mvc.perform(get("/staff/metrics/durations.csv").session(staff)).andExpect(status().isOk())
        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))).andReturn();
    String[] lines = csv.getResponse().getContentAsString().split("\r\n");
    assertThat(lines[0]).startsWith("tracking_id,organization,request_type,submitted,stage,waiting_in_the_queue_days,transport_set_up_and_testing_days");
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).startsWith(waiting.trackingId() + ",Ironwood Clinic,NEW_SUBMISSION,2026-03-06,QUEUED,,");
  }
}
