package org.miic.onboarding.staff;

import java.security.Principal;
import org.miic.onboarding.common.ConflictException;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.queue.PriorityFactor;
import org.miic.onboarding.queue.QueueService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue in the staff workspace: the ranking with each factor's points, the capacity, pause, resume and move-up. */
@Controller
class StaffQueueController {

  static final int PAGE_SIZE = 25;

  /** The factor columns of the ranking, in the breakdown's order. */
  static final java.util.List<String> FACTORS = java.util.List.of(PriorityFactor.COMPLETENESS, PriorityFactor.MNVFC, PriorityFactor.VOLUME,
      PriorityFactor.MULTIPLE_ORGANIZATIONS, PriorityFactor.ORGANIZATION_TYPE, PriorityFactor.FORMAT_AND_TRANSPORT,
      PriorityFactor.WAITING_TIME, PriorityFactor.READINESS, PriorityFactor.STAFF_ADJUSTMENT);

  static final java.util.Map<String, String> FACTOR_LABELS = java.util.Map.of(
      PriorityFactor.COMPLETENESS, "Complete", PriorityFactor.MNVFC, "MnVFC", PriorityFactor.VOLUME, "Volume",
      PriorityFactor.MULTIPLE_ORGANIZATIONS, "Several facilities", PriorityFactor.ORGANIZATION_TYPE, "Type",
      PriorityFactor.FORMAT_AND_TRANSPORT, "HL7 / SOAP", PriorityFactor.WAITING_TIME, "Waited", PriorityFactor.READINESS, "Pre-tests",
      PriorityFactor.STAFF_ADJUSTMENT, "Staff");

  private final QueueService queue;

  StaffQueueController(QueueService queue) {
    this.queue = queue;
  }

  @GetMapping("/staff/queue")
  String queue(@RequestParam(defaultValue = "1") int page, Model model) {
    QueueService.QueueView view = queue.view(Math.max(0, page - 1), PAGE_SIZE);
    model.addAttribute("view", view);
    model.addAttribute("page", view.page() + 1);
    model.addAttribute("pages", Math.max(1, (view.waitingTotal() + PAGE_SIZE - 1) / PAGE_SIZE));
    model.addAttribute("factors", FACTORS);
    model.addAttribute("factorLabels", FACTOR_LABELS);
    return "staff/queue";
  }

  @PostMapping("/staff/queue/pause")
  String pause(@RequestParam(required = false) String reason, Principal who, RedirectAttributes flash) {
    try {
      queue.pause(reason, who.getName());
      flash.addFlashAttribute("notice", "The queue is paused: no organization is invited until it is resumed.");
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/staff/queue";
  }

  @PostMapping("/staff/queue/capacity")
  String capacity(@RequestParam(required = false) Integer capacity, Principal who, RedirectAttributes flash) {
    try {
      if (capacity == null) {
        throw new IllegalArgumentException("Give the number of organizations onboarding at once.");
      }
      queue.setCapacity(capacity, who.getName());
      flash.addFlashAttribute("notice", capacity + (capacity == 1 ? " organization onboards" : " organizations onboard") + " at once from now on.");
    } catch (IllegalArgumentException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/staff/queue";
  }

  @PostMapping("/staff/queue/resume")
  String resume(Principal who, RedirectAttributes flash) {
    queue.resume(who.getName());
    flash.addFlashAttribute("notice", "The queue is running again; free slots are offered to the next organizations now.");
    return "redirect:/staff/queue";
  }

  @PostMapping("/staff/queue/{trackingId}/move-up")
  String moveUp(@PathVariable String trackingId, @RequestParam(required = false) Integer toPosition,
      @RequestParam(required = false) String reason, @RequestParam(defaultValue = "1") int page, Principal who, RedirectAttributes flash) {
    try {
      var moved = queue.moveUp(trackingId, toPosition == null ? 1 : toPosition, reason, who.getName());
      flash.addFlashAttribute("notice", moved.organizationName() + " is now at position " + moved.position() + ".");
      flash.addFlashAttribute("highlight", trackingId);
      return "redirect:/staff/queue?page=" + ((moved.position() - 1) / PAGE_SIZE + 1);
    } catch (IllegalArgumentException | ConflictException | NotFoundException e) {
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("errorFor", trackingId);
      return "redirect:/staff/queue?page=" + Math.max(1, page);
    }
  }
}
