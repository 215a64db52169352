package org.miic.onboarding.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.agreement.UserAgreement;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.common.PublicUrls;
import org.miic.onboarding.exchange.ExchangeService;
import org.miic.onboarding.exchange.Suspension;
import org.miic.onboarding.messaging.transport.CredentialService;
import org.miic.onboarding.messaging.transport.ExchangeCredential;
import org.miic.onboarding.messaging.evidence.ReportLinks;
import org.miic.onboarding.organization.Organization;
import org.miic.onboarding.organization.OrganizationRepository;
import org.miic.onboarding.queue.QueueService;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.miic.onboarding.worksheet.Worksheet;
import org.miic.onboarding.worksheet.WorksheetRepository;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Turns an {@link EmailRequest} into subject, body and recipients, from the templates in templates/email. */
@Component
public class EmailComposer {

  private final TemplateEngine bodies = new SpringTemplateEngine();
  private final TemplateEngine subjects = new SpringTemplateEngine();
  private final OrganizationRepository organizations;
  private final WorksheetService worksheets;
  private final WorksheetRepository worksheetRepository;
  private final AgreementService agreements;
  private final QueueService queue;
  private final CredentialService credentials;
  private final ReportLinks reports;
  private final PublicUrls urls;
  private final org.miic.onboarding.quality.ScorecardService scorecards;
  private final ExchangeService exchanges;
  private final org.miic.onboarding.quality.DataQualitySettings dataQuality;

  public EmailComposer(OrganizationRepository organizations, WorksheetService worksheets, WorksheetRepository worksheetRepository,
      AgreementService agreements, QueueService queue, CredentialService credentials, ReportLinks reports, PublicUrls urls,
      org.miic.onboarding.quality.ScorecardService scorecards, ExchangeService exchanges,
      org.miic.onboarding.quality.DataQualitySettings dataQuality) {
    this.dataQuality = dataQuality;
    this.scorecards = scorecards;
    this.exchanges = exchanges;
    this.credentials = credentials;
    this.reports = reports;
    this.organizations = organizations;
    this.worksheets = worksheets;
    this.worksheetRepository = worksheetRepository;
    this.agreements = agreements;
    this.queue = queue;
    this.urls = urls;
    ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
    files.setPrefix("templates/email/");
    files.setSuffix(".txt");
    files.setTemplateMode(TemplateMode.TEXT);
    files.setCharacterEncoding("UTF-8");
    files.setCacheable(true);
    bodies.setTemplateResolver(files);
    StringTemplateResolver strings = new StringTemplateResolver();
    strings.setTemplateMode(TemplateMode.TEXT);
    strings.setCacheable(true); // the subjects are the templates' constants: parsed once, not on every email
    subjects.setTemplateResolver(strings);
  }

  private static final java.time.format.DateTimeFormatter LONG_DATE = java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy",
      java.util.Locale.US);

  public ComposedEmail compose(EmailRequest request) {
    Organization organization = organizations.findById(request.organizationId())
        .orElseThrow(() -> new NotFoundException("No organization with id " + request.organizationId() + "."));
    Map<String, Object> model = new HashMap<>(request.facts());
    // Asked per email, not once at start-up: before the server has started its port is not known yet (with PORT=0,
    // or a random test port, the links said localhost:8080; issue 7, item 3).
    String baseUrl = urls.base();
    model.put("organizationName", organization.name());
    model.put("baseUrl", baseUrl);

    Worksheet worksheet = null;
    if (request.requestId() != null) {
      OnboardingRequest onboarding = worksheets.request(request.requestId());
      worksheet = worksheets.currentWorksheet(onboarding.id());
      model.put("trackingId", onboarding.trackingId());
      model.put("statusUrl", baseUrl + "/status/" + onboarding.trackingId());
      model.put("correctionUrl", baseUrl + "/worksheet/" + onboarding.trackingId() + "/edit");
      model.put("documentsUrl", baseUrl + "/status/" + onboarding.trackingId() + "/documents");
      model.put("worksheet", worksheet);
      model.put("findings", worksheets.findings(onboarding.id()));
      if (request.template() == EmailTemplate.QUEUED) {
        model.put("queuePosition", queue.position(onboarding.id()));
      }
      ExchangeCredential.Environment environment = request.template() == EmailTemplate.GO_LIVE
          ? ExchangeCredential.Environment.PRODUCTION : ExchangeCredential.Environment.TEST;
      credentials.revealLink(onboarding.id(), environment).ifPresent(link -> model.put("credentialsUrl", link));
      model.put("soapUrl", baseUrl + "/iis/soap");
      model.put("postUrl", baseUrl + "/api/hl7/messages");
      model.put("validateUrl", baseUrl + "/api/hl7/validate");
      model.put("validatePageUrl", baseUrl + "/validate");
      String report = reports.link(onboarding.id());
      model.put("reportUrl", report);
      model.put("productionReportUrl", report + "?tab=production");
      model.put("dataQualityUrl", baseUrl + "/status/" + onboarding.trackingId() + "/data-quality");
      List<Suspension> suspensions = exchanges.openSuspensions(onboarding.id());
      model.put("suspensionReasons", ExchangeService.reasons(suspensions));
      model.put("agreementSuspended", suspensions.stream().anyMatch(s -> s.reason() == Suspension.Reason.AGREEMENT_LAPSED));
      model.put("qualitySuspended", suspensions.stream().anyMatch(s -> s.reason() == Suspension.Reason.DATA_QUALITY));
      exchanges.changeOf(onboarding.id()).ifPresent(exchange -> model.put("changedExchange", worksheets.request(exchange).trackingId()));
    } else {
      // Organization-wide emails (agreement renewal) link to the organization's latest request.
      List<OnboardingRequest> requests = worksheetRepository.findRequestsOfOrganization(organization.id());
      if (!requests.isEmpty()) {
        OnboardingRequest latest = requests.get(requests.size() - 1);
        worksheet = worksheetRepository.currentWorksheet(latest.id()).orElse(null);
        model.put("trackingId", latest.trackingId());
        model.put("statusUrl", baseUrl + "/status/" + latest.trackingId());
        model.put("documentsUrl", baseUrl + "/status/" + latest.trackingId() + "/documents");
      }
      // The organization's production exchanges, for the grace period and the suspensions of a lapsed agreement.
      List<Long> production = exchanges.productionExchanges(organization.id());
      List<Suspension> suspensions = new ArrayList<>();
      production.forEach(id -> suspensions.addAll(exchanges.openSuspensions(id)));
      model.put("suspensionReasons", ExchangeService.reasons(suspensions).stream().distinct().toList());
      model.put("agreementSuspended", suspensions.stream().anyMatch(s -> s.reason() == Suspension.Reason.AGREEMENT_LAPSED));
      model.put("inProduction", !production.isEmpty());
    }
    agreements.graceEndsOn(organization.id()).ifPresent(day -> model.put("graceEndsOn", LONG_DATE.format(day)));
    model.put("followUpPeriod", dataQuality.followUpPeriodInWords());
    model.put("secondNoticePeriod", dataQuality.secondNoticePeriodInWords());
    if (request.facts().get(org.miic.onboarding.ProcessConstants.VAR_SCORECARD_ID) instanceof Number scorecardId) {
      scorecards.find(scorecardId.longValue()).ifPresent(card -> {
        model.put("periodLabel", card.period().label());
        model.put("scorecardText", org.miic.onboarding.quality.ScorecardText.plain(card, scorecards.thresholds()));
        model.put("score", card.score());
        model.put("band", card.band().name());
      });
    }
    Optional<UserAgreement> agreement = request.facts().get("agreementId") instanceof Number id
        ? Optional.of(agreements.get(id.longValue()))
        : Optional.empty();
    agreement.ifPresent(a -> {
      model.put("agreement", a);
      model.put("expiresOn", a.expiresOn());
      model.put("daysLeft", Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(agreements.today(), a.expiresOn())));
    });

    List<String> recipients = recipients(request.template(), worksheet, agreement.orElse(null));
    if (recipients.isEmpty()) {
      throw new IllegalStateException("Email " + request.template() + " for organization " + organization.id()
          + " has no recipient: no worksheet contact and no signer email is on file.");
    }
    model.put("recipientName", recipientName(request.template(), worksheet, agreement.orElse(null)));
    Context context = new Context(java.util.Locale.US, model);
    String subject = subjects.process(request.template().subject(), context).trim();
    String body = bodies.process(request.template().file(), context);
    return new ComposedEmail(request.template(), organization.id(), request.requestId(), recipients, subject, body);
  }

  private List<String> recipients(EmailTemplate template, Worksheet w, UserAgreement agreement) {
    Set<String> to = new LinkedHashSet<>();
    for (EmailTemplate.Role role : template.recipients()) {
      switch (role) {
        case PRIMARY -> addIf(to, w == null ? null : w.primary().email());
        case TECHNICAL -> addIf(to, w == null ? null : w.technical().email());
        case REPRESENTATIVE -> {
          if (agreement != null && agreement.signerEmail() != null) {
            to.add(agreement.signerEmail());
          } else {
            addIf(to, w == null ? null : w.representative().email());
          }
        }
      }
    }
    return new ArrayList<>(to);
  }

  /** Everyone the email goes to, by name: "Ann Lee", "Ann Lee and Bo Park", "Ann Lee, Bo Park and Cy Diaz". */
  static String recipientName(EmailTemplate template, Worksheet w, UserAgreement agreement) {
    Set<String> names = new LinkedHashSet<>();
    for (EmailTemplate.Role role : template.recipients()) {
      String name = role == EmailTemplate.Role.REPRESENTATIVE && agreement != null ? agreement.signerName()
          : w == null ? null
          : switch (role) {
            case PRIMARY -> w.primary().name();
            case TECHNICAL -> w.technical().name();
            case REPRESENTATIVE -> w.representative().name();
          };
      if (name != null && !name.isBlank()) {
        names.add(name.trim());
      }
    }
    List<String> list = new ArrayList<>(names);
    if (list.isEmpty()) {
      return "MIIC partner";
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
  }

  private static void addIf(Set<String> to, String email) {
    if (email != null && !email.isBlank()) {
      to.add(email.trim());
    }
  }
}
