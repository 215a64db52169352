package org.miic.onboarding.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.miic.onboarding.agreement.AgreementProperties;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.agreement.AgreementStatus;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.document.DocumentService;
import org.miic.onboarding.document.StoredDocument;
import org.miic.onboarding.messaging.evidence.EvidenceQueries;
import org.miic.onboarding.messaging.evidence.MessageEvidence;
import org.miic.onboarding.messaging.evidence.TestMessage;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.notification.EmailService;
import org.miic.onboarding.notification.OutboxEmail;
import org.miic.onboarding.onboarding.RequestStatusService;
import org.miic.onboarding.onboarding.TestingPhase;
import org.miic.onboarding.pipeline.DecisionRepository;
import org.miic.onboarding.pipeline.ProcessHistoryPort;
import org.miic.onboarding.pipeline.RequestSearch;
import org.miic.onboarding.pipeline.RequestStage;
import org.miic.onboarding.pipeline.Timeline;
import org.miic.onboarding.queue.QueueEntry;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.Worksheet;
import org.miic.onboarding.worksheet.WorksheetFields;
import org.miic.onboarding.worksheet.WorksheetOptions;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The staff workspace: sign-in, the organizations list (search, filters, server-side sort and pages), each request's
 * page (worksheet versions with their changes, agreements and documents, timeline, evidence, credentials, emails, links
 * to Tasklist and Cockpit), and the emails and documents themselves.
 */
@Controller
class StaffPagesController {

  static final int PAGE_SIZE = 25;

  private final RequestSearch search;
  private final WorksheetService worksheets;
  private final QueueService queue;
  private final AgreementService agreements;
  private final AgreementProperties agreementProperties;
  private final EvidenceQueries evidenceQueries;
  private final MessageEvidence evidence;
  private final CredentialService credentials;
  private final EmailService emails;
  private final DocumentService documents;
  private final DecisionRepository decisions;
  private final ProcessHistoryPort history;
  private final RequestStatusService statuses;
  private final Clock clock;

  private final org.miic.onboarding.quality.ScorecardService scorecards;
  private final org.miic.onboarding.quality.QualityFollowUpService followUps;
  private final org.miic.onboarding.exchange.ExchangeService exchanges;

  StaffPagesController(RequestSearch search, WorksheetService worksheets, QueueService queue, AgreementService agreements,
      AgreementProperties agreementProperties, EvidenceQueries evidenceQueries, MessageEvidence evidence, CredentialService credentials,
      EmailService emails, DocumentService documents, DecisionRepository decisions, ProcessHistoryPort history,
      RequestStatusService statuses, Clock clock, org.miic.onboarding.quality.ScorecardService scorecards,
      org.miic.onboarding.quality.QualityFollowUpService followUps, org.miic.onboarding.exchange.ExchangeService exchanges) {
    this.scorecards = scorecards;
    this.followUps = followUps;
    this.exchanges = exchanges;
    this.search = search;
    this.worksheets = worksheets;
    this.queue = queue;
    this.agreements = agreements;
    this.agreementProperties = agreementProperties;
    this.evidenceQueries = evidenceQueries;
    this.evidence = evidence;
    this.credentials = credentials;
    this.emails = emails;
    this.documents = documents;
    this.decisions = decisions;
    this.history = history;
    this.statuses = statuses;
    this.clock = clock;
  }

  @GetMapping("/staff/login")
  String login() {
    return "staff/login";
  }

  @GetMapping("/staff/denied")
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String denied() {
    return "staff/denied";
  }

  /** A row of the organizations list with what it shows besides the search result itself. */
  record ListRow(RequestSearch.Row row, long daysInStage, String queuePosition, AgreementStatus.State agreementState,
      TestMessage lastMessage) {}

  @GetMapping("/staff")
  String organizations(@RequestParam(required = false) String q, @RequestParam(required = false) String stage,
      @RequestParam(required = false) String type, @RequestParam(required = false) String agreement,
      @RequestParam(defaultValue = "DAYS_IN_STAGE") String sort, @RequestParam(defaultValue = "desc") String dir,
      @RequestParam(defaultValue = "1") int page, Model model) {
    WorksheetOptions.RequestType requestType = parse(WorksheetOptions.RequestType.class, type);
    AgreementStatus.State agreementState = parse(AgreementStatus.State.class, agreement);
    RequestSearch.Sort sortBy = RequestSearch.Sort.parse(sort);
    boolean descending = !"asc".equalsIgnoreCase(dir);
    String text = q == null ? null : q.strip();
    if (text != null && text.length() > 200) {
      text = text.substring(0, 200);
    }
    RequestSearch.Result result = search.search(new RequestSearch.Criteria(text, stage, requestType, agreementState, sortBy, descending,
        Math.max(0, page - 1), PAGE_SIZE), agreements.today(), agreementProperties.firstReminderDaysBeforeExpiry());
    Map<Long, Integer> positions = queue.positions();
    int waiting = positions.size();
    Instant now = clock.instant();
    List<ListRow> rows = new ArrayList<>();
    for (RequestSearch.Row r : result.rows()) {
      Integer position = positions.get(r.requestId());
      rows.add(new ListRow(r, r.stageSince() == null ? 0 : Duration.between(r.stageSince(), now).toDays(),
          position == null ? null : position + " of " + waiting, agreementState(r), evidenceQueries.newest(r.requestId()).orElse(null)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("result", result);
    model.addAttribute("page", result.page() + 1);
    model.addAttribute("q", text == null ? "" : text);
    model.addAttribute("stage", stage == null ? "" : stage);
    model.addAttribute("type", requestType == null ? "" : requestType.name());
    model.addAttribute("agreement", agreementState == null ? "" : agreementState.name());
    model.addAttribute("sort", sortBy.name());
    model.addAttribute("dir", descending ? "desc" : "asc");
    model.addAttribute("stages", RequestStage.values());
    model.addAttribute("steps", RequestStage.Step.values());
    model.addAttribute("stageCounts", search.countsByStage());
    model.addAttribute("requestTypes", WorksheetOptions.RequestType.values());
    model.addAttribute("agreementStates", AgreementStatus.State.values());
    return "staff/organizations";
  }

  private AgreementStatus.State agreementState(RequestSearch.Row r) {
    if (r.agreementExpiresOn() == null) {
      return AgreementStatus.State.NONE;
    }
    java.time.LocalDate today = agreements.today();
    if (!today.isBefore(r.agreementExpiresOn())) {
      return AgreementStatus.State.LAPSED;
    }
    return !today.isBefore(r.agreementExpiresOn().minusDays(agreementProperties.firstReminderDaysBeforeExpiry()))
        ? AgreementStatus.State.EXPIRING_SOON : AgreementStatus.State.CURRENT;
  }

  /** A worksheet version with what changed since the one before. */
  record Version(Worksheet worksheet, Map<String, String> fields, List<WorksheetFields.Change> changes) {}

  @GetMapping("/staff/requests/{trackingId}")
  String request(@PathVariable String trackingId, Model model) {
    OnboardingRequest request = worksheets.request(trackingId);
    List<Worksheet> all = worksheets.allVersions(request.id());
    List<Version> versions = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      Worksheet w = all.get(i);
      versions.add(new Version(w, WorksheetFields.of(w), i == 0 ? List.of() : WorksheetFields.changes(all.get(i - 1), w)));
    }
    List<OutboxEmail> mails = emails.forRequestStaff(request.id());
    List<StoredDocument> docs = documents.forRequest(request.id());
    List<EvidenceQueries.PhaseCount> phaseCounts = evidenceQueries.phaseCounts(request.id()).stream()
        .sorted(java.util.Comparator.comparing(EvidenceQueries.PhaseCount::phase)).toList();

    List<Timeline.Event> others = new ArrayList<>();
    for (Worksheet w : all) {
      others.add(new Timeline.Event(w.submittedAt(), Timeline.Kind.WORKSHEET, "Worksheet version " + w.version() + " received", null,
          "#worksheet-v" + w.version()));
    }
    for (OutboxEmail e : mails) {
      others.add(new Timeline.Event(e.sentAt() != null ? e.sentAt() : e.createdAt(), Timeline.Kind.EMAIL, "Email: " + e.subject(),
          "to " + e.recipients() + " · " + e.status().name().toLowerCase(java.util.Locale.ROOT), "/staff/emails/" + e.id()));
    }
    for (EvidenceQueries.PhaseCount c : phaseCounts) {
      others.add(new Timeline.Event(c.first(), Timeline.Kind.MESSAGES, c.total() + (c.total() == 1 ? " message" : " messages") + " during "
          + c.phase().label(), c.accepted() + " AA, " + c.withErrors() + " AE, " + c.rejected() + " AR; the latest "
          + org.miic.onboarding.common.LocalTimes.format(c.latest()), "#evidence"));
    }
    for (StoredDocument d : docs) {
      others.add(new Timeline.Event(d.uploadedAt(), Timeline.Kind.DOCUMENT, d.kind().label() + " uploaded: " + d.fileName(),
          "by " + d.uploadedBy(), "/staff/documents/" + d.id()));
    }
    // Step 4: the monthly scorecards, the organization's answers, suspensions, and the changes that went live on it.
    List<org.miic.onboarding.quality.Scorecard> reviews = scorecards.reviews(request.id(), 12);
    List<org.miic.onboarding.quality.QualityResponse> answers = followUps.all(request.id());
    List<org.miic.onboarding.exchange.Suspension> suspensions = exchanges.suspensions(request.id());
    List<org.miic.onboarding.exchange.ExchangeChange> changes = exchanges.changes(request.id());
    for (var a : answers) {
      others.add(new Timeline.Event(a.receivedAt(), Timeline.Kind.DOCUMENT, "The organization answered on data quality", a.answeredBy() + ": "
          + (a.text().length() > 200 ? a.text().substring(0, 199) + "…" : a.text()), "#data-quality"));
    }
    for (var x : suspensions) {
      others.add(new Timeline.Event(x.suspendedAt(), Timeline.Kind.DECISION, "Production suspended ("
          + (x.reason() == org.miic.onboarding.exchange.Suspension.Reason.DATA_QUALITY ? "data quality" : "agreement lapsed") + ")",
          x.suspendedBy() == null ? null : "by " + x.suspendedBy(), "#data-quality"));
      if (x.resumedAt() != null) {
        others.add(new Timeline.Event(x.resumedAt(), Timeline.Kind.DECISION, "Production resumed", x.resumedBy() == null ? null : "by "
            + x.resumedBy(), "#data-quality"));
      }
    }
    for (var c : changes) {
      others.add(new Timeline.Event(c.liveAt(), Timeline.Kind.PHASE, "Change live: " + c.changeTrackingId(), "tested: " + c.phases(),
          "/staff/requests/" + c.changeTrackingId()));
    }
    List<Timeline.Event> timeline = Timeline.build(history.activities(trackingId), decisions.forRequest(request.id()), others);
    model.addAttribute("reviews", reviews);
    model.addAttribute("answers", answers);
    model.addAttribute("suspensions", suspensions);
    model.addAttribute("changes", changes);
    model.addAttribute("changeOf", exchanges.changeOf(request.id()).map(id -> worksheets.request(id).trackingId()).orElse(null));
    model.addAttribute("qualityThresholds", scorecards.thresholds());
    model.addAttribute("trendUrl", evidence.reportLink(request.id()) + "/trend.svg");

    Map<TestingPhase, MessageEvidence.PhaseEvidence> phases = new java.util.LinkedHashMap<>();
    for (EvidenceQueries.PhaseCount c : phaseCounts) {
      phases.put(c.phase(), evidence.phase(request.id(), c.phase()));
    }
    QueueEntry entry = queue.findEntry(request.id()).orElse(null);
    model.addAttribute("request", request);
    model.addAttribute("status", statuses.status(trackingId));
    model.addAttribute("current", all.get(all.size() - 1));
    model.addAttribute("versions", versions);
    model.addAttribute("agreement", agreements.status(request.organizationId()));
    model.addAttribute("agreementHistory", agreements.history(request.organizationId()));
    model.addAttribute("documents", docs);
    model.addAttribute("timeline", timeline);
    model.addAttribute("phaseCounts", phaseCounts);
    model.addAttribute("phases", phases);
    model.addAttribute("criteria", evidence.criteria(request.id()));
    model.addAttribute("verdict", evidence.verdict(request.id()));
    model.addAttribute("credentials", credentials.forOrganization(request.organizationId()).stream()
        .filter(c -> c.requestId() != null && c.requestId() == request.id()).toList());
    model.addAttribute("emails", mails);
    model.addAttribute("openTasks", history.openTasks(trackingId));
    model.addAttribute("processInstanceId", history.processInstanceId(trackingId).orElse(null));
    model.addAttribute("queueEntry", entry);
    model.addAttribute("priority", entry == null ? null : queue.breakdownLines(request.id()));
    model.addAttribute("position", entry != null && entry.status() == QueueEntry.Status.WAITING ? queue.positionOf(request.id()).text() : null);
    model.addAttribute("reportUrl", evidence.reportLink(request.id()));
    return "staff/request";
  }

  @GetMapping("/staff/emails/{id}")
  String email(@PathVariable long id, Model model) {
    OutboxEmail email = emails.findForStaff(id).orElseThrow(() -> new NotFoundException("No email with id " + id + "."));
    model.addAttribute("email", email);
    model.addAttribute("request", email.requestId() == null ? null : worksheets.request(email.requestId()));
    return "staff/email";
  }

  @GetMapping("/staff/documents/{id}")
  ResponseEntity<byte[]> document(@PathVariable long id) {
    StoredDocument d = documents.get(id);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
            .build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(documents.content(id));
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "staff/not-found";
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    return null;
  }

  static Map<String, Object> none() {
    return new HashMap<>();
  }
}
