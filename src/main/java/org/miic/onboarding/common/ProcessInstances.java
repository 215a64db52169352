package org.miic.onboarding.common;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.miic.onboarding.ProcessConstants;
import org.springframework.stereotype.Component;

/** Finds a request's running process instance and where it stands, through the engine's public runtime API. */
@Component
public class ProcessInstances {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final ManagementService management;
  /** Whether the engine keeps process instance history: fixed for the engine's life, read once (a command each time). */
  private volatile Boolean historyKept;

  public ProcessInstances(RuntimeService runtime, RepositoryService repository, HistoryService history, ManagementService management) {
    this.runtime = runtime;
    this.repository = repository;
    this.history = history;
    this.management = management;
  }

  public Optional<ProcessInstance> activeOnboarding(String trackingId) {
    return active(ProcessConstants.PROCESS_ONBOARDING, trackingId).stream().findFirst();
  }

  /**
   * The active instances of one process with this business key. The runtime's process instance query joins the process
   * definitions unconditionally, and H2 answers it by reading every process instance (its plan takes "parent is null"
   * over the business key: issue 9, recording an agreement took 280 ms at 4,000 requests and a second at 50,000). The
   * history's process instance table holds process instances only, indexed by business key, and its definitions are a
   * left join: the active ones with the key are read there (the history's state follows the runtime's, suspension
   * included, in the same transaction). With no history kept (level none) the runtime query is the only way.
   */
  public List<ProcessInstance> active(String processDefinitionKey, String businessKey) {
    if (!historyKept()) {
      return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).active().list().stream()
          .filter(instance -> isOf(instance.getProcessDefinitionId(), processDefinitionKey))
          .toList();
    }
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).active().list().stream()
        .filter(h -> processDefinitionKey.equals(h.getProcessDefinitionKey()))
        .<ProcessInstance>map(Running::new)
        .toList();
  }

  private boolean historyKept() {
    Boolean kept = historyKept;
    if (kept == null) {
      kept = management.getHistoryLevel() > 0;
      historyKept = kept;
    }
    return kept;
  }

  /** A running, not suspended process instance as the history records it (the history's state follows suspension). */
  private record Running(org.camunda.bpm.engine.history.HistoricProcessInstance h) implements ProcessInstance {
    public String getId() { return h.getId(); }
    public String getProcessInstanceId() { return h.getId(); }
    public String getRootProcessInstanceId() { return h.getRootProcessInstanceId(); }
    public String getProcessDefinitionId() { return h.getProcessDefinitionId(); }
    public String getProcessDefinitionKey() { return h.getProcessDefinitionKey(); }
    public String getBusinessKey() { return h.getBusinessKey(); }
    public String getCaseInstanceId() { return h.getCaseInstanceId(); }
    public String getTenantId() { return h.getTenantId(); }
    public boolean isSuspended() { return false; }
    public boolean isEnded() { return false; }
  }

  /** True when the process definition with this id is a version of the named process (the engine caches definitions). */
  public boolean isOf(String processDefinitionId, String processDefinitionKey) {
    return processDefinitionKey.equals(repository.getProcessDefinition(processDefinitionId).getKey());
  }

  /**
   * Every activity the instance is in: the phases (expanded subprocesses) as well as the tasks and waits inside them,
   * and activities whose asynchronous job has not run yet.
   */
  public Set<String> activeActivityIds(String processInstanceId) {
    Set<String> ids = new LinkedHashSet<>();
    ActivityInstance root = runtime.getActivityInstance(processInstanceId);
    if (root != null) {
      collect(root, ids);
    }
    return ids;
  }

  private static void collect(ActivityInstance instance, Set<String> ids) {
    ids.add(instance.getActivityId());
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, ids);
    }
  }

  /** True when the instance waits for the named message right now. */
  public boolean waitsForMessage(String processInstanceId, String messageName) {
    return runtime.createEventSubscriptionQuery()
        .processInstanceId(processInstanceId)
        .eventType("message")
        .eventName(messageName)
        .count() > 0;
  }
}
