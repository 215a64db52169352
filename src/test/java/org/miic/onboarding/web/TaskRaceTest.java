package org.miic.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two staff completing one task at once (issue 7, item 14): the engine's 500 with an OptimisticLockingException, or its
 * "task is null" for a task already gone, becomes a 409 with a sentence. Other failures pass through unchanged.
 */
class TaskRaceTest {

  private final TaskInputErrorFilter filter = new TaskInputErrorFilter();

  private MockHttpServletResponse complete(String path, int status, String engineBody) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain engine = (req, res) -> {
      ((HttpServletResponse) res).setStatus(status);
      res.setContentType("application/json");
      res.getOutputStream().write(engineBody.getBytes(StandardCharsets.UTF_8));
    };
    filter.doFilter(request, response, engine);
    return response;
  }

  @Test
  void anOptimisticLockingFailureIsAConflictInWords() throws Exception {
    MockHttpServletResponse r = complete("/engine-rest/task/t1/complete", 500,
        "{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 Execution of 'UPDATE ExecutionEntity[x]' failed.\",\"code\":1}");
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getContentAsString()).contains("Someone else completed or changed this task").doesNotContain("ENGINE-");
  }

  @Test
  void aTaskAlreadyCompletedIsAConflictInWords() throws Exception {
    MockHttpServletResponse r = complete("/camunda/api/engine/engine/default/task/t1/submit-form", 500,
        "{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: Cannot find task with id t1: task is null\",\"code\":0}");
    assertThat(r.getStatus()).isEqualTo(409);
  }

  @Test
  void aCompletionThatFoundTheTaskLockedAndGoneIsAConflictInWords() throws Exception {
    // TaskCompletionLock's refusal, as the engine wraps a listener's exception.
    MockHttpServletResponse r = complete("/engine-rest/task/t1/complete", 500,
        "{\"type\":\"ProcessEngineException\",\"message\":\"ENGINE-03051 There was an exception while invoking the TaskListener. "
            + "Message: 'Task t1 " + org.miic.onboarding.common.TaskCompletionLock.RACE_LOST + ".'\",\"code\":0}");
    assertThat(r.getStatus()).isEqualTo(409);
    assertThat(r.getContentAsString()).contains("Someone else completed or changed this task").doesNotContain("ENGINE-");
  }

  @Test
  void otherAnswersPassThrough() throws Exception {
    assertThat(complete("/engine-rest/task/t1/complete", 204, "").getStatus()).isEqualTo(204);
    MockHttpServletResponse other = complete("/engine-rest/task/t1/complete", 500, "{\"type\":\"ProcessEngineException\",\"message\":\"disk full\"}");
    assertThat(other.getStatus()).isEqualTo(500);
    assertThat(other.getContentAsString()).contains("disk full");
  }
}
