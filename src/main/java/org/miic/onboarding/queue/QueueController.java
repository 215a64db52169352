package org.miic.onboarding.queue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff: the queue with positions, scores and their breakdown; pause, resume, move up. */
@RestController
@RequestMapping("/api/queue")
class QueueController {

  private final QueueService queue;

  QueueController(QueueService queue) {
    this.queue = queue;
  }

  record Reason(@NotBlank(message = "Give a reason; it is recorded.") @Size(max = 1000) String reason) {}

  record MoveUp(@NotBlank(message = "Give a reason; it is recorded.") @Size(max = 1000) String reason,
      @Min(value = 1, message = "Positions start at 1.") Integer toPosition) {}

  /** The queue with one page of waiting organizations (page from 0, at most 500 per page). */
  @GetMapping
  QueueService.QueueView view(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "50") int size) {
    return queue.view(page, size);
  }

  @PostMapping("/pause")
  QueueService.QueueView pause(@Valid @RequestBody Reason body, Principal who) {
    queue.pause(body.reason(), who.getName());
    return queue.view(0, 50);
  }

  record Capacity(@jakarta.validation.constraints.NotNull(message = "Give the number of organizations onboarding at once.")
      @Min(value = 0, message = "The capacity is 0 or more.") @jakarta.validation.constraints.Max(value = 10000, message = "At most 10000.")
      Integer capacity) {}

  /** How many organizations onboard at once; more slots are offered at once. */
  @PostMapping("/capacity")
  QueueService.QueueView capacity(@Valid @RequestBody Capacity body, Principal who) {
    queue.setCapacity(body.capacity(), who.getName());
    return queue.view(0, 50);
  }

  @PostMapping("/resume")
  QueueService.QueueView resume(Principal who) {
    queue.resume(who.getName());
    return queue.view(0, 50);
  }

  @PostMapping("/{trackingId}/move-up")
  RankedEntry moveUp(@PathVariable String trackingId, @Valid @RequestBody MoveUp body, Principal who) {
    return queue.moveUp(trackingId, body.toPosition() == null ? 1 : body.toPosition(), body.reason(), who.getName());
  }

  /** Runs a dispatch now (normally automatic); answers with who was invited. */
  @PostMapping("/dispatch")
  Map<String, List<String>> dispatch() {
    return Map.of("invited", queue.dispatch());
  }
}
