package org.miic.onboarding.onboarding;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.common.ProcessInstances;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.worksheet.CompletenessFinding;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.WorksheetService;
import org.miic.onboarding.worksheet.process.ReviewTaskContent;
import org.springframework.stereotype.Service;

/** Derives a request's status from where its process instance is, so there is no second copy of the state to drift. */
@Service
public class RequestStatusService {

  private static final Set<String> QUEUE_ACTIVITIES = Set.of("Task_EmailQueuePosition", "Task_EnterQueue",
      ProcessConstants.WAIT_ONBOARDING_SLOT);
  private static final Set<String> AGREEMENT_ACTIVITIES = Set.of("Task_EmailAgreementRequest", ProcessConstants.TASK_RECORD_AGREEMENT);

  private final WorksheetService worksheets;
  private final AgreementService agreements;
  private final QueueService queue;
  private final ProcessInstances instances;
  private final RuntimeService runtime;
  private final HistoryService history;

  public RequestStatusService(WorksheetService worksheets, AgreementService agreements, QueueService queue,
      ProcessInstances instances, RuntimeService runtime, HistoryService history) {
    this.worksheets = worksheets;
    this.agreements = agreements;
    this.queue = queue;
    this.instances = instances;
    this.runtime = runtime;
    this.history = history;
  }

  public RequestStatus status(String trackingId) {
    OnboardingRequest request = worksheets.request(trackingId);
    ProcessInstance instance = instances.activeOnboarding(trackingId).orElse(null);
    RequestStatus.State state;
    List<String> steps = List.of();
    boolean lapsed = false;
    if (instance == null) {
      state = endedState(trackingId);
    } else {
      Set<String> active = instances.activeActivityIds(instance.getId());
      state = activeState(active);
      steps = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).unfinished().list().stream()
          .filter(a -> !"subProcess".equals(a.getActivityType()) && !"processDefinition".equals(a.getActivityType()))
          .map(HistoricActivityInstance::getActivityName)
          .filter(name -> name != null && !name.isBlank())
          .distinct().toList();
      lapsed = Boolean.TRUE.equals(runtime.getVariable(instance.getId(), ProcessConstants.VAR_AGREEMENT_LAPSED));
    }
    Integer position = state == RequestStatus.State.QUEUED ? queue.position(request.id()) : null;
    List<String> missing = state == RequestStatus.State.WAITING_FOR_CORRECTION || state == RequestStatus.State.UNDER_REVIEW
        ? worksheets.findings(request.id()).stream().map(CompletenessFinding::message).toList()
        : List.of();
    boolean correctable = instance != null && worksheets.correctionAllowed(trackingId);
    String description = state.label();
    if (state == RequestStatus.State.WAITING_FOR_CORRECTION) {
      description += worksheets.latestReview(request.id()).map(r -> r.notes() == null ? "" : ". MIIC staff: " + r.notes()).orElse("");
    }
    return new RequestStatus(trackingId, request.organizationName(), request.submittedAt(),
        worksheets.currentWorksheet(request.id()).version(), state, description, steps, position, missing,
        ReviewTaskContent.agreementLine(agreements.status(request.organizationId())).replace("**", ""), lapsed, correctable);
  }

  private static RequestStatus.State activeState(Set<String> active) {
    if (active.contains(ProcessConstants.PHASE_ONGOING_EXCHANGE)) {
      return RequestStatus.State.IN_PRODUCTION;
    }
    if (active.contains(ProcessConstants.PHASE_ONBOARDING)) {
      return RequestStatus.State.ONBOARDING;
    }
    if (active.contains(ProcessConstants.PHASE_QUEUE)) {
      // Waiting for the correction once the process waits for it; while the missing-information email is still being
      // sent the request is still in review, and a correction is not yet taken (the same rule as PUT).
      if (active.contains(ProcessConstants.WAIT_CORRECTED_WORKSHEET)) {
        return RequestStatus.State.WAITING_FOR_CORRECTION;
      }
      if (active.contains(ProcessConstants.TASK_EMAIL_MISSING_INFORMATION)) {
        return RequestStatus.State.UNDER_REVIEW;
      }
      if (active.stream().anyMatch(QUEUE_ACTIVITIES::contains)) {
        return RequestStatus.State.QUEUED;
      }
      return RequestStatus.State.UNDER_REVIEW;
    }
    if (active.stream().anyMatch(AGREEMENT_ACTIVITIES::contains)) {
      return RequestStatus.State.WAITING_FOR_AGREEMENT;
    }
    return RequestStatus.State.RECEIVED;
  }

  private RequestStatus.State endedState(String trackingId) {
    HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessConstants.PROCESS_ONBOARDING).processInstanceBusinessKey(trackingId)
        .orderByProcessInstanceStartTime().desc().list().stream().findFirst().orElse(null);
    if (ended == null) {
      return RequestStatus.State.CLOSED;
    }
    if (ProcessConstants.END_WITHDRAWN.equals(ended.getEndActivityId())) {
      return RequestStatus.State.WITHDRAWN;
    }
    if ("End_ExchangeEnded".equals(ended.getEndActivityId())) {
      return RequestStatus.State.EXCHANGE_ENDED;
    }
    return RequestStatus.State.CLOSED;
  }
}
