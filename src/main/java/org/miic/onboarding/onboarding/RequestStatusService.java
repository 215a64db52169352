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
import org.miic.onboarding.common.PublicUrls;
import org.miic.onboarding.pipeline.DecisionRepository;
import org.miic.onboarding.pipeline.RequestStage;
import org.miic.onboarding.pipeline.StageRepository;
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
  private final StageRepository stages;
  private final DecisionRepository decisions;
  private final TestEvidenceProvider evidence;
  private final PublicUrls urls;
  private final org.miic.onboarding.exchange.ExchangeService suspensions;

  public RequestStatusService(WorksheetService worksheets, AgreementService agreements, QueueService queue,
      ProcessInstances instances, RuntimeService runtime, HistoryService history, StageRepository stages, DecisionRepository decisions,
      TestEvidenceProvider evidence, PublicUrls urls, org.miic.onboarding.exchange.ExchangeService suspensions) {
    this.suspensions = suspensions;
    this.stages = stages;
    this.decisions = decisions;
    this.evidence = evidence;
    this.urls = urls;
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
      if (state == RequestStatus.State.IN_PRODUCTION && !suspensions.suspensionReasons(request.id()).isEmpty()) {
        state = RequestStatus.State.SUSPENDED;
      }
      steps = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).unfinished().list().stream()
          .filter(a -> !NOT_STEPS.contains(a.getActivityType()))
          .map(HistoricActivityInstance::getActivityName)
          .filter(name -> name != null && !name.isBlank())
          .distinct().toList();
      lapsed = Boolean.TRUE.equals(runtime.getVariable(instance.getId(), ProcessConstants.VAR_AGREEMENT_LAPSED));
    }
    QueueService.Position position = state == RequestStatus.State.QUEUED ? queue.positionOf(request.id()) : null;
    List<String> missing = state == RequestStatus.State.WAITING_FOR_CORRECTION || state == RequestStatus.State.UNDER_REVIEW
        ? worksheets.findings(request.id()).stream().map(CompletenessFinding::message).toList()
        : List.of();
    boolean correctable = instance != null && worksheets.correctionAllowed(trackingId);
    String description = state.label();
    if (state == RequestStatus.State.ONBOARDING) {
      description += stages.current(request.id()).filter(s -> s.stage().step() == RequestStage.Step.ONBOARDING)
          .map(s -> ": " + s.stage().label()).orElse("");
    }
    List<RequestStatus.StaffNote> notes = decisions.forRequest(request.id()).stream()
        .filter(d -> d.notes() != null && NOTES_FOR_THE_ORGANIZATION.contains(d.outcome()))
        .sorted(java.util.Comparator.comparing(org.miic.onboarding.pipeline.StaffDecision::decidedAt).reversed())
        .limit(5)
        .map(d -> new RequestStatus.StaffNote(d.decidedAt(), d.taskName(), d.notes()))
        .toList();
    if (notes.isEmpty() && state == RequestStatus.State.WAITING_FOR_CORRECTION) {
      // Reviews recorded before staff decisions were logged (issue 8) still show their notes.
      notes = worksheets.latestReview(request.id()).filter(r -> r.notes() != null)
          .map(r -> List.of(new RequestStatus.StaffNote(r.reviewedAt(), "Review worksheet", r.notes()))).orElse(List.of());
    }
    return new RequestStatus(trackingId, request.organizationName(), request.submittedAt(),
        worksheets.currentWorksheet(request.id()).version(), state, description, state.step(), steps,
        position == null ? null : position.position(), position == null ? null : position.of(),
        nextStep(state, stages.current(request.id()).map(StageRepository.Stay::stage).orElse(null)),
        actions(state, request, correctable), notes, missing,
        ReviewTaskContent.agreementLine(agreements.status(request.organizationId())).replace("**", ""), lapsed, correctable,
        worksheets.goLiveAt(request.id()).orElse(null));
  }

  /** Activities that are waits of the engine, not steps a person takes: not listed as the current step. */
  private static final Set<String> NOT_STEPS = Set.of("subProcess", "processDefinition", "intermediateTimer", "eventBasedGateway",
      "exclusiveGateway", "serviceTask", "boundaryTimer", "intermediateMessageCatch");

  /** Decisions whose notes MIIC sent to the organization. */
  private static final Set<String> NOTES_FOR_THE_ORGANIZATION = Set.of(ProcessConstants.DECISION_INCOMPLETE,
      ProcessConstants.OUTCOME_CORRECTIONS, ProcessConstants.DATA_QUALITY_ISSUES, ProcessConstants.FOLLOW_UP_SUSPEND);

  /** What happens next, in a sentence or two, for the organization. */
  static String nextStep(RequestStatus.State state, RequestStage stage) {
    return switch (state) {
      case RECEIVED -> "MIIC checks the worksheet for completeness and looks for a current MIIC User Agreement. You get an email "
          + "within minutes.";
      case WAITING_FOR_AGREEMENT -> "Data exchange needs a current MIIC User Agreement, signed by your authorized representative. "
          + "Download it, sign it and upload the signed copy; MIIC staff record it and your worksheet goes on to review.";
      case UNDER_REVIEW -> "MIIC staff review the worksheet for completeness. Complete worksheets enter the onboarding queue; "
          + "if something is missing you get an email saying what.";
      case WAITING_FOR_CORRECTION -> "MIIC staff asked for the items below. Correct the worksheet; it goes back to review at once. "
          + "A request without an answer within 60 days is withdrawn.";
      case QUEUED -> "Organizations are invited as MIIC's onboarding capacity allows, in order of priority. While you wait, your "
          + "interface analyst can send test messages: pre-tests that meet the go-live criteria move you up.";
      case ONBOARDING -> stage == null ? "MIIC staff work with your technical contact through the testing steps." : switch (stage) {
        case TRANSPORT -> "Transport set-up and testing: MIIC staff and your technical contact connect your system to MIIC's SOAP "
            + "web service or HTTPS POST and exchange first test messages.";
        case FORMAT -> "Message format testing: send test messages; MIIC checks that they conform to HL7 2.5.1 and the CDC "
            + "Implementation Guide R1.5. Corrections, if needed, come by email.";
        case CONTENT -> "Message content validation: MIIC's quality assurance checks what your messages say (vaccines, dates, "
            + "patients). Send the test scenarios listed in the report; corrections, if needed, come by email.";
        case APPROVAL -> "MIIC staff are approving your message content.";
        case QUERY -> "Query testing: send QBP^Q11 queries for one of your test patients with your test credentials, a Z34 "
            + "(immunization history, answered with Z32) and a Z44 (evaluated history, answered with Z42). Both must work "
            + "before go-live.";
        case GO_LIVE -> "Content approved. MIIC staff coordinate the production go-live date with you.";
        default -> "MIIC staff work with your technical contact through the testing steps.";
      };
      case IN_PRODUCTION -> "Your organization sends production data to MIIC. MIIC computes a data-quality scorecard every month "
          + "and emails it; when something needs attention, MIIC writes to you and asks you to address it.";
      case DATA_QUALITY_FOLLOW_UP -> "MIIC asked your organization to address data-quality issues in its production submissions. "
          + "Fix them, and tell MIIC what you changed on the data-quality page; once you have, MIIC staff read your answer and "
          + "write back. Without an answer MIIC sends a second notice, and may then suspend your production credentials until "
          + "the issues are fixed.";
      case SUSPENDED -> "Your production credentials are refused until the suspension is lifted; the reasons and how to resume "
          + "are on the data-quality page. Your TEST credentials keep working.";
      case CHANGE_LIVE -> "The change is live and recorded on your production exchange, which goes on under its own tracking id.";
      case WITHDRAWN -> "This request was withdrawn. To start again, submit a new worksheet.";
      case EXCHANGE_ENDED -> "The data exchange of this request ended. To exchange data again, submit a new worksheet.";
      case CLOSED -> "This request is closed. To start again, submit a new worksheet.";
    };
  }

  private List<RequestStatus.Action> actions(RequestStatus.State state, OnboardingRequest request, boolean correctable) {
    List<RequestStatus.Action> actions = new java.util.ArrayList<>();
    String id = request.trackingId();
    if (correctable) {
      actions.add(new RequestStatus.Action("Correct or complete the worksheet", urls.of("/worksheet/" + id + "/edit"),
          "Your changes are kept as a new version."));
    }
    switch (state) {
      case WAITING_FOR_AGREEMENT -> actions.add(new RequestStatus.Action("Download and upload the MIIC User Agreement",
          urls.of("/status/" + id + "/documents"), "For your authorized representative."));
      case RECEIVED, UNDER_REVIEW, WAITING_FOR_CORRECTION -> actions.add(new RequestStatus.Action("Upload supplemental materials",
          urls.of("/status/" + id + "/documents"), "Documents your worksheet refers to (PDF and other common formats)."));
      case QUEUED, ONBOARDING -> {
        actions.add(new RequestStatus.Action("Read your test message report", evidence.reportLink(request.id()),
            "Every message you sent, its acknowledgement and what to correct."));
        actions.add(new RequestStatus.Action("Check a message without an account", urls.of("/validate"),
            "Paste an HL7 message and see the acknowledgement and findings MIIC would send; nothing is stored."));
        actions.add(new RequestStatus.Action("Send test messages", urls.of("/iis/soap?wsdl"),
            "SOAP web service (CDC WSDL) or HTTPS POST to " + urls.of("/api/hl7/messages")
                + ", with the test credentials from the link MIIC emailed you."));
      }
      case IN_PRODUCTION -> {
        actions.add(new RequestStatus.Action("Read your message report", evidence.reportLink(request.id()) + "?tab=production",
            "Production and test messages, acknowledgements, findings and the monthly data-quality scorecard."));
        actions.add(new RequestStatus.Action("See your data quality", urls.of("/status/" + id + "/data-quality"),
            "The latest scorecard."));
      }
      case DATA_QUALITY_FOLLOW_UP, SUSPENDED -> {
        actions.add(new RequestStatus.Action("Answer MIIC on data quality", urls.of("/status/" + id + "/data-quality"),
            "The scorecard, what MIIC asked, and where you tell MIIC what you changed."));
        actions.add(new RequestStatus.Action("Read your message report", evidence.reportLink(request.id()) + "?tab=production",
            "Production and test messages, acknowledgements and findings."));
      }
      case CHANGE_LIVE -> actions.add(new RequestStatus.Action("Read your message report", evidence.reportLink(request.id()),
          "The test messages of the change, acknowledgements and findings."));
      case WITHDRAWN, EXCHANGE_ENDED, CLOSED -> actions.add(new RequestStatus.Action("Submit a new worksheet", urls.of("/worksheet"),
          "Starts a new request."));
      default -> { }
    }
    return actions;
  }

  private static RequestStatus.State activeState(Set<String> active) {
    if (active.contains(ProcessConstants.PHASE_ONGOING_EXCHANGE)) {
      if (active.contains(ProcessConstants.TASK_RESUME_EXCHANGE)) {
        return RequestStatus.State.SUSPENDED;
      }
      if (active.contains(ProcessConstants.WAIT_FIRST_NOTICE_ANSWER) || active.contains(ProcessConstants.WAIT_SECOND_NOTICE_ANSWER)
          || active.contains(ProcessConstants.TASK_FOLLOW_UP_DATA_QUALITY)) {
        return RequestStatus.State.DATA_QUALITY_FOLLOW_UP;
      }
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
    if ("End_ChangeLive".equals(ended.getEndActivityId())) {
      return RequestStatus.State.CHANGE_LIVE;
    }
    return RequestStatus.State.CLOSED;
  }
}
