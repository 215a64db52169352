package org.miic.onboarding.onboarding;

import static org.miic.onboarding.ProcessConstants.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 8, item 2: the organization's status page as HTML. The steps as a progress line with the current one marked,
 * staff notes in their own block with their local time and zone, what the organization can do now with the links,
 * and its place in the queue as "n of m".
 */
class StatusPageTest extends ProcessTestSupport {

  @Autowired MockMvc mvc;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired QueueService queue;

  private static final String CURRENT_REVIEW = "<li class=\"current\"\\s+aria-current=\"step\">Review and queue</li>";

  private OnboardingRequest submitted(String name, boolean complete) {
    long org = organizations.findOrCreate(name, START).id();
    agreements.record(org, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submit(complete ? Worksheets.complete(name) : Worksheets.incomplete(name));
    runDueJobs();
    return request;
  }

  private String statusPage(OnboardingRequest request) throws Exception {
    return mvc.perform(get("/status/{id}", request.trackingId())).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();
  }

  @Test
  void theStatusPageShowsTheStepsStaffNotesWhatToDoAndThePlaceInTheQueue() throws Exception {
    OnboardingRequest incomplete = submitted("Juniper Clinic", false);
    completeTask(incomplete, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_INCOMPLETE,
        VAR_REVIEW_NOTES, "Attach the list of the facilities you submit for."));
    runDueJobs();

    String page = statusPage(incomplete);
    // The progress line: step 1 done, step 2 current (marked for screen readers too), the rest ahead.
    Assertions.assertThat(page)
        .containsPattern("<li class=\"done\">Worksheet and agreement</li>")
        .containsPattern(CURRENT_REVIEW)
        .contains("<li>Onboarding and testing</li>").contains("<li>Production with QA</li>");
    // Staff notes in their own block, with when (local time and zone) and from which task.
    int notes = page.indexOf("Notes from MIIC staff");
    Assertions.assertThat(notes).isPositive();
    String block = page.substring(notes, page.indexOf("</section>", notes));
    Assertions.assertThat(block).contains("Attach the list of the facilities you submit for.").contains("Review worksheet")
        .containsPattern("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M C[SD]T");
    // What the organization can do now, with the link.
    Assertions.assertThat(page).contains("What you can do now")
        .contains("href=\"/worksheet/" + incomplete.trackingId() + "/edit\"")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");

    // Two complete worksheets wait while no slot is free: each sees its place as "n of m".
    queue.setCapacity(0, "test");
    OnboardingRequest first = submitted("Kapok Clinic", true);
    OnboardingRequest second = submitted("Larch Clinic", true);
    completeTask(first, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    completeTask(second, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    runDueJobs();
    int waiting = queue.waitingCount();
    String firstPage = statusPage(first);
    String secondPage = statusPage(second);
    Assertions.assertThat(firstPage + secondPage).containsPattern("position <strong>\\d+ of " + waiting + "</strong> in the queue");
    Assertions.assertThat(java.util.List.of(firstPage, secondPage))
        .allSatisfy(p -> Assertions.assertThat(p).containsPattern(CURRENT_REVIEW));
    Assertions.assertThat(firstPage.contains("<strong>1 of " + waiting + "</strong>") || secondPage.contains("<strong>1 of " + waiting + "</strong>"))
        .as("one of them is first").isTrue();
  }
}
