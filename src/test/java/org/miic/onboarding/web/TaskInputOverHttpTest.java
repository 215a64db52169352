package org.miic.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.miic.onboarding.ProcessConstants.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Task input a listener refuses comes back over the engine's REST API as a 400 with a plain sentence, not a 500 with
 * ENGINE-03051 (issue 7, item 4); the task stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskInputOverHttpTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired AgreementService agreements;

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-test".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-test".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aGoLiveDateInThePastIsA400WithAPlainSentence() throws Exception {
    OnboardingRequest request = submit(Worksheets.complete("Poplar Clinic"));
    runDueJobs();
    completeTask(request, TASK_RECORD_AGREEMENT, Map.of(VAR_SIGNER_NAME, "Dr. Poplar", VAR_SIGNED_ON, "2026-03-02"));
    completeTask(request, TASK_REVIEW_WORKSHEET, Map.of(VAR_WORKSHEET_DECISION, DECISION_COMPLETE));
    for (String[] step : new String[][] {{"Task_SetUpTransport", VAR_TRANSPORT_OUTCOME, OUTCOME_PASSED},
        {"Task_MessageFormatTesting", VAR_FORMAT_OUTCOME, OUTCOME_PASSED},
        {"Task_MessageContentValidation", VAR_CONTENT_OUTCOME, OUTCOME_PASSED},
        {"Task_ApproveMessageContent", VAR_CONTENT_APPROVAL, APPROVAL_APPROVED}}) {
      completeTask(request, step[0], passing(step[1], step[2]));
    }
    String taskId = task(request, "Task_CoordinateGoLive").getId();
    HttpResponse<String> refused = post("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"" + VAR_GO_LIVE_DATE + "\":{\"value\":\"2026-03-01\",\"type\":\"String\"}}}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("in the past").doesNotContain("ENGINE-").doesNotContain("TaskListener");
    assertThat(task(request, "Task_CoordinateGoLive")).isNotNull();
    HttpResponse<String> accepted = post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"" + VAR_GO_LIVE_DATE + "\":{\"value\":\"2026-03-10\",\"type\":\"String\"}}}");
    assertThat(accepted.statusCode()).isEqualTo(204);
  }

  @Test
  void aSigningDateInTheFutureIsA400WithAPlainSentence() throws Exception {
    OnboardingRequest request = submit(Worksheets.complete("Sumac Clinic"));
    runDueJobs();
    String taskId = task(request, TASK_RECORD_AGREEMENT).getId();
    HttpResponse<String> refused = post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{"
        + "\"" + VAR_SIGNER_NAME + "\":{\"value\":\"Dr. Sumac\",\"type\":\"String\"},"
        + "\"" + VAR_SIGNED_ON + "\":{\"value\":\"2027-01-01\",\"type\":\"String\"}}}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("The signing date 2027-01-01 is in the future.").doesNotContain("ENGINE-");
    assertThat(task(request, TASK_RECORD_AGREEMENT)).isNotNull();
    assertThat(agreements.current(request.organizationId())).isEmpty();
  }

  /**
   * Staff cannot redirect emails by writing the variables the application sets (issue 7, item 13), through any of the
   * engine's endpoints; the fields of their forms they can.
   */
  @Test
  void theVariablesTheApplicationSetsCannotBeWrittenOverTheRestApi() throws Exception {
    OnboardingRequest request = submit(Worksheets.complete("Redbud Clinic"));
    runDueJobs();
    String taskId = task(request, TASK_RECORD_AGREEMENT).getId();
    String pi = task(request, TASK_RECORD_AGREEMENT).getProcessInstanceId();
    Object organizationId = runtime.getVariable(pi, VAR_ORGANIZATION_ID);
    String forged = "{\"value\":999999,\"type\":\"Long\"}";
    for (HttpResponse<String> refused : java.util.List.of(
        send("PUT", "/engine-rest/task/" + taskId + "/variables/" + VAR_ORGANIZATION_ID, forged),
        send("PUT", "/engine-rest/task/" + taskId + "/localVariables/" + VAR_ORGANIZATION_ID, forged),
        send("PUT", "/engine-rest/process-instance/" + pi + "/variables/" + VAR_REQUEST_ID, forged),
        send("DELETE", "/engine-rest/process-instance/" + pi + "/variables/" + VAR_AGREEMENT_CURRENT, null),
        send("POST", "/engine-rest/task/" + taskId + "/variables", "{\"modifications\":{\"" + VAR_ORGANIZATION_ID + "\":" + forged + "}}"),
        send("POST", "/engine-rest/process-instance/" + pi + "/variables", "{\"deletions\":[\"" + VAR_TRACKING_ID + "\"]}"),
        send("POST", "/engine-rest/task/" + taskId + "/complete", "{\"variables\":{\"" + VAR_ORGANIZATION_ID + "\":" + forged + "}}"),
        // Every other endpoint that takes variables, nested ones included.
        send("POST", "/engine-rest/task/" + taskId + "/bpmnError", "{\"errorCode\":\"x\",\"variables\":{\"" + VAR_ORGANIZATION_ID
            + "\":" + forged + "}}"),
        send("POST", "/engine-rest/task/" + taskId + "/bpmnEscalation", "{\"escalationCode\":\"x\",\"variables\":{\""
            + VAR_REQUEST_ID + "\":" + forged + "}}"),
        send("POST", "/engine-rest/process-instance/" + pi + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\","
            + "\"activityId\":\"" + TASK_RECORD_AGREEMENT + "\",\"variables\":{\"" + VAR_ORGANIZATION_ID + "\":{\"value\":1,"
            + "\"type\":\"Long\",\"local\":false}}}]}"),
        send("POST", "/engine-rest/signal", "{\"name\":\"x\",\"variables\":{\"" + VAR_TRACKING_ID + "\":" + forged + "}}"),
        send("POST", "/camunda/api/engine/engine/default/process-instance/" + pi + "/variables/" + VAR_ORGANIZATION_ID, forged))) {
      if (refused.uri().getPath().startsWith("/camunda/")) {
        assertThat(refused.statusCode()).as(refused.uri() + " " + refused.body()).isIn(401, 403);
      } else {
        assertThat(refused.statusCode()).as(refused.uri() + " " + refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("is set by MIIC Exchange Onboarding itself");
      }
    }
    assertThat(runtime.getVariable(pi, VAR_ORGANIZATION_ID)).isEqualTo(organizationId);
    assertThat(task(request, TASK_RECORD_AGREEMENT)).isNotNull();
    assertThat(send("PUT", "/engine-rest/task/" + taskId + "/variables/" + VAR_SIGNER_NAME, "{\"value\":\"Dr. Redbud\",\"type\":\"String\"}")
        .statusCode()).isEqualTo(204);
  }
}
