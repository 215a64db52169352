package org.miic.onboarding.worksheet;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.miic.onboarding.onboarding.RequestStatus;
import org.miic.onboarding.onboarding.RequestStatusService;
import org.miic.onboarding.common.PublicUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The worksheet API: organizations submit and correct (anonymous, by tracking id); staff read. */
@RestController
@RequestMapping("/api/worksheets")
class WorksheetApiController {

  private final WorksheetService worksheets;
  private final RequestStatusService statuses;
  private final PublicUrls urls;

  WorksheetApiController(WorksheetService worksheets, RequestStatusService statuses, PublicUrls urls) {
    this.worksheets = worksheets;
    this.statuses = statuses;
    this.urls = urls;
  }

  record Submitted(String trackingId, String statusUrl, String correctionUrl, String statusApi) {}

  @PostMapping
  ResponseEntity<Submitted> submit(@Valid @RequestBody WorksheetForm form) {
    OnboardingRequest request = worksheets.submit(form);
    Submitted body = links(request.trackingId());
    return ResponseEntity.created(URI.create(body.statusApi())).body(body);
  }

  @PutMapping("/{trackingId}")
  ResponseEntity<Map<String, Object>> correct(@PathVariable String trackingId, @Valid @RequestBody WorksheetForm form) {
    Worksheet w = worksheets.correct(trackingId, form);
    Submitted links = links(trackingId);
    return ResponseEntity.ok(Map.of("trackingId", trackingId, "version", w.version(), "statusUrl", links.statusUrl(),
        "statusApi", links.statusApi()));
  }

  @GetMapping("/{trackingId}/status")
  RequestStatus status(@PathVariable String trackingId) {
    return statuses.status(trackingId);
  }

  /** Staff: every version of the worksheet with its completeness findings. */
  @GetMapping("/{trackingId}")
  Map<String, Object> worksheet(@PathVariable String trackingId) {
    OnboardingRequest request = worksheets.request(trackingId);
    List<Worksheet> versions = worksheets.allVersions(request.id());
    return Map.of("request", request, "versions", versions, "findings", worksheets.findings(request.id()),
        "status", statuses.status(trackingId));
  }

  private Submitted links(String trackingId) {
    return new Submitted(trackingId, urls.of("/status/" + trackingId), urls.of("/worksheet/" + trackingId + "/edit"),
        urls.of("/api/worksheets/" + trackingId + "/status"));
  }
}
