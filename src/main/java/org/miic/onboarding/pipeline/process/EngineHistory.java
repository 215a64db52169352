package org.miic.onboarding.pipeline.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ProcessInstances;
import org.miic.onboarding.pipeline.ProcessHistoryPort;
import org.springframework.stereotype.Component;

@Component
class EngineHistory implements ProcessHistoryPort {

  /** The activity types a timeline shows; gateways, service and send tasks (emails have their own entries) are left out. */
  private static final Set<String> SHOWN = Set.of("subProcess", "userTask", "receiveTask", "intermediateTimer", "noneEndEvent",
      "errorEndEvent", "terminateEndEvent", "boundaryTimer", "boundaryMessage", "boundaryError");

  private final HistoryService history;
  private final TaskService tasks;
  private final ProcessInstances instances;

  EngineHistory(HistoryService history, TaskService tasks, ProcessInstances instances) {
    this.history = history;
    this.tasks = tasks;
    this.instances = instances;
  }

  @Override
  public List<Activity> activities(String trackingId) {
    return processInstanceId(trackingId).map(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .filter(a -> SHOWN.contains(a.getActivityType()) && a.getActivityName() != null && !a.getActivityName().isBlank())
        .map(EngineHistory::activity).toList()).orElse(List.of());
  }

  private static Activity activity(HistoricActivityInstance a) {
    return new Activity(a.getActivityId(), a.getActivityName(), a.getActivityType(), instant(a.getStartTime()), instant(a.getEndTime()),
        a.isCanceled(), a.getTaskId(), a.getAssignee());
  }

  @Override
  public List<OpenTask> openTasks(String trackingId) {
    // The process is checked here, not in the query: see ProcessInstances.active
    return tasks.createTaskQuery().processInstanceBusinessKey(trackingId).orderByTaskCreateTime().asc().list().stream()
        .filter(t -> instances.isOf(t.getProcessDefinitionId(), ProcessConstants.PROCESS_ONBOARDING))
        .map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(), instant(t.getCreateTime()))).toList();
  }

  @Override
  public Optional<String> processInstanceId(String trackingId) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessConstants.PROCESS_ONBOARDING)
        .processInstanceBusinessKey(trackingId).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
        .map(HistoricProcessInstance::getId).findFirst();
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }
}
