package org.miic.onboarding.pipeline.process;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.pipeline.RequestStage;
import org.miic.onboarding.pipeline.StageRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests that started before stages were tracked (issue 8) get their stage history once, replayed from the engine's
 * history of their process. Runs at start-up and finds nothing to do afterwards.
 */
@Component
class StageBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(StageBackfill.class);

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final StageRepository stages;
  private final TransactionTemplate transaction;

  StageBackfill(JdbcTemplate jdbc, HistoryService history, StageRepository stages, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.history = history;
    this.stages = stages;
    this.transaction = transaction;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void backfill() {
    List<String> missing = jdbc.queryForList("select tracking_id from miic_request where stage is null", String.class);
    int filled = 0;
    for (String trackingId : missing) {
      List<HistoricActivityInstance> activities = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(ProcessConstants.PROCESS_ONBOARDING).processInstanceBusinessKey(trackingId).list().stream()
          .flatMap(p -> history.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
              .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream())
          .toList();
      if (activities.isEmpty()) {
        continue;
      }
      transaction.executeWithoutResult(status -> {
        for (HistoricActivityInstance a : activities) {
          RequestStage.startedBy(a.getActivityId()).ifPresent(stage -> stages.enter(trackingId, stage, a.getStartTime().toInstant()));
        }
      });
      filled++;
    }
    if (filled > 0) {
      LOG.info("Stage history replayed from the engine's history for {} requests", filled);
    }
  }
}
