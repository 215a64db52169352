package org.miic.onboarding.common;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  public ProcessInstances(RuntimeService runtime, RepositoryService repository) {
    this.runtime = runtime;
    this.repository = repository;
  }

  public Optional<ProcessInstance> activeOnboarding(String trackingId) {
    return active(ProcessConstants.PROCESS_ONBOARDING, trackingId).stream().findFirst();
  }

  /**
   * The active instances of one process with this business key. The query names the business key only (an indexed
   * column) and the process is checked here: with the process definition key in the query, H2 joined the definitions
   * first and scanned every execution (issue 9: a second an agreement recorded with 40,000 requests).
   */
  public List<ProcessInstance> active(String processDefinitionKey, String businessKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).active().list().stream()
        .filter(instance -> isOf(instance.getProcessDefinitionId(), processDefinitionKey))
        .toList();
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
