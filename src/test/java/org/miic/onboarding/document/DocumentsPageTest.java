package org.miic.onboarding.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The documents page: the agreement to download, the signed copy and supplemental materials to upload, checked. */
class DocumentsPageTest extends ProcessTestSupport {

  private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

  @Autowired MockMvc mvc;
  @Autowired FormService forms;
  @Autowired DocumentService documents;

  private OnboardingRequest waitingForAgreement() {
    OnboardingRequest request = submit(Worksheets.complete("Juniper Clinic"));
    runDueJobs();
    return request;
  }

  @Test
  void theRepresentativeDownloadsTheAgreementAndUploadsTheSignedCopyThatStaffSeeInTheirTask() throws Exception {
    OnboardingRequest request = waitingForAgreement();
    String agreementEmail = body(messagesTo("rep@juniperclinic.example").get(0));
    assertThat(agreementEmail).contains("https://onboarding.test/status/" + request.trackingId() + "/documents");

    mvc.perform(get("/status/{t}/documents", request.trackingId())).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Download the MIIC User Agreement")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Dr. Kim\"")));
    byte[] form = mvc.perform(get("/status/{t}/documents/miic-user-agreement.pdf", request.trackingId())).andExpect(status().isOk())
        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/pdf")))
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("MIIC-User-Agreement.pdf")))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(new String(form, StandardCharsets.ISO_8859_1)).startsWith("%PDF-").contains("(Organization: Juniper Clinic)");

    var task = task(request, ProcessConstants.TASK_RECORD_AGREEMENT);
    assertThat(forms.getTaskFormVariables(task.getId()).getValue("agreementDocument", String.class)).startsWith("No signed copy uploaded yet");
    assertThat(forms.getTaskFormVariables(task.getId()).getValue(ProcessConstants.VAR_SIGNER_NAME, String.class)).isEqualTo("Dr. Kim");
    assertThat(forms.getTaskFormVariables(task.getId()).getValue(ProcessConstants.VAR_SIGNER_EMAIL, String.class))
        .isEqualTo("rep@juniperclinic.example");

    mvc.perform(multipart("/status/{t}/documents", request.trackingId()).file(new MockMultipartFile("file", "C:\\scans\\signed.pdf",
            "application/pdf", PDF)).param("kind", "SIGNED_AGREEMENT").param("uploadedBy", "Dr. Kim").with(csrf()))
        .andExpect(redirectedUrl("/status/" + request.trackingId() + "/documents?uploaded=SIGNED_AGREEMENT"));
    StoredDocument stored = documents.forRequest(request.id()).get(0);
    assertThat(stored.fileName()).isEqualTo("signed.pdf");
    assertThat(stored.sha256()).hasSize(64);
    assertThat(documents.content(stored.id())).isEqualTo(PDF);
    assertThat(forms.getTaskFormVariables(task.getId()).getValue("agreementDocument", String.class))
        .contains("Signed copy uploaded by Dr. Kim").contains("(/staff/documents/" + stored.id() + ")");
    mvc.perform(get("/status/{t}/documents", request.trackingId()))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("signed.pdf")));
  }

  @Test
  void badUploadsAreRefusedWithASentenceAndNothingIsStored() throws Exception {
    OnboardingRequest request = waitingForAgreement();
    String page = "/status/" + request.trackingId() + "/documents";
    mvc.perform(multipart(page).file(new MockMultipartFile("file", "fake.pdf", "application/pdf", "not a pdf".getBytes()))
            .param("kind", "SIGNED_AGREEMENT").param("uploadedBy", "Dr. Kim").with(csrf()))
        .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("is not a PDF")));
    mvc.perform(multipart(page).file(new MockMultipartFile("file", "signed.pdf", "application/pdf", PDF))
            .param("kind", "SIGNED_AGREEMENT").param("uploadedBy", " ").with(csrf()))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter the name of the person who signed")));
    mvc.perform(multipart(page).file(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))
            .param("kind", "SUPPLEMENTAL").param("uploadedBy", "Ann").with(csrf()))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("was empty")));
    mvc.perform(multipart(page).file(new MockMultipartFile("file", "setup.exe", "application/octet-stream", new byte[] {'M', 'Z', 1}))
            .param("kind", "SUPPLEMENTAL").param("uploadedBy", "Ann").with(csrf()))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("is not a file type MIIC takes")));
    mvc.perform(multipart(page).param("kind", "SUPPLEMENTAL").param("uploadedBy", "Ann").with(csrf()))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a file")));
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    mvc.perform(multipart(page).file(new MockMultipartFile("file", "huge.pdf", "application/pdf", big))
            .param("kind", "SUPPLEMENTAL").param("uploadedBy", "Ann").with(csrf()))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("at most 10.0 MB can be uploaded")));
    mvc.perform(multipart(page).file(new MockMultipartFile("file", "signed.pdf", "application/pdf", PDF))
        .param("kind", "SIGNED_AGREEMENT").param("uploadedBy", "Dr. Kim")).andExpect(status().isForbidden());
    assertThat(documents.forRequest(request.id())).isEmpty();

    mvc.perform(multipart(page).file(new MockMultipartFile("file", "roster.csv", "text/csv", "Facility,ID\nNorth,FAC-N\n".getBytes()))
            .param("kind", "SUPPLEMENTAL").param("uploadedBy", "Ann Lee").param("description", "Facility roster").with(csrf()))
        .andExpect(redirectedUrl(page + "?uploaded=SUPPLEMENTAL"));
    assertThat(documents.forRequest(request.id())).singleElement()
        .satisfies(d -> assertThat(d.contentType()).isEqualTo("text/csv"))
        .satisfies(d -> assertThat(d.description()).isEqualTo("Facility roster"));
    mvc.perform(get("/status/abcdefghjkmnpqrstuvwxyz2/documents")).andExpect(status().isNotFound());
  }
}
