package org.miic.onboarding.document;

import java.io.IOException;
import org.miic.onboarding.agreement.AgreementForm;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.agreement.AgreementStatus;
import org.miic.onboarding.common.NotFoundException;
import org.miic.onboarding.worksheet.OnboardingRequest;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * The request's documents page (linked from the agreement email and the status page): the authorized representative
 * downloads the MIIC User Agreement and uploads the signed copy; anyone of the organization adds supplemental
 * materials. The organization sees what was received, not the files themselves.
 */
@Controller
class DocumentsPageController {

  private final WorksheetService worksheets;
  private final DocumentService documents;
  private final AgreementForm agreementForm;
  private final AgreementService agreements;

  DocumentsPageController(WorksheetService worksheets, DocumentService documents, AgreementForm agreementForm, AgreementService agreements) {
    this.worksheets = worksheets;
    this.documents = documents;
    this.agreementForm = agreementForm;
    this.agreements = agreements;
  }

  @GetMapping("/status/{trackingId}/documents")
  String page(@PathVariable String trackingId, Model model) {
    return show(worksheets.request(trackingId), model);
  }

  @GetMapping("/status/{trackingId}/documents/miic-user-agreement.pdf")
  ResponseEntity<byte[]> agreement(@PathVariable String trackingId) {
    OnboardingRequest request = worksheets.request(trackingId);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("MIIC-User-Agreement.pdf").build().toString())
        .body(agreementForm.pdf(request.organizationName(), request.trackingId(), agreements.today()));
  }

  @PostMapping("/status/{trackingId}/documents")
  String upload(@PathVariable String trackingId, @RequestParam(defaultValue = "SUPPLEMENTAL") String kind,
      @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String uploadedBy,
      @RequestParam(required = false) String description, Model model) throws IOException {
    OnboardingRequest request = worksheets.request(trackingId);
    DocumentKind documentKind = "SIGNED_AGREEMENT".equals(kind) ? DocumentKind.SIGNED_AGREEMENT : DocumentKind.SUPPLEMENTAL;
    try {
      documents.upload(trackingId, documentKind, file == null ? null : file.getOriginalFilename(),
          file == null ? null : file.getBytes(), uploadedBy, description);
    } catch (DocumentService.InvalidDocumentException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("errorField", e.field());
      model.addAttribute("errorKind", documentKind.name());
      model.addAttribute("uploadedBy", uploadedBy);
      model.addAttribute("description", description);
      show(request, model);
      return "documents";
    }
    return "redirect:/status/" + trackingId + "/documents?uploaded=" + documentKind.name();
  }

  private String show(OnboardingRequest request, Model model) {
    AgreementStatus agreement = agreements.status(request.organizationId());
    model.addAttribute("request", request);
    model.addAttribute("agreement", agreement);
    model.addAttribute("representative", worksheets.currentWorksheet(request.id()).representative());
    model.addAttribute("documents", documents.forRequest(request.id()));
    model.addAttribute("maxMegabytes", documents.maxBytes() / (1024 * 1024));
    return "documents";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "not-found";
  }
}
