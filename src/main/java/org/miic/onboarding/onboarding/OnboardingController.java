package org.miic.onboarding.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.ProcessInstances;
import org.miic.onboarding.worksheet.WorksheetService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff end an organization's production exchange (step 4) at any time, with the reason recorded. */
@RestController
@RequestMapping("/api/onboardings/{trackingId}")
class OnboardingController {

  private final WorksheetService worksheets;
  private final ProcessInstances instances;
  private final RuntimeService runtime;
  private final RequestStatusService statuses;

  OnboardingController(WorksheetService worksheets, ProcessInstances instances, RuntimeService runtime, RequestStatusService statuses) {
    this.worksheets = worksheets;
    this.instances = instances;
    this.runtime = runtime;
    this.statuses = statuses;
  }

  record EndExchange(@NotBlank(message = "Give the reason for ending the exchange; it is recorded.") @Size(max = 1000) String reason) {}

  @PostMapping("/end-exchange")
  RequestStatus endExchange(@PathVariable String trackingId, @Valid @RequestBody EndExchange body) {
    worksheets.request(trackingId);
    ProcessInstance instance = instances.activeOnboarding(trackingId)
        .filter(p -> instances.waitsForMessage(p.getId(), ProcessConstants.MSG_EXCHANGE_ENDED))
        .orElseThrow(() -> new ConflictException("This request is not in production exchange, so there is no exchange to end."));
    runtime.createMessageCorrelation(ProcessConstants.MSG_EXCHANGE_ENDED)
        .processInstanceId(instance.getId())
        .setVariable(ProcessConstants.VAR_EXCHANGE_END_REASON, body.reason().trim())
        .correlateWithResult();
    return statuses.status(trackingId);
  }
}
