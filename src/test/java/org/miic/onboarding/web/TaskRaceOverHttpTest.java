package org.miic.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.miic.onboarding.ProcessConstants.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miic.onboarding.agreement.AgreementService;
import org.miic.onboarding.support.ProcessTestSupport;
import org.miic.onboarding.support.Worksheets;
import org.miic.onboarding.worksheet.OnboardingRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two staff completing one task at once over the engine's REST API (issue 7, item 14), on a real server: one 204 and
 * one 409 with a sentence, never a 500 (OptimisticLockingException or "task is null"), logged at WARN. The process
 * goes on once. Tagged database (ProcessTestSupport): .ci/run repeats it on PostgreSQL, where the race was found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class TaskRaceOverHttpTest extends ProcessTestSupport {

  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin-test".getBytes(StandardCharsets.UTF_8));

  @LocalServerPort int port;
  @Autowired AgreementService agreements;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpResponse<String> complete(String taskId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .timeout(Duration.ofSeconds(60)).header("Authorization", ADMIN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"" + VAR_WORKSHEET_DECISION + "\":{\"value\":\""
            + DECISION_COMPLETE + "\",\"type\":\"String\"}}}"))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void twoStaffCompletingOneTaskAtOnceGetOne204AndOne409InWords(CapturedOutput output) throws Exception {
    int rounds = 4;
    int raced = 0;
    for (int round = 0; round < rounds; round++) {
      String name = "Linden Clinic " + round;
      OnboardingRequest request = submit(Worksheets.complete(name));
      runDueJobs();
      agreements.record(request.organizationId(), new AgreementService.Signature("Rep", null, null, LocalDate.of(2026, 3, 1)), "t");
      runDueJobs();
      String taskId = task(request, TASK_REVIEW_WORKSHEET).getId();

      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return complete(taskId);
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get(90, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isNotEqualTo(500).isIn(204, 409);
        statuses.add(r.statusCode());
        if (r.statusCode() == 409) {
          assertThat(r.body()).contains("Someone else completed or changed this task at the same moment.")
              .doesNotContain("ENGINE-").doesNotContain("Exception").doesNotContain("task is null");
        }
      }
      pool.shutdown();
      assertThat(statuses).as(name).containsExactlyInAnyOrder(204, 409);
      // The process went on once: one review recorded, the review task gone, one worksheet-review history entry.
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(request.trackingId()).taskDefinitionKey(TASK_REVIEW_WORKSHEET).count())
          .isZero();
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(request.trackingId())
          .taskDefinitionKey(TASK_REVIEW_WORKSHEET).finished().count()).isOne();
      assertThat(jdbc.queryForObject("select count(*) from miic_worksheet_review v join miic_worksheet w on w.id = v.worksheet_id "
          + "where w.request_id = ?", Integer.class, request.id())).as("the losing completion stored nothing").isOne();
      raced++;
    }
    assertThat(raced).isEqualTo(rounds);
    assertThat(output.getOut()).contains("Task completion lost a race at /engine-rest/task/");
    assertThat(output.getOut()).doesNotContain(" ERROR ");
  }
}
