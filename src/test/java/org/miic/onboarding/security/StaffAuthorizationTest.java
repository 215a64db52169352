package org.miic.onboarding.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.miic.onboarding.ProcessConstants.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;

/** With authorization checks on, a member of miic-onboarding-staff can do in Tasklist what the process needs. */
class StaffAuthorizationTest extends ProcessTestSupport {

  @Autowired IdentityService identity;
  @Autowired FormService forms;
  @Autowired FilterService filters;
  @Autowired AgreementService agreements;
  @Autowired OrganizationRepository organizations;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  @Autowired TaskAuthorizations taskAuthorizations;

  @BeforeEach
  void staffUser() {
    if (identity.createUserQuery().userId("nurse1").count() == 0) {
      User u = identity.newUser("nurse1");
      u.setPassword("pw-nurse1");
      identity.saveUser(u);
      identity.createMembership("nurse1", GROUP_STAFF);
    }
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
    identity.deleteUser("nurse1");
  }

  private void as(String user, String... groups) {
    identity.setAuthentication(user, List.of(groups));
  }

  @Test
  void staffSeeTheirTasksInTheSharedFilterOpenTheFormsAndCompleteThem() {
    long org = organizations.findOrCreate("Willow Clinic", START).id();
    agreements.record(org, new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 1, 2)), "t");
    OnboardingRequest request = submit(Worksheets.complete("Willow Clinic"));
    runDueJobs();

    as("nurse1", GROUP_STAFF);
    assertThat(authorizations.isUserAuthorized("nurse1", List.of(GROUP_STAFF), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
        .isTrue();
    var filter = filters.createFilterQuery().filterName("MIIC onboarding tasks").singleResult();
    assertThat(filter).as("the shared Tasklist filter is visible to staff").isNotNull();
    List<Task> inFilter = filters.list(filter.getId());
    assertThat(inFilter).extracting(Task::getTaskDefinitionKey).containsExactly(TASK_REVIEW_WORKSHEET);
    Task review = inFilter.get(0);

    assertThat(forms.getTaskFormKey(review.getProcessDefinitionId(), review.getTaskDefinitionKey())).isNull();
    assertThat(forms.getDeployedTaskForm(review.getId())).isNotNull();
    Map<String, Object> formVariables = forms.getTaskFormVariables(review.getId());
    assertThat((String) formVariables.get("worksheetSummary")).contains("Willow Clinic").contains("EpicCare Ambulatory");
    assertThat((String) formVariables.get("findingsSummary")).contains("found nothing missing");

    tasks.claim(review.getId(), "nurse1");
    tasks.complete(review.getId(), Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    identity.clearAuthentication();
    runDueJobs();

    as("nurse1", GROUP_STAFF);
    Task transport = tasks.createTaskQuery().processInstanceBusinessKey(request.trackingId()).singleResult();
    assertThat(transport.getTaskDefinitionKey()).isEqualTo("Task_SetUpTransport");
    assertThat((String) forms.getTaskFormVariables(transport.getId()).get("priorityBreakdown"))
        .startsWith("Score **98**").contains("Enrolled in MnVFC");
    assertThat((String) forms.getTaskFormVariables(transport.getId()).get("testEvidence"))
        .contains("No message received yet during transport set-up and testing").contains("Go-live criteria");
    identity.clearAuthentication();
  }

  @Test
  void staffOpenCockpitReadOnly() {
    OnboardingRequest request = submit(Worksheets.complete("Rowan Clinic"));
    runDueJobs();
    as("nurse1", GROUP_STAFF);
    assertThat(authorizations.isUserAuthorized("nurse1", List.of(GROUP_STAFF), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
        .isTrue();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.trackingId()).count()).isEqualTo(1);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance(request).getId()).count()).isPositive();
    String id = instance(request).getId();
    assertThatThrownBy(() -> runtime.deleteProcessInstance(id, "staff may not")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.suspendProcessInstanceById(id)).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtime.setVariable(id, "x", 1)).isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();
  }

  @Test
  void someoneOutsideTheGroupsSeesNoTaskAndCannotCompleteOne() {
    OnboardingRequest request = submit(Worksheets.complete("Yew Clinic"));
    runDueJobs();
    String taskId = task(request, TASK_RECORD_AGREEMENT).getId();
    as("stranger");
    assertThat(tasks.createTaskQuery().list()).isEmpty();
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of())).isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();
  }

  @Test
  void aTaskOfferedToStaffHasNoAuthorizationOfItsOwnWhileAnotherGroupsTaskStillDoes() {
    OnboardingRequest request = submit(Worksheets.complete("Alder Clinic"));
    runDueJobs();
    String taskId = task(request, TASK_RECORD_AGREEMENT).getId();
    // Staff work it through their grant on every task (the first test completes one), not through a row per task.
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).count()).isZero();

    tasks.addCandidateGroup(taskId, "immunization-leads");
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list())
        .extracting(Authorization::getGroupId).containsExactly("immunization-leads");
    as("lead1", "immunization-leads");
    assertThat(tasks.createTaskQuery().list()).extracting(Task::getId).containsExactly(taskId);
    identity.clearAuthentication();
    tasks.deleteCandidateGroup(taskId, "immunization-leads");
    authorizations.createAuthorizationQuery().groupIdIn("immunization-leads").list()
        .forEach(leftOver -> authorizations.deleteAuthorization(leftOver.getId()));
  }

  @Test
  void aStartRemovesThePerTaskAuthorizationsOfGroupsThatMayWorkEveryTask() {
    OnboardingRequest request = submit(Worksheets.complete("Birch Clinic"));
    runDueJobs();
    String taskId = task(request, TASK_RECORD_AGREEMENT).getId();
    for (String group : List.of(GROUP_STAFF, "immunization-leads")) { // as an earlier version of the application left them
      var perTask = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      perTask.setGroupId(group);
      perTask.setResource(Resources.TASK);
      perTask.setResourceId(taskId);
      perTask.addPermission(Permissions.READ);
      perTask.addPermission(Permissions.UPDATE);
      authorizations.saveAuthorization(perTask);
    }

    taskAuthorizations.postProcessEngineBuild(engine);

    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list())
        .extracting(Authorization::getGroupId).containsExactly("immunization-leads");
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(GROUP_STAFF).resourceType(Resources.TASK).resourceId("*").count())
        .as("the grant on every task stays").isOne();
    authorizations.createAuthorizationQuery().groupIdIn("immunization-leads").list()
        .forEach(leftOver -> authorizations.deleteAuthorization(leftOver.getId()));
  }
}
