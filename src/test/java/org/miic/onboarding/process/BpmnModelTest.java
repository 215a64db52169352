package org.miic.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** What the deployed models must keep true for the Java side and for Tasklist. */
class BpmnModelTest extends ProcessTestSupport {

  @Autowired RepositoryService repository;

  private List<BpmnModelInstance> models() {
    List<BpmnModelInstance> models = new ArrayList<>();
    for (String key : List.of(ProcessConstants.PROCESS_ONBOARDING, ProcessConstants.PROCESS_AGREEMENT_RENEWAL)) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
      assertThat(definition).as(key + " is deployed").isNotNull();
      models.add(repository.getBpmnModelInstance(definition.getId()));
    }
    return models;
  }

  @Test
  void everyMessageConstantNamesAMessageOfTheModels() throws Exception {
    Set<String> inModels = models().stream().flatMap(m -> m.getModelElementsByType(Message.class).stream())
        .map(Message::getName).collect(Collectors.toSet());
    for (Field f : ProcessConstants.class.getFields()) {
      if (f.getName().startsWith("MSG_") && Modifier.isStatic(f.getModifiers())) {
        assertThat(inModels).as(f.getName()).contains((String) f.get(null));
      }
    }
  }

  @Test
  void emailTasksStayNonScopeSoRetriesNeverResend() {
    for (BpmnModelInstance model : models()) {
      Set<String> withBoundary = model.getModelElementsByType(BoundaryEvent.class).stream()
          .map(b -> b.getAttachedTo().getId()).collect(Collectors.toSet());
      Collection<SendTask> sends = model.getModelElementsByType(SendTask.class);
      assertThat(sends).isNotEmpty();
      for (SendTask send : sends) {
        assertThat(send.isCamundaAsyncBefore()).as(send.getId() + " is its own job").isTrue();
        assertThat(send.getCamundaExpression()).as(send.getId()).startsWith("${emailTasks.send(execution, '");
        assertThat(withBoundary).as(send.getId() + " has no boundary event").doesNotContain(send.getId());
        assertThat(send.getExtensionElements() == null ? List.of()
            : send.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list())
            .as(send.getId() + " has no input mapping").isEmpty();
      }
    }
  }

  /** Two staff completing one task at once get 409, not 500 (issue 7, item 14): the task's row is locked first. */
  @Test
  void everyUserTaskLocksItselfBeforeAnyOtherCompleteListenerRuns() {
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        List<org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener> complete = task.getExtensionElements()
            .getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list().stream()
            .filter(l -> "complete".equals(l.getCamundaEvent())).toList();
        assertThat(complete).as(task.getId() + " has complete listeners").isNotEmpty();
        assertThat(complete.get(0).getCamundaDelegateExpression()).as(task.getId() + ": the first complete listener")
            .isEqualTo("${taskCompletionLock}");
      }
    }
  }

  /**
   * Issue 7, item 4: the go-live form refuses a past date before it is submitted (Camunda Forms' date picker with
   * disallowPassedDates offers no past day, and the field is required); the server refuses it too (TaskInputOverHttpTest).
   */
  @Test
  void theDeployedGoLiveFormRefusesPastDatesBeforeSubmit() throws Exception {
    org.camunda.bpm.engine.repository.Deployment deployment = repository.createDeploymentQuery().list().stream()
        .filter(d -> repository.getDeploymentResourceNames(d.getId()).stream().anyMatch(n -> n.endsWith("coordinate-go-live.form")))
        .max(java.util.Comparator.comparing(org.camunda.bpm.engine.repository.Deployment::getDeploymentTime)).orElseThrow();
    String name = repository.getDeploymentResourceNames(deployment.getId()).stream().filter(n -> n.endsWith("coordinate-go-live.form"))
        .findFirst().orElseThrow();
    com.fasterxml.jackson.databind.JsonNode form;
    try (java.io.InputStream in = repository.getResourceAsStream(deployment.getId(), name)) {
      form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    com.fasterxml.jackson.databind.JsonNode date = null;
    for (com.fasterxml.jackson.databind.JsonNode c : form.path("components")) {
      if (ProcessConstants.VAR_GO_LIVE_DATE.equals(c.path("key").asText())) {
        date = c;
      }
    }
    assertThat(date).as("the go-live date field").isNotNull();
    assertThat(date.path("type").asText()).isEqualTo("datetime");
    assertThat(date.path("subtype").asText()).isEqualTo("date");
    assertThat(date.path("disallowPassedDates").asBoolean()).as("no past day can be picked").isTrue();
    assertThat(date.path("validate").path("required").asBoolean()).isTrue();
    assertThat(form.path("id").asText()).isEqualTo(model(ProcessConstants.PROCESS_ONBOARDING)
        .<UserTask>getModelElementById("Task_CoordinateGoLive").getCamundaFormRef());
  }

  private BpmnModelInstance model(String key) {
    return repository.getBpmnModelInstance(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId());
  }

  @Test
  void everyUserTaskHasADeployedFormAndAStaffGroup() {
    Set<String> forms = repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
        .filter(n -> n.endsWith(".form")).collect(Collectors.toSet());
    assertThat(forms).hasSize(12);
    for (BpmnModelInstance model : models()) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo(ProcessConstants.GROUP_STAFF);
        String formRef = task.getCamundaFormRef();
        assertThat(forms).as(task.getId() + " form " + formRef).anyMatch(n -> n.endsWith(formRef.replace("form-", "") + ".form"));
      }
      assertThat(model.getModelElementsByType(Process.class)).allSatisfy(p ->
          assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank());
    }
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("OnboardingPriority").count()).isOne();
  }
}
