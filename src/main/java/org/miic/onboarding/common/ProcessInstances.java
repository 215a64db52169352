package org.miic.onboarding.common;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
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

  public ProcessInstances(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public Optional<ProcessInstance> activeOnboarding(String trackingId) {
    return runtime.createProcessInstanceQuery()
        .processDefinitionKey(ProcessConstants.PROCESS_ONBOARDING)
        .processInstanceBusinessKey(trackingId)
        .active()
        .list().stream().findFirst();
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
