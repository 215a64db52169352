package org.miic.onboarding.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/** A task's summaries are written only where its form names them; the forms are read from what the application deploys. */
class TaskFormsTest {

  private final TaskForms forms = new TaskForms();

  @Test
  void aFormShowsTheVariablesItNamesAndNoOthers() throws IOException {
    DelegateTask approve = task("Task_ApproveMessageContent");
    assertThat(forms.shows(approve, "testEvidence")).isTrue();
    assertThat(forms.shows(approve, "organizationName")).isTrue();
    assertThat(forms.shows(approve, "priorityBreakdown")).isFalse();
    assertThat(forms.shows(approve, "organizationSummary")).isFalse();
    assertThat(forms.shows(approve, "agreementSummary")).isFalse();

    DelegateTask transport = task("Task_SetUpTransport");
    assertThat(forms.shows(transport, "priorityBreakdown")).isTrue();
    assertThat(forms.shows(transport, "organizationSummary")).isTrue();

    DelegateTask record = task("Task_RecordUserAgreement");
    assertThat(forms.shows(record, "agreementDocument")).isTrue();
    assertThat(forms.shows(record, "priorityBreakdown")).isFalse();
  }

  @Test
  void aNameInsideALongerNameIsNotShown() {
    TaskForms one = formWithText("form-trend", "{{scorecardTrend}}");
    assertThat(one.shows(taskWithForm("form-trend"), "scorecardTrend")).isTrue();
    assertThat(one.shows(taskWithForm("form-trend"), "scorecard")).isFalse();
    assertThat(one.shows(taskWithForm("form-trend"), "Trend")).isFalse();
  }

  @Test
  void aNameAfterAnEscapedLineBreakIsShown() {
    // In the file the text reads "Why:\nsuspension": decoded, the name stands on a line of its own.
    TaskForms one = formWithText("form-why", "Why:\\nsuspension");
    assertThat(one.shows(taskWithForm("form-why"), "suspension")).isTrue();
    assertThat(one.shows(taskWithForm("form-why"), "nsuspension")).isFalse();
  }

  /** The forms of one form, with one text component whose JSON string is {@code jsonText} as written in the file. */
  private static TaskForms formWithText(String id, String jsonText) {
    String form = "{\"id\": \"" + id + "\", \"components\": [{\"type\": \"text\", \"text\": \"" + jsonText + "\"}]}";
    return new TaskForms(new Resource[] {new ByteArrayResource(form.getBytes(StandardCharsets.UTF_8))});
  }

  private static DelegateTask taskWithForm(String formRef) {
    DelegateTask task = mock(DelegateTask.class);
    UserTask userTask = mock(UserTask.class);
    when(task.getBpmnModelElementInstance()).thenReturn(userTask);
    when(userTask.getCamundaFormRef()).thenReturn(formRef);
    return task;
  }

  @Test
  void theSuspensionIsShownOnlyWhereAnExchangeIsResumed() throws IOException {
    assertThat(forms.shows(task("Task_ResumeExchange"), "suspension")).isTrue();
    assertThat(forms.shows(task("Task_ReviewDataQuality"), "suspension")).isFalse();
    assertThat(forms.shows(task("Task_ReviewDataQuality"), "organizationAnswer")).isFalse();
    assertThat(forms.shows(task("Task_FollowUpDataQuality"), "organizationAnswer")).isTrue();
  }

  @Test
  void aTaskWithoutAFormOfThisApplicationShowsEverything() {
    DelegateTask task = mock(DelegateTask.class);
    UserTask userTask = mock(UserTask.class);
    when(task.getBpmnModelElementInstance()).thenReturn(userTask);
    when(userTask.getCamundaFormRef()).thenReturn(null);
    assertThat(forms.shows(task, "priorityBreakdown")).isTrue();
    when(userTask.getCamundaFormRef()).thenReturn("form-of-another-application");
    assertThat(forms.shows(task, "priorityBreakdown")).isTrue();
  }

  @Test
  void everyFormTheProcessesNameIsKnown() throws IOException {
    // A form named by a process but not found would silently get every summary: the check would stop saving anything.
    for (UserTask userTask : userTasks()) {
      if (userTask.getCamundaFormRef() != null) {
        DelegateTask task = taskOf(userTask);
        assertThat(forms.shows(task, "no-such-variable-" + userTask.getId()))
            .as("the form %s of %s is deployed from bpmn/forms", userTask.getCamundaFormRef(), userTask.getId()).isFalse();
      }
    }
  }

  private static DelegateTask task(String id) throws IOException {
    return taskOf(userTasks().stream().filter(t -> t.getId().equals(id)).findFirst().orElseThrow());
  }

  private static DelegateTask taskOf(UserTask userTask) {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getBpmnModelElementInstance()).thenReturn(userTask);
    return task;
  }

  private static List<UserTask> userTasks() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).flatMap(p -> {
        try (InputStream in = Files.newInputStream(p)) {
          BpmnModelInstance model = Bpmn.readModelFromStream(in);
          return model.getModelElementsByType(UserTask.class).stream();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
