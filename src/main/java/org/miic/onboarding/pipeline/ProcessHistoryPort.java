package org.miic.onboarding.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the engine's history says about a request's process, read through the engine's public history API. */
public interface ProcessHistoryPort {

  /** One activity the process went through: a phase, a task, a wait, a timer or an end. */
  record Activity(String activityId, String name, String type, Instant start, Instant end, boolean canceled, String taskId,
      String assignee) {}

  /** An open task, for its link in Tasklist. */
  record OpenTask(String taskId, String name, String assignee, Instant created) {}

  /** The activities of the request's onboarding process, oldest first (phases, tasks, waits, timers, ends). */
  List<Activity> activities(String trackingId);

  List<OpenTask> openTasks(String trackingId);

  /** The id of the request's process instance (running or ended), for its link in Cockpit. */
  Optional<String> processInstanceId(String trackingId);
}
